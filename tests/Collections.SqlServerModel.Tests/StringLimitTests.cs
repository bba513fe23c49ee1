using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Collections.SharedKernel.Security;
using FluentValidation;
using Microsoft.SqlServer.Dac.Model;

namespace Collections.SqlServerModel.Tests;

/// <summary>
/// SQL Server refuses text longer than its column (SQLite does not), so the column is the one source of truth
/// for every string limit. Each bounded text column of the migrated schema is declared here with where its
/// text comes from: a request field, whose validator must refuse one character more than the column holds; a
/// clip constant of the code, which must not exceed the column; or values the code writes itself, with why
/// they fit. A new column without a declaration fails, and so does a validator that allows more.
/// </summary>
public sealed partial class StringLimitTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Lazy<IReadOnlyDictionary<string, int>> Widths = new(ReadWidths);

    [Test]
    public void EveryBoundedTextColumn_IsDeclared()
    {
        var undeclared = Widths.Value.Keys.Where(column => ColumnSources.Of(column) is null);

        Assert.That(undeclared, Is.Empty, "declare where each column's text comes from in ColumnSources");
    }

    [Test]
    public void EveryDeclaredColumn_Exists()
    {
        var stale = ColumnSources.Declared.Where(column => !Widths.Value.ContainsKey(column));

        Assert.That(stale, Is.Empty, "a declaration names a column the migrations do not create");
    }

    private static IEnumerable<TestCaseData> Inputs() =>
        ColumnSources.Inputs.Select(input => new TestCaseData(input).SetArgDisplayNames($"{input.Column} <- {input.Request}.{input.Path}"));

    [TestCaseSource(nameof(Inputs))]
    public void ARequestField_IsRefusedOneCharacterPastItsColumn(ColumnSources.Input input)
    {
        var width = Widths.Value[input.Column];

        Assert.That(RefusesPast(input, width), Is.True, $"{input.Request}.{input.Path} accepts {width + 1} characters; {input.Column} holds {width}");
    }

    private static IEnumerable<TestCaseData> Clips() =>
        ColumnSources.Clips.Select(clip => new TestCaseData(clip).SetArgDisplayNames($"{clip.Column} <- {clip.Limit}"));

    [TestCaseSource(nameof(Clips))]
    public void AClippedValue_FitsItsColumn(ColumnSources.Clip clip)
    {
        Assert.That(clip.Limit, Is.LessThanOrEqualTo(Widths.Value[clip.Column]));
    }

    [Test]
    public void TheCheckBites_AColumnNarrowerThanItsValidator_Fails()
    {
        var debtorName = ColumnSources.Inputs.Single(i => i.Column == "invoicing_debtors.name");

        Assert.Multiple(() =>
        {
            Assert.That(RefusesPast(debtorName, 200), Is.True, "the name is validated at 200 characters");
            Assert.That(RefusesPast(debtorName, 150), Is.False, "a 150-wide column would fail the check");
        });
    }

    [Test]
    public void TheActorColumns_HoldTheLongestActor()
    {
        var actors = Widths.Value.Where(w => ColumnSources.Of(w.Key) is ColumnSources.Clip { Limit: Caller.ActorLength });

        Assert.That(actors.Select(a => a.Value), Is.Not.Empty.And.All.GreaterThanOrEqualTo(Caller.ActorLength));
    }

    private static bool RefusesPast(ColumnSources.Input input, int width) =>
        ErrorsFor(input, Sample(input.Kind, width + 1)).Any(property => IsAt(property, input.Path));

    private static List<string> ErrorsFor(ColumnSources.Input input, string value)
    {
        var command = Command(input.Request, input.Path, value);
        var context = new ValidationContext<object>(command);
        return ValidatorsOf(command.GetType())
            .SelectMany(validator => validator.Validate(context).Errors)
            .Select(error => error.PropertyName)
            .ToList();
    }

    private static bool IsAt(string property, string path) =>
        Normalise(property).EndsWith(Normalise(path.Split('.')[^1]), StringComparison.Ordinal);

    private static string Normalise(string path) => IndexOrPunctuation().Replace(path, "").ToLowerInvariant();

    private static string Sample(SampleKind kind, int length) => kind switch
    {
        SampleKind.Email => new string('a', length - "@example.com".Length) + "@example.com",
        SampleKind.Url => "https://example.com/" + new string('a', length - "https://example.com/".Length),
        _ => new string('a', length),
    };

    /// <summary>The request as its endpoint builds it from JSON: the value at its path, every nested object present and empty.</summary>
    private static object Command(string request, string path, string value)
    {
        var type = HostAssemblies.All.SelectMany(a => a.GetTypes()).Single(t => t.Name == request);
        var root = new JsonObject();
        foreach (var property in type.GetProperties().Where(p => IsObject(p.PropertyType)))
        {
            root[JsonNamingPolicy.CamelCase.ConvertName(property.Name)] = new JsonObject();
        }

        JsonNode node = root;
        var segments = path.Split('.');
        foreach (var segment in segments[..^1])
        {
            node = Child(node, segment);
        }

        if (segments.Length == 1 && type.GetProperty(path, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { } ignored
            && ignored.GetCustomAttribute<JsonIgnoreAttribute>() is not null)
        {
            var command = root.Deserialize(type, Json)!;
            ignored.SetValue(command, value);
            return command;
        }

        Set(node, segments[^1], JsonValue.Create(value));
        return root.Deserialize(type, Json)!;
    }

    private static JsonNode Child(JsonNode parent, string segment)
    {
        var (name, isList) = segment.EndsWith("[]", StringComparison.Ordinal) ? (segment[..^2], true) : (segment, false);
        var existing = parent[name];
        if (isList)
        {
            var list = existing as JsonArray ?? new JsonArray(new JsonObject());
            parent[name] = list;
            return list[0]!;
        }

        var child = existing as JsonObject ?? new JsonObject();
        parent[name] = child;
        return child;
    }

    private static void Set(JsonNode parent, string segment, JsonNode value)
    {
        if (segment.EndsWith("[]", StringComparison.Ordinal))
        {
            parent[segment[..^2]] = new JsonArray(value);
        }
        else
        {
            parent[segment] = value;
        }
    }

    private static bool IsObject(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type);

    /// <summary>The command's validators, each built with default options where it takes any (and the system clock where it takes one).</summary>
    private static List<IValidator> ValidatorsOf(Type command)
    {
        var validators = HostAssemblies.All.SelectMany(a => a.GetTypes())
            .Where(t => !t.IsAbstract
                && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>) && i.GetGenericArguments()[0] == command))
            .Select(t => (IValidator)Activator.CreateInstance(t, t.GetConstructors().Single().GetParameters().Select(p => p.ParameterType == typeof(TimeProvider) ? TimeProvider.System : Activator.CreateInstance(p.ParameterType)).ToArray())!)
            .ToList();
        Assert.That(validators, Is.Not.Empty, $"{command.Name} has no validator");
        return validators;
    }

    private static IReadOnlyDictionary<string, int> ReadWidths()
    {
        using var model = SchemaModel.FromMigrations(MigrationScript.ForSqlServer(HostAssemblies.All));
        return model.GetObjects(DacQueryScopes.UserDefined, Table.TypeClass)
            .SelectMany(table => table.GetReferenced(Table.Columns).Select(column => (Name: $"{table.Name.Parts[^1]}.{column.Name.Parts[^1]}", Column: column)))
            .Where(c => c.Column.GetReferenced(Column.DataType).Single().Name.Parts[^1] is "nvarchar" or "varchar" or "nchar" or "char"
                && !c.Column.GetProperty<bool>(Column.IsMax))
            .ToDictionary(c => c.Name, c => c.Column.GetProperty<int>(Column.Length));
    }

    [GeneratedRegex(@"\[\d*\]|[^A-Za-z0-9]")]
    private static partial Regex IndexOrPunctuation();
}
