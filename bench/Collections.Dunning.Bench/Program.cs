using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel.Data;
using Collections.Testing;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

// A dunning run over 100,000 open invoices of 10,000 debtors on SQLite, through the real host.
// Baseline (same run, same data): reading every open invoice and every debtor through Invoicing's contracts,
// the floor any run must pay. Target from the issue: a full run under 30 s on a 2-core machine.
var debtors = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var perDebtor = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;

var root = new DirectoryInfo(AppContext.BaseDirectory);
while (root is not null && !File.Exists(Path.Combine(root.FullName, "Collections.sln")))
{
    root = root.Parent;
}

// WebApplicationFactory looks for the host's content root next to the caller's project; point it at the host.
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_COLLECTIONS_API", Path.Combine(root?.FullName ?? ".", "src", "Collections.Api"));

await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
await using var app = new CollectionsApp(database, new Dictionary<string, string?>
{
    ["Dunning:BackgroundEnabled"] = "false",
    ["Dunning:OutboxDirectory"] = Path.Combine(Path.GetTempPath(), "dunning-bench-outbox"),
    ["Logging:LogLevel:Default"] = "Warning",
    ["Logging:LogLevel:Collections.Dunning.Features.Runs"] = "Information",
});
using var staff = app.ClientWithKey(await app.CreateApiKeyAsync("staff"));
using var erp = app.ClientWithKey(await app.CreateApiKeyAsync("erp"));
var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);

(await erp.PutAsJsonAsync("/api/v1/debtors/by-external-id/bench-template", new
{
    name = "Bench Template GmbH",
    countryCode = "DE",
    timeZone = "Europe/Berlin",
    language = "en",
    currency = "EUR",
    creditLimit = 100000m,
    paymentTermsDays = 30,
    contacts = new[] { new { name = "Anna Schmidt", email = "anna@bench.example", role = "accounts_payable", isPrimary = true } },
})).EnsureSuccessStatusCode();
(await erp.PutAsJsonAsync("/api/v1/invoices/by-external-id/bench-template-inv", new
{
    debtorExternalId = "bench-template",
    number = "T-0",
    poNumber = "PO-1",
    currency = "EUR",
    issueDate = "2026-01-01",
    dueDate = "2026-02-01",
    total = 1190.00m,
})).EnsureSuccessStatusCode();

var seed = Stopwatch.StartNew();
Seeder.Clone(database.ConnectionString, debtors, perDebtor, today);
Console.WriteLine($"seeded {debtors:N0} debtors, {debtors * perDebtor:N0} invoices in {seed.Elapsed.TotalSeconds:F1} s");

var baseline = Stopwatch.StartNew();
await using (var scope = app.Services.CreateAsyncScope())
{
    var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
    var items = await mediator.Send(new GetAllOpenItemsQuery());
    var ids = items.Select(i => i.DebtorId).Distinct().ToList();
    _ = await mediator.Send(new GetDebtorsQuery(ids));
}

baseline.Stop();

async Task<(TimeSpan Elapsed, JsonElement Body)> Run(bool dryRun)
{
    var watch = Stopwatch.StartNew();
    var response = await staff.PostAsJsonAsync("/api/v1/dunning/runs", new { dryRun });
    var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    response.EnsureSuccessStatusCode();
    return (watch.Elapsed, body);
}

var dry = await Run(dryRun: true);
var full = await Run(dryRun: false);
var replay = await Run(dryRun: false);

var evaluated = full.Body.GetProperty("evaluated").GetInt32();
void Line(string name, TimeSpan elapsed) =>
    Console.WriteLine($"{name,-28} {elapsed.TotalSeconds,7:F2} s  {evaluated / elapsed.TotalSeconds,10:N0} invoices/s  {elapsed / baseline.Elapsed,6:F1}x baseline");

