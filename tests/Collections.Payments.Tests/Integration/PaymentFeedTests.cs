using System.Net;
using System.Text.Json;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Payments.Tests.Integration;

/// <summary>
/// `GET /payments` as a cash-application feed: followed by its cursor while payments are being written, it shows every
/// payment once per change, in commit order, with the ERP's ids, and a payment that changes comes again.
/// </summary>
public sealed class PaymentFeedTests(DatabaseProvider provider) : ApiFixture(provider)
{
    [Test]
    public async Task Poller_FollowingTheCursorWhileFiveWritersRecord_SeesEveryPaymentOnce_AndARefundedOneAgain()
    {
        var start = (await Poll(null)).Resume;
        var debtors = new List<(string Id, string External, string Invoice)>();
        for (var i = 0; i < 5; i++)
        {
            var external = Unique("deb");
            var id = await Erp.NewDebtor(external);
            debtors.Add((id, external, await Erp.NewInvoice(external, 1000m, "2026-01-01", "2026-02-01")));
        }

        var writers = debtors.Select(d => Task.Run(async () =>
        {
            var ids = new List<string>();
            for (var n = 0; n < 8; n++)
            {
                ids.Add((await Erp.Pay(TestData.PaymentBody(d.Id, 10m))).GetProperty("id").GetString()!);
            }

            return ids;
        })).ToList();
        var seen = new List<JsonElement>();
        var cursor = start;
        while (!writers.All(w => w.IsCompleted))
        {
            var page = await Poll(cursor, limit: 7);
            seen.AddRange(page.Items);
            cursor = page.Resume;
        }

        var recorded = (await Task.WhenAll(writers)).SelectMany(ids => ids).ToList();
        for (var page = await Poll(cursor, limit: 7); ; page = await Poll(cursor, limit: 7))
        {
            seen.AddRange(page.Items);
            cursor = page.Resume;
            if (page.Items.Count == 0)
            {
                break;
            }
        }

        Assert.That(seen.Select(Id), Is.EquivalentTo(recorded), "every payment, none twice, the late commits too");
        var first = seen.First(p => Id(p) == recorded[0]);
        var debtor = debtors.Single(d => d.Id == first.GetProperty("debtorId").GetString());
        Assert.That(first.GetProperty("debtorExternalId").GetString(), Is.EqualTo(debtor.External));
        Assert.That(first.GetProperty("allocations")[0].GetProperty("invoiceExternalId").GetString(), Is.Not.Null.And.Not.Empty);

        await (await Staff.PostKeyed($"/api/v1/payments/{recorded[0]}/refunds", new { amount = 4m, reason = "Overcharged" })).ShouldBe(HttpStatusCode.Created);
        var after = await Poll(cursor);

        Assert.That(after.Items.Select(Id), Is.EqualTo(new[] { recorded[0] }), "the refunded payment comes again, alone");
        Assert.That(after.Items[0].Amount("refunded"), Is.EqualTo(4m));
        var idle = await Poll(after.Resume);
        Assert.That((idle.Items.Count, idle.Resume), Is.EqualTo((0, after.Resume)), "caught up: nothing new, and the same place to resume");
    }

    private async Task<(List<JsonElement> Items, string Resume)> Poll(string? cursor, int limit = 50)
    {
        var page = await (await Erp.GetAsync($"/api/v1/payments?limit={limit}{(cursor is null ? "" : $"&cursor={cursor}")}")).ShouldBe(HttpStatusCode.OK);
        return (page.GetProperty("items").EnumerateArray().ToList(), page.GetProperty("resumeCursor").GetString()!);
    }

    private static string Id(JsonElement payment) => payment.GetProperty("id").GetString()!;
}
