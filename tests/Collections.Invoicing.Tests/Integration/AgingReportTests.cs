using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel.Data;
using Collections.Testing;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Invoicing.Tests.Integration;

public sealed class AgingReportTests(DatabaseProvider provider) : ApiFixture(provider)
{
    private string debtorId = null!;

    [OneTimeSetUp]
    public async Task CreateLedger()
    {
        var debtor = Unique("deb");
        debtorId = (await Erp.PutDebtor(debtor, TestData.DebtorBody("Aging Test AG"))).GetProperty("id").GetString()!;
        async Task<string> Invoice(decimal total, string due, string issue = "2025-10-01", string currency = "EUR") =>
            (await Erp.PutInvoice(Unique("inv"), TestData.InvoiceBody(debtor, total, issue, due, currency))).GetProperty("id").GetString()!;

        await Invoice(100m, "2026-03-02");
        await Invoice(200m, "2026-03-01");
        await Invoice(300m, "2026-01-31");
        await Invoice(400m, "2026-01-30");
        var disputed = await Invoice(1000m, "2026-01-30");
        await Invoice(500m, "2025-12-02");
        await Invoice(600m, "2025-11-02");
        var credited = await Invoice(700m, "2025-11-01");
        var voided = await Invoice(900m, "2025-11-01");
        await Invoice(80m, "2026-03-20", "2026-03-02");
        await Invoice(55.5m, "2026-02-01", currency: "USD");

        await using var scope = App.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        await mediator.Send(new SetDisputedAmountCommand(disputed, 25_000, "dsp_aging"));
        await mediator.Send(new IssueCreditNoteCommand(credited, 5_000, "Price correction"));
        await (await Erp.PostAsJsonAsync($"/api/v1/invoices/{voided}/void", new { reason = "Duplicate" })).ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Aging_AsOfToday_PutsEachBalanceInItsBucketWithDisputedApart()
    {
        var report = await Report("2026-03-02");

        var eur = Row(report, "EUR");
        Assert.Multiple(() =>
        {
            Assert.That(Amounts(eur), Is.EqualTo(new[] { 180m, 500m, 1150m, 500m, 600m, 650m, 250m, 3830m }));
            Assert.That(eur.GetProperty("openItems").GetInt32(), Is.EqualTo(9));
            Assert.That(eur.GetProperty("debtorName").GetString(), Is.EqualTo("Aging Test AG"));
            Assert.That(Amounts(Row(report, "USD")), Is.EqualTo(new[] { 0m, 55.5m, 0m, 0m, 0m, 0m, 0m, 55.5m }), "currencies never mix");
        });
        var total = report.GetProperty("totals").EnumerateArray().Single(t => t.GetProperty("currency").GetString() == "EUR");
        Assert.That(Amounts(total.GetProperty("amounts")), Is.EqualTo(Amounts(eur)), "this fixture holds one debtor");
    }

    [Test]
    public async Task Aging_AsOfAnEarlierDate_ShowsWhatWasOwedThen()
    {
        var report = await Report("2026-03-01");

        // Not yet: the invoice issued 2026-03-02, the credit note, the void and the dispute (all recorded 2026-03-02), so the
        // disputed 250 still sits in its invoice's bucket (1-30 days). Every item is a day younger.
        Assert.That(Amounts(Row(report, "EUR")), Is.EqualTo(new[] { 300m, 1700m, 0m, 500m, 2200m, 0m, 0m, 4700m }));
    }

    [Test]
    public async Task Aging_WhenAsOfIsNotADate_Is400()
    {
        await (await Erp.GetAsync("/api/v1/reports/aging?asOf=2026-02-30")).ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Aging_WhenAnonymous_Is401()
    {
        await (await Anonymous.GetAsync("/api/v1/reports/aging")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    private async Task<JsonElement> Report(string asOf) =>
        await (await Erp.GetAsync($"/api/v1/reports/aging?asOf={asOf}")).ShouldBe(HttpStatusCode.OK);

    private JsonElement Row(JsonElement report, string currency) =>
        report.GetProperty("debtors").EnumerateArray().Single(d => d.GetProperty("debtorId").GetString() == debtorId && d.GetProperty("currency").GetString() == currency);

    private static decimal[] Amounts(JsonElement rowOrAmounts)
    {
        var amounts = rowOrAmounts.TryGetProperty("amounts", out var nested) ? nested : rowOrAmounts;
        return new[] { "current", "days1To30", "days31To60", "days61To90", "days91To120", "over120", "disputed", "total" }.Select(k => amounts.GetProperty(k).Amount()).ToArray();
    }
}
