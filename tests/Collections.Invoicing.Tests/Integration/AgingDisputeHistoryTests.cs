using System.Net;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Invoicing.Tests.Integration;

/// <summary>The disputed column of the aging report as of past dates (its own host: the clock moves).</summary>
public sealed class AgingDisputeHistoryTests(DatabaseProvider provider) : ApiFixture(provider)
{
    [Test]
    public async Task Aging_AsOfTheDaysOfADispute_ShowsWhatWasDisputedThen()
    {
        var debtor = Unique("deb");
        var debtorId = (await Erp.PutDebtor(debtor, TestData.DebtorBody("Dispute History AG"))).GetProperty("id").GetString()!;
        var invoice = (await Erp.PutInvoice(Unique("inv"), TestData.InvoiceBody(debtor, 500m, "2026-01-01", "2026-02-01"))).GetProperty("id").GetString()!;
        var disputedOn = DateOnly.FromDateTime(App.Time.GetUtcNow().UtcDateTime);
        await App.Send(new SetDisputedAmountCommand(invoice, 10_000, "dsp_1"));
        await App.Send(new SetDisputedAmountCommand(invoice, 20_000, "dsp_1"));
        App.Time.Advance(TimeSpan.FromDays(2));
        await App.Send(new SetDisputedAmountCommand(invoice, 0, "dsp_1"));

        async Task<decimal> Disputed(DateOnly asOf)
        {
            var report = await (await Erp.GetAsync($"/api/v1/reports/aging?asOf={asOf:yyyy-MM-dd}")).ShouldBe(HttpStatusCode.OK);
            return report.GetProperty("debtors").EnumerateArray().Single(d => d.GetProperty("debtorId").GetString() == debtorId)
                .GetProperty("amounts").GetProperty("disputed").Amount();
        }

        Assert.That(await Disputed(disputedOn.AddDays(-1)), Is.Zero, "before the dispute");
        Assert.That(await Disputed(disputedOn), Is.EqualTo(200m), "the amount at the end of that day");
        Assert.That(await Disputed(disputedOn.AddDays(1)), Is.EqualTo(200m));
        Assert.That(await Disputed(disputedOn.AddDays(2)), Is.Zero, "resolved");
    }
}
