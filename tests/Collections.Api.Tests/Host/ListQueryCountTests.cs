using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Api.Tests.Host;

/// <summary>
/// No list endpoint runs a query per row: the SQL commands one request sends are the same for a page of 2 and a page of 8.
/// Commands are counted by the data layer's meter and attributed to the request by its trace id.
/// </summary>
public sealed class ListQueryCountTests(DatabaseProvider provider) : ApiFixture(provider)
{
    private const int Rows = 8;

    private static readonly ActivityListener AspNetCoreActivities = new()
    {
        ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
    };

    private readonly Dictionary<string, string> ids = [];

    [OneTimeSetUp]
    public async Task SeedEightOfEverything()
    {
        ActivitySource.AddActivityListener(AspNetCoreActivities);
        var debtorExternalId = Unique("deb");
        for (var i = 0; i < Rows; i++)
        {
            var debtor = await Erp.PutDebtor(i == 0 ? debtorExternalId : Unique("deb"), TestData.DebtorBody($"Count {i} GmbH", contacts:
            [
                new { name = "Anna Schmidt", email = $"anna{i}@count.example", role = "accounts_payable", isPrimary = true },
                new { name = "Ben Braun", email = $"ben{i}@count.example", role = "finance", isPrimary = false },
            ]));
            if (i == 0)
            {
                ids["debtor"] = debtor.GetProperty("id").GetString()!;
            }
        }

        var invoices = new List<string>();
        for (var i = 0; i < 2 * Rows; i++)
        {
            invoices.Add(await Erp.NewInvoice(debtorExternalId, 500m, "2026-01-10", "2026-02-09", poNumber: null, lines:
            [
                new { description = "Service", quantity = 1m, unitPrice = 300m, amount = 300m },
                new { description = "Parts", quantity = 2m, unitPrice = 100m, amount = 200m },
            ]));
        }

        for (var i = 0; i < Rows; i++)
        {
            await (await Erp.PostKeyed("/api/v1/payments", new
            {
                debtorId = ids["debtor"],
                amount = 10m,
                currency = "EUR",
                method = "wire",
                reference = $"REF-{i}",
                receivedAt = "2026-03-01",
                allocations = new[] { new { invoiceId = invoices[i], amount = 10m } },
            })).ShouldBe(HttpStatusCode.Created);
            await (await Staff.PostKeyed("/api/v1/disputes", new { invoiceId = invoices[i], reason = "pricing", description = "Unit price differs from the order." }))
                .ShouldBe(HttpStatusCode.Created);
            await (await Staff.PostKeyed("/api/v1/payment-plans", new
            {
                invoiceIds = new[] { invoices[Rows + i] },
                installmentCount = 2,
                frequency = "monthly",
                firstPaymentDate = "2026-03-20",
            })).ShouldBe(HttpStatusCode.Created);
        }
    }

    [OneTimeTearDown]
    public void StopListening() => AspNetCoreActivities.Dispose();

    [TestCase("/api/v1/debtors")]
    [TestCase("/api/v1/invoices?debtorId={debtor}")]
    [TestCase("/api/v1/payments?debtorId={debtor}")]
    [TestCase("/api/v1/disputes?debtorId={debtor}")]
    [TestCase("/api/v1/payment-plans?debtorId={debtor}")]
    [TestCase("/api/v1/debtors/{debtor}/activity")]
    public async Task ListPage_SendsAsManyCommandsForEightRowsAsForTwo(string url)
    {
        url = ids.Aggregate(url, (current, id) => current.Replace("{" + id.Key + "}", id.Value, StringComparison.Ordinal));
        var separator = url.Contains('?', StringComparison.Ordinal) ? "&" : "?";

        var (small, smallCount) = await CountCommands($"{url}{separator}limit=2");
        var (large, largeCount) = await CountCommands($"{url}{separator}limit={Rows}");

        Assert.Multiple(() =>
        {
            Assert.That(small, Is.EqualTo(2), "the small page is full");
            Assert.That(large, Is.EqualTo(Rows), "the large page is full");
            Assert.That(largeCount, Is.EqualTo(smallCount), $"{url}: {smallCount} commands for 2 rows, {largeCount} for {Rows}");
        });
    }

    private async Task<(int Items, int Commands)> CountCommands(string url)
    {
        var traceId = ActivityTraceId.CreateRandom();
        var commands = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == DbSession.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) =>
        {
            if (Activity.Current?.TraceId == traceId)
            {
                Interlocked.Add(ref commands, (int)value);
            }
        });
        listener.Start();

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        var page = await (await Staff.SendAsync(request)).ShouldBe(HttpStatusCode.OK);
        return (page.GetProperty("items").GetArrayLength(), commands);
    }
}
