using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Collections.Bench;

namespace Collections.Portal.Bench;

/// <summary>
/// The portal's invoice list as a debtor session sees it, with 20 and with 200 invoices, against a Kestrel minimal API that
/// serialises a list of the same size and shape, under the same load loop (32 connections, fixed duration) in the same run.
/// </summary>
internal static class PortalBench
{
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);

    public static async Task Main(string[] args)
    {
        var connections = Arg(args, "--connections", 32);
        var seconds = Arg(args, "--seconds", 10);
        var work = Directory.CreateTempSubdirectory("collections-portal-bench-");
        Console.WriteLine($"Portal reads benchmark: {connections} connections, {seconds} s per measurement, SQLite in {work.FullName}");

        var failures = 0;
        await using (var api = new BenchHost(Path.Combine(work.FullName, "portal.db")))
        {
            using var staff = api.Client();
            foreach (var size in new[] { 20, 200 })
            {
                var session = await SeedDebtorSessionAsync(staff, size);
                var url = new Uri(api.Address, $"/api/v1/invoices?limit={size}");
                var sample = await FetchAsync(url, session);
                await using var baseline = await BaselineServer.StartAsync(sample);

                var baselineRate = await LoadLoop.RequestsPerSecondAsync(baseline.Url, null, connections, Warmup, TimeSpan.FromSeconds(seconds));
                var apiRate = await LoadLoop.RequestsPerSecondAsync(url, session, connections, Warmup, TimeSpan.FromSeconds(seconds));
                var ratio = apiRate / baselineRate;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{size,3} invoices: API {apiRate,9:N0} req/s, baseline {baselineRate,9:N0} req/s, ratio {ratio:0.000} (target >= 0.25) {(ratio >= 0.25 ? "OK" : "BELOW TARGET")}"));
                failures += ratio >= 0.25 ? 0 : 1;
            }
        }

        work.Delete(recursive: true);
        Environment.ExitCode = failures == 0 ? 0 : 1;
    }

    /// <summary>A debtor with <paramref name="invoices"/> open invoices of two lines each, and a portal session for it.</summary>
    private static async Task<string> SeedDebtorSessionAsync(HttpClient staff, int invoices)
    {
        var externalId = $"bench-{invoices}";
        var debtor = await Json(await staff.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{externalId}", new
        {
            name = $"Bench {invoices} GmbH",
            countryCode = "DE",
            timeZone = "Europe/Berlin",
            language = "de",
            currency = "EUR",
            contacts = new[] { new { name = "Anna Schmidt", email = $"anna{invoices}@bench.example", role = "accounts_payable", isPrimary = true } },
        }));
        var rows = Enumerable.Range(0, invoices).Select(i => new
        {
            externalId = $"{externalId}-inv-{i}",
            debtorExternalId = externalId,
            number = $"B{invoices}-{i:0000}",
            currency = "EUR",
            issueDate = "2026-01-05",
            dueDate = "2026-02-04",
            total = 1234.56m,
            lines = new[]
            {
                new { description = "Consulting, January", quantity = 1m, unitPrice = 1000m, amount = 1000m },
                new { description = "Travel expenses", quantity = 2m, unitPrice = 117.28m, amount = 234.56m },
            },
        });
        (await staff.PostAsJsonAsync("/api/v1/invoices/import", new { invoices = rows })).EnsureSuccessStatusCode();

        var link = await Json(await staff.PostAsJsonAsync($"/api/v1/debtors/{debtor.GetProperty("id").GetString()}/portal-links", new { }));
        var fragment = new Uri(link.GetProperty("url").GetString()!).Fragment;
        var token = Uri.UnescapeDataString(fragment[(fragment.IndexOf('?') + 1)..].Split('&').Single(p => p.StartsWith("token=", StringComparison.Ordinal))[6..]);
        using var anonymous = new HttpClient { BaseAddress = staff.BaseAddress };
        var session = await Json(await anonymous.PostAsJsonAsync("/api/v1/portal/sessions", new { token }));
        return session.GetProperty("sessionToken").GetString()!;
    }

    private static async Task<byte[]> FetchAsync(Uri url, string session)
    {
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session);
        using var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}

/// <summary>
/// The baseline: Kestrel with one minimal-API route that serialises, per request, the same JSON document the API returned
/// (parsed into a JsonElement tree, so the work per request is real serialisation of a same-sized list, not a byte copy).
/// </summary>
internal sealed class BaselineServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private BaselineServer(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<BaselineServer> StartAsync(byte[] document)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var list = JsonSerializer.Deserialize<JsonElement>(document);
        app.MapGet("/invoices", () => Results.Json(list));
        await app.StartAsync();
        var address = app.Urls.First();
        return new BaselineServer(app, new Uri(new Uri(address), "/invoices"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>A closed loop: each connection sends its next request as soon as the last one answered, for a fixed time.</summary>
internal static class LoadLoop
{
    public static async Task<double> RequestsPerSecondAsync(Uri url, string? bearer, int connections, TimeSpan warmup, TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler);
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        await RunAsync(client, url, connections, warmup);
        var clock = Stopwatch.StartNew();
        var completed = await RunAsync(client, url, connections, duration);
        return completed / clock.Elapsed.TotalSeconds;
    }

    private static async Task<long> RunAsync(HttpClient client, Uri url, int connections, TimeSpan duration)
    {
        long completed = 0;
        using var stop = new CancellationTokenSource(duration);
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            var buffer = new byte[64 * 1024];
            while (!stop.IsCancellationRequested)
            {
                using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
                response.EnsureSuccessStatusCode();
                await using var body = await response.Content.ReadAsStreamAsync();
                while (await body.ReadAsync(buffer) > 0)
                {
                }

                Interlocked.Increment(ref completed);
            }
        }));
        return completed;
    }
}
