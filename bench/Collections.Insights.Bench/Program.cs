using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Collections.SharedKernel.Data;
using Collections.Testing;
using Microsoft.Data.Sqlite;

// Insights summary and trend over N invoices and N/2 payments on SQLite, through the real host over HTTP.
// Baseline (same run, same rows): the raw SQL aggregate a hand-written report would run over the same tables
// (sum of the movements up to the date, cash per month). Target from issue 9: each under 2x its raw aggregate.
var count = Arg("--count", 1_000_000);
var repeats = Arg("--repeats", 5);
var payments = count / 2;

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
    ["Invoicing:LateFees:BackgroundAssessment"] = "false",
    ["Logging:LogLevel:Default"] = "Warning",
});
using var staff = app.ClientWithKey(await app.CreateApiKeyAsync("staff"));
var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);
var monthStart = new DateOnly(today.Year, today.Month, 1);

var seed = Stopwatch.StartNew();
Seeder.Fill(database.ConnectionString, count, payments, today);
Console.WriteLine($"Insights benchmark: seeded {count:N0} invoices and {payments:N0} payments (EUR, 18 months up to {today:yyyy-MM-dd}) in {seed.Elapsed.TotalSeconds:F1} s; median of {repeats} runs after a warm-up");

const string RawSummarySql = """
    SELECT SUM(delta_minor) FROM insights_movements WHERE currency = 'EUR' AND on_date <= $to;
    SELECT SUM(amount_minor) FROM insights_payments WHERE currency = 'EUR' AND received_on >= $from AND received_on <= $to;
    """;
const string RawTrendSql = """
    SELECT on_month, SUM(delta_minor) FROM insights_movements WHERE currency = 'EUR' AND on_date <= $to GROUP BY on_month;
    SELECT received_month, SUM(amount_minor) FROM insights_payments WHERE currency = 'EUR' AND received_on >= $from AND received_on <= $to GROUP BY received_month;
    """;

await using var raw = new SqliteConnection(database.ConnectionString);
await raw.OpenAsync();
var summaryUrl = $"/api/v1/insights/summary?from={monthStart:yyyy-MM-dd}&to={today:yyyy-MM-dd}&currency=EUR";
var trendUrl = "/api/v1/insights/trend?months=12&currency=EUR";

// The API must read the same rows the baseline sums, else the comparison means nothing.
using (var check = raw.CreateCommand())
{
    check.CommandText = RawSummarySql;
    check.Parameters.Add(Seeder.Date("$from", monthStart));
    check.Parameters.Add(Seeder.Date("$to", today));
    using var reader = check.ExecuteReader();
    reader.Read();
    var receivables = reader.GetInt64(0);
    reader.NextResult();
    reader.Read();
    var cash = reader.GetInt64(0);
    using var body = JsonDocument.Parse(await staff.GetStringAsync(summaryUrl));
    var apiReceivables = decimal.ToInt64(body.RootElement.GetProperty("receivables").GetProperty("amount").GetDecimal() * 100);
    var apiCash = decimal.ToInt64(body.RootElement.GetProperty("cashCollected").GetProperty("amount").GetDecimal() * 100);
    if (receivables != apiReceivables || cash != apiCash || cash == 0)
    {
        throw new InvalidOperationException($"API and raw SQL disagree: receivables {apiReceivables} vs {receivables}, cash {apiCash} vs {cash}.");
    }

    Console.WriteLine($"check: API receivables {receivables / 100m:N2} EUR and cash this month {cash / 100m:N2} EUR equal the raw sums");
}

var rawSummary = await Median(() => RawAsync(RawSummarySql, monthStart));
var apiSummary = await Median(() => GetAsync(summaryUrl));
var rawTrend = await Median(() => RawAsync(RawTrendSql, monthStart.AddMonths(-11)));
var apiTrend = await Median(() => GetAsync(trendUrl));

var met = true;
Report("summary", apiSummary, rawSummary);
Report("trend (12 months)", apiTrend, rawTrend);
Console.WriteLine($"target: API < 2.0x raw aggregate -> {(met ? "met" : "MISSED")}");
return met ? 0 : 1;

