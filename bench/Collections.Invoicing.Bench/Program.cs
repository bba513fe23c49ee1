using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Collections.Bench;

namespace Collections.Invoicing.Bench;

internal static class InvoicingBench
{
    public static async Task Main(string[] args)
    {
        // Imports N invoices over HTTP (real Kestrel, batches of 1,000) into a fresh SQLite database, then inserts the
        // same rows with raw Dapper batches into another fresh database of the same schema, and prints both rates.
        var count = Arg("--count", 100_000);
        var batch = Arg("--batch", 1_000);
        var debtors = Arg("--debtors", 100);
        var work = Directory.CreateTempSubdirectory("collections-bench-");
        Console.WriteLine($"Invoicing import benchmark: {count:N0} invoices, batches of {batch:N0}, {debtors} debtors, SQLite in {work.FullName}");

        double apiRate;
        await using (var api = new BenchHost(Path.Combine(work.FullName, "api.db")))
        {
            using var http = api.Client();
            for (var d = 0; d < debtors; d++)
            {
                (await http.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{Rows.DebtorExternalId(d)}", Rows.Debtor(d))).EnsureSuccessStatusCode();
            }

            var clock = Stopwatch.StartNew();
            for (var start = 0; start < count; start += batch)
            {
                var response = await http.PostAsJsonAsync("/api/v1/invoices/import", new { invoices = Rows.Invoices(start, Math.Min(batch, count - start), debtors) });
                response.EnsureSuccessStatusCode();
                var result = await response.Content.ReadFromJsonAsync<ImportSummary>();
                if (result!.Created != Math.Min(batch, count - start))
                {
                    throw new InvalidOperationException($"Batch at {start}: {result.Created} created, {result.Rejected} rejected.");
                }
            }

            apiRate = count / clock.Elapsed.TotalSeconds;
            Console.WriteLine($"API import over HTTP : {apiRate,10:N0} invoices/s ({clock.Elapsed.TotalSeconds:N1} s)");
        }

        var rawPath = Path.Combine(work.FullName, "raw.db");
        await using (var schemaOnly = new BenchHost(rawPath))
        {
            using var http = schemaOnly.Client();
            (await http.GetAsync("/health/ready")).EnsureSuccessStatusCode();
        }

        var rawRate = await RawInsert.RunAsync(rawPath, count, batch, debtors);
        Console.WriteLine($"Raw Dapper batches   : {rawRate,10:N0} invoices/s");
        var ratio = apiRate / rawRate;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Ratio API / raw      : {ratio:0.000} (target >= 0.35) {(ratio >= 0.35 ? "OK" : "BELOW TARGET")}"));
        work.Delete(recursive: true);

        int Arg(string name, int fallback)

        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
        }
    }
}

internal sealed record ImportSummary(int Created, int Updated, int Unchanged, int Rejected);