Console.WriteLine($"evaluated {evaluated:N0} open invoices; full run took {full.Body.GetProperty("steps").GetArrayLength():N0} steps, wrote {full.Body.GetProperty("messages").GetArrayLength():N0} messages and {full.Body.GetProperty("tasks").GetArrayLength():N0} tasks");
Line("baseline (read items+debtors)", baseline.Elapsed);
Line("dry run", dry.Elapsed);
Line("full run", full.Elapsed);
Line("replay (nothing new)", replay.Elapsed);
Console.WriteLine($"target: full run < 30 s -> {(full.Elapsed.TotalSeconds < 30 ? "met" : "MISSED")}");
return full.Elapsed.TotalSeconds < 30 ? 0 : 1;

internal static class Seeder
{
    /// <summary>Clones the template debtor, contact and invoice rows made through the API, so every column is valid.</summary>
    public static void Clone(string connectionString, int debtors, int perDebtor, DateOnly today)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var tx = connection.BeginTransaction();
        var debtor = Row(connection, tx, "SELECT * FROM invoicing_debtors WHERE external_id = 'bench-template'");
        var contact = Row(connection, tx, $"SELECT * FROM invoicing_contacts WHERE debtor_id = '{debtor["id"]}'");
        var invoice = Row(connection, tx, "SELECT * FROM invoicing_receivables WHERE external_id = 'bench-template-inv'");
        using var insertDebtor = Insert(connection, tx, "invoicing_debtors", debtor);
        using var insertContact = Insert(connection, tx, "invoicing_contacts", contact);
        using var insertInvoice = Insert(connection, tx, "invoicing_receivables", invoice);
        var random = new Random(42);
        string[] segments = ["standard", "standard", "standard", "strategic", "high_risk"];
        for (var d = 0; d < debtors; d++)
        {
            var debtorId = $"deb_bench{d:D8}";
            Set(insertDebtor, debtor, new() { ["id"] = debtorId, ["external_id"] = $"bench-{d}", ["name"] = $"Bench Debtor {d} GmbH", ["search_name"] = $"bench debtor {d} gmbh", ["segment"] = segments[d % segments.Length] });
            Set(insertContact, contact, new() { ["id"] = $"con_bench{d:D8}", ["debtor_id"] = debtorId });
            for (var i = 0; i < perDebtor; i++)
            {
                var due = today.AddDays(random.Next(-100, 10));
                Set(insertInvoice, invoice, new()
                {
                    ["id"] = $"inv_bench{d:D8}{i:D3}",
                    ["external_id"] = $"bench-{d}-{i}",
                    ["debtor_id"] = debtorId,
                    ["number"] = $"B-{d}-{i}",
                    ["due_date"] = Like(invoice["due_date"], due),
                    ["issue_date"] = Like(invoice["issue_date"], due.AddDays(-30)),
                });
            }
        }

        tx.Commit();
    }

    /// <summary>A date written in the same text form the template row holds (the provider's own format).</summary>
    private static string Like(object? template, DateOnly date)
    {
        var text = Convert.ToString(template, CultureInfo.InvariantCulture)!;
        return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + text[10..];
    }

    private static Dictionary<string, object?> Row(SqliteConnection connection, SqliteTransaction tx, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        reader.Read();
        return Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i));
    }

    private static SqliteCommand Insert(SqliteConnection connection, SqliteTransaction tx, string table, Dictionary<string, object?> template)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", template.Keys)}) VALUES ({string.Join(", ", template.Keys.Select(k => "$" + k))})";
        foreach (var key in template.Keys)
        {
            command.Parameters.Add(new SqliteParameter("$" + key, template[key] ?? DBNull.Value));
        }

        command.Prepare();
        return command;
    }

    private static void Set(SqliteCommand command, Dictionary<string, object?> template, Dictionary<string, object> overrides)
    {
        foreach (var key in template.Keys)
        {
            command.Parameters["$" + key].Value = overrides.TryGetValue(key, out var value) ? value : template[key] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }
}
