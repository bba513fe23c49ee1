using System.Text.RegularExpressions;
using Collections.Testing;
using FluentValidation;
using MediatR;
using NetArchTest.Rules;

namespace Collections.Api.Tests.Architecture;

public sealed partial class ModuleBoundaryTests
{
    private static IEnumerable<ModuleAssembly> Modules => ModuleAssembly.All;

    [Test]
    public void Host_RegistersEveryModule()
    {
        Assert.That(Modules.Select(m => m.Name), Is.SupersetOf(new[] { "Access", "Invoicing", "Payments", "Disputes", "PaymentPlans", "Dunning", "Insights", "Webhooks" }));
    }

    [TestCaseSource(nameof(Modules))]
    public void Module_UsesNoOtherModulesInternals(ModuleAssembly module)
    {
        var foreignTypes = Modules.Where(other => other != module)
            .SelectMany(other => other.Implementation.GetTypes())
            .Select(t => t.FullName!)
            .Where(name => !name.Contains('<'))
            .ToArray();

        var result = Types.InAssembly(module.Implementation).ShouldNot().HaveDependencyOnAny(foreignTypes).GetResult();

        Assert.That(result.IsSuccessful, Is.True, $"{module} uses another module's internals: {string.Join(", ", result.FailingTypeNames ?? [])}");
        var referenced = module.Implementation.GetReferencedAssemblies().Select(a => a.Name);
        Assert.That(referenced, Has.None.AnyOf(Modules.Where(m => m != module).Select(m => m.Implementation.GetName().Name)));
    }

    [TestCaseSource(nameof(Modules))]
    public void Contracts_DependOnNoModule(ModuleAssembly module)
    {
        var referenced = module.Contracts.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(name => name.StartsWith("Collections.", StringComparison.Ordinal));

        Assert.That(referenced, Is.All.EqualTo("Collections.SharedKernel"), $"{module}.Contracts may reference only MediatR and the shared kernel");
        // Compiler-synthesised helpers (collection expressions emit "<>z__ReadOnlyArray") are not part of the contract.
        var result = Types.InAssembly(module.Contracts).That().DoNotHaveNameStartingWith("<").Should().BePublic().GetResult();
        Assert.That(result.IsSuccessful, Is.True, $"Contracts hold public records only: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [TestCaseSource(nameof(Modules))]
    public void HandlersValidatorsAndEndpoints_AreNotPublic(ModuleAssembly module)
    {
        var exposed = module.Implementation.GetTypes()
            .Where(t => t.IsPublic || t.IsNestedPublic)
            .Where(t => t.GetInterfaces().Any(i =>
                (i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>) || i.GetGenericTypeDefinition() == typeof(INotificationHandler<>)))
                || i == typeof(IValidator) || i == typeof(SharedKernel.Web.IEndpoint)))
            .Select(t => t.FullName);

        Assert.That(exposed, Is.Empty);
    }

    [TestCaseSource(nameof(Modules))]
    public void ModuleSql_NamesOnlyItsOwnTables(ModuleAssembly module)
    {
        var foreignPrefixes = Modules.Where(m => m != module).SelectMany(m => m.TablePrefixes).Append("platform_").ToArray();
        var offending = SqlConstants.In(module.Implementation)
            .SelectMany(sql => TableNames().Matches(sql.Text).Select(match => (sql.Name, Table: match.Value)))
            .Where(hit => foreignPrefixes.Any(prefix => hit.Table.StartsWith(prefix, StringComparison.Ordinal))
                && !module.TablePrefixes.Any(prefix => hit.Table.StartsWith(prefix, StringComparison.Ordinal)))
            .Select(hit => $"{hit.Name}: {hit.Table}");

        Assert.That(offending, Is.Empty, $"{module} reads or writes another module's tables");
    }

    [GeneratedRegex(@"\b[a-z]+_[a-z0-9_]+\b")]
    private static partial Regex TableNames();
}