void Report(string name, TimeSpan api, TimeSpan baseline)
{
    var ratio = api / baseline;
    met &= ratio < 2.0;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-18} API {api.TotalMilliseconds,8:F0} ms   raw SQL aggregate {baseline.TotalMilliseconds,8:F0} ms   ratio {ratio,5:F2}x"));
}

async Task<TimeSpan> Median(Func<Task> run)
{
    await run();
    var times = new List<TimeSpan>();
    for (var i = 0; i < repeats; i++)
    {
        var watch = Stopwatch.StartNew();
        await run();
        times.Add(watch.Elapsed);
    }

    times.Sort();
    return times[times.Count / 2];
}

async Task GetAsync(string url)
{
    using var response = await staff.GetAsync(url);
    var body = await response.Content.ReadAsStringAsync();
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {body}");
    }
}

async Task RawAsync(string sql, DateOnly from)
{
    await using var command = raw.CreateCommand();
    command.CommandText = sql;
    command.Parameters.Add(Seeder.Date("$from", from));
    command.Parameters.Add(Seeder.Date("$to", today));
    await using var reader = await command.ExecuteReaderAsync();
    do
    {
        while (await reader.ReadAsync())
        {
            _ = reader.IsDBNull(reader.FieldCount - 1) ? 0 : reader.GetInt64(reader.FieldCount - 1);
        }
    }
    while (await reader.NextResultAsync());
}

int Arg(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

internal static class Seeder
{
    private const int Days = 540;

    /// <summary>
    /// Writes the read model's rows directly (what the feed would write for these invoices and payments): a sale movement per
    /// invoice, and for the first N/2 invoices a payment and its allocation movement. Dates are stored as the host stores them.
    /// </summary>
    public static void Fill(string connectionString, int invoices, int payments, DateOnly today)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var tx = connection.BeginTransaction();
        using var movement = Prepare(connection, tx, """
            INSERT INTO insights_movements (id, item_id, debtor_id, currency, on_date, on_month, due_date, is_sale, reason, source_id, delta_minor)
            VALUES ($id, $item, $debtor, 'EUR', $on, $month, $due, $sale, $reason, NULL, $delta)
            """, "$id", "$item", "$debtor", "$on", "$month", "$due", "$sale", "$reason", "$delta");
        using var payment = Prepare(connection, tx, """
            INSERT INTO insights_payments (id, debtor_id, currency, amount_minor, refunded_minor, received_on, received_month)
            VALUES ($id, $debtor, 'EUR', $amount, 0, $on, $month)
            """, "$id", "$debtor", "$amount", "$on", "$month");
        var debtors = Math.Max(1, invoices / 200);
        for (var i = 0; i < invoices; i++)
        {
            var issue = today.AddDays(-(i % Days));
            var due = issue.AddDays(30);
            var total = 10_000L + ((i % 5_000) * 100L);
            var debtor = $"deb_bench{i % debtors:D8}";
            Run(movement, $"imv_s{i:D8}", $"inv_bench{i:D8}", debtor, Day(issue), Month(issue), Day(due), 1, "sale", total);
            if (i < payments)
            {
                var received = issue.AddDays(i % 61) > today ? today : issue.AddDays(i % 61);
                Run(payment, $"pay_bench{i:D8}", debtor, total, Day(received), Month(received));
                Run(movement, $"imv_a{i:D8}", $"inv_bench{i:D8}", debtor, Day(received), Month(received), Day(due), 0, "allocation", -total);
            }
        }

        tx.Commit();
        using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        analyze.ExecuteNonQuery();
    }

    public static SqliteParameter Date(string name, DateOnly date) => new(name, SqliteType.Text) { Value = Day(date) };

    /// <summary>The text the host stores a date as on SQLite (ISO 8601), so the seeded rows compare like the feed's rows.</summary>
    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int Month(DateOnly date) => (date.Year * 100) + date.Month;

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction tx, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }
}
