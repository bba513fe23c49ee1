using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Operations;
using Collections.Testing;

namespace Collections.Invoicing.Tests.Integration;

public sealed class LateFeeTests(DatabaseProvider provider) : ApiFixture(provider)
{
    /// <summary>The production limit on asOf: assessments here never look further than tomorrow.</summary>
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { [AsOfLimit.Setting] = "1" };

    private static readonly object Flat40 = new { kind = "flat", amount = 40m, graceDays = 5, periodDays = 30 };

    [Test]
    public async Task Assess_WhenGracePassed_ChargesASeparateFeeAndLeavesTheInvoiceAlone()
    {
        var (debtorId, invoiceId) = await OverdueInvoice(Flat40);

        var run = await Assess("2026-03-02");

        var fee = Fees(run, invoiceId).Single();
        Assert.That(fee.GetProperty("amount").Amount(), Is.EqualTo(40m));
        Assert.That(fee.GetProperty("assessedFor").GetString(), Is.EqualTo("2026-02-07"));
        var charge = await (await Staff.GetAsync($"/api/v1/invoices/{fee.GetProperty("feeId").GetString()}")).ShouldBe(HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(charge.GetProperty("kind").GetString(), Is.EqualTo("late_fee"));
            Assert.That(charge.GetProperty("invoiceId").GetString(), Is.EqualTo(invoiceId));
            Assert.That(charge.GetProperty("number").GetString(), Does.StartWith("LF-"));
            Assert.That(charge.GetProperty("balance").Amount(), Is.EqualTo(40m));
        });
        var invoice = await (await Staff.GetAsync($"/api/v1/invoices/{invoiceId}")).ShouldBe(HttpStatusCode.OK);
        Assert.That(invoice.GetProperty("total").Amount(), Is.EqualTo(1000m));
        Assert.That(invoice.GetProperty("balance").Amount(), Is.EqualTo(1000m));
        Assert.That(invoice.GetProperty("version").GetInt32(), Is.EqualTo(1));
        var activity = await (await Staff.GetAsync($"/api/v1/debtors/{debtorId}/activity")).ShouldBe(HttpStatusCode.OK);
        Assert.That(activity.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("type").GetString()), Does.Contain("late_fee.assessed"));
    }

    [Test]
    public async Task Assess_WhenRunAgain_ChargesNothingMore()
    {
        var (_, invoiceId) = await OverdueInvoice(Flat40);
        await Assess("2026-03-02");

        var again = await Assess("2026-03-02");
        var later = await Assess(null);

        Assert.That(Fees(again, invoiceId), Is.Empty);
        Assert.That(Fees(later, invoiceId), Is.Empty);
    }

    [Test]
    public async Task Assess_WhenDebtorHasPolicy_AppliesItToInvoicesWithout()
    {
        var debtor = Unique("deb");
        var body = JsonSerializer.SerializeToNode(TestData.DebtorBody())!.AsObject();
        body["lateFeePolicy"] = JsonSerializer.SerializeToNode(new { kind = "percent", percent = 1.5m });
        await Erp.PutDebtor(debtor, body);
        var invoiceId = (await Erp.PutInvoice(Unique("inv"), TestData.InvoiceBody(debtor, 1000.33m, "2026-01-01", "2026-02-01"))).GetProperty("id").GetString()!;

        var fee = Fees(await Assess("2026-03-02"), invoiceId).Single();

        Assert.That(fee.GetProperty("amount").Amount(), Is.EqualTo(15.00m), "1.5% of 1,000.33 = 15.00495, rounded to the cent");
    }

    [Test]
    public async Task Assess_WhenInvoiceFullyDisputed_ChargesNothingEvenAfterTheDisputeEnds()
    {
        var (_, invoiceId) = await OverdueInvoice(Flat40);
        await App.Send(new SetDisputedAmountCommand(invoiceId, 100_000, "dsp_test"));

        var during = await Assess("2026-03-02");
        await App.Send(new SetDisputedAmountCommand(invoiceId, 0, "dsp_test"));
        var after = await Assess("2026-03-02");

        Assert.That(Fees(during, invoiceId), Is.Empty);
        Assert.That(Fees(after, invoiceId), Is.Empty, "the period was decided while disputed");
    }

    [Test]
    public async Task Assess_WhenInvoiceInPaymentPlan_ChargesNothing()
    {
        var (_, invoiceId) = await OverdueInvoice(new { kind = "annual_interest", percent = 8m, periodDays = 7 });
        await App.Send(new SetPaymentPlanCommand([invoiceId], "pln_test"));

        Assert.That(Fees(await Assess("2026-03-02"), invoiceId), Is.Empty);
    }

    [Test]
    public async Task Waive_ByStaffWithReason_ClosesTheFeeAndLogsIt()
    {
        var (_, invoiceId) = await OverdueInvoice(Flat40);
        var feeId = Fees(await Assess("2026-03-02"), invoiceId).Single().GetProperty("feeId").GetString();

        await (await Erp.PostAsJsonAsync($"/api/v1/invoices/{invoiceId}/fees/{feeId}/waive", new { reason = "x" })).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await Staff.PostAsJsonAsync($"/api/v1/invoices/{invoiceId}/fees/{feeId}/waive", new { reason = "" })).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await Staff.PostAsJsonAsync($"/api/v1/invoices/inv_other/fees/{feeId}/waive", new { reason = "x" })).ShouldBeProblem(HttpStatusCode.NotFound);
        var waived = await (await Staff.PostAsJsonAsync($"/api/v1/invoices/{invoiceId}/fees/{feeId}/waive", new { reason = "Long-standing customer, first delay" })).ShouldBe(HttpStatusCode.OK);

        Assert.That(waived.GetProperty("status").GetString(), Is.EqualTo("waived"));
        Assert.That(waived.GetProperty("balance").Amount(), Is.Zero);
        Assert.That(Fees(await Assess("2026-03-02"), invoiceId), Is.Empty, "a waived period is not charged again");
    }

    [Test]
    public async Task Assess_WhenCallerIsErp_Is403()
    {
        await (await Erp.PostAsJsonAsync("/api/v1/late-fees/assessments", new { asOf = "2026-03-02" })).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Assess_WhenAsOfInTheFuture_Is400()
    {
        var problem = await (await Staff.PostAsJsonAsync("/api/v1/late-fees/assessments", new { asOf = "2026-04-01" })).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.That(problem.FieldErrors("asOf"), Is.Not.Empty);
    }

    [TestCase("{\"kind\": \"flat\"}", TestName = "Upsert_WhenFlatPolicyHasNoAmount_Is400")]
    [TestCase("{\"kind\": \"percent\", \"percent\": 101}", TestName = "Upsert_WhenPercentAbove100_Is400")]
    [TestCase("{\"kind\": \"flat\", \"amount\": 40.001}", TestName = "Upsert_WhenPolicyAmountTooPreciseForCurrency_Is400")]
    [TestCase("{\"kind\": \"flat\", \"amount\": 40, \"graceDays\": -1}", TestName = "Upsert_WhenGraceNegative_Is400")]
    [TestCase("{\"kind\": \"weekly\"}", TestName = "Upsert_WhenPolicyKindUnknown_Is400")]
    public async Task Upsert_WhenLateFeePolicyIsBad_Is400AndNothingStored(string policyJson)
    {
        var debtor = Unique("deb");
        await Erp.PutDebtor(debtor);
        var body = JsonSerializer.SerializeToNode(TestData.InvoiceBody(debtor))!.AsObject();
        body["lateFeePolicy"] = JsonNode.Parse(policyJson);
        var externalId = Unique("inv");

        await (await Erp.PutAsJsonAsync($"/api/v1/invoices/by-external-id/{externalId}", body)).ShouldBeProblem(HttpStatusCode.BadRequest);

        var list = await (await Staff.GetAsync("/api/v1/invoices?limit=200")).ShouldBe(HttpStatusCode.OK);
        Assert.That(list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("externalId").GetString()), Does.Not.Contain(externalId));
    }

    private async Task<(string DebtorId, string InvoiceId)> OverdueInvoice(object policy)
    {
        var debtor = Unique("deb");
        var debtorId = (await Erp.PutDebtor(debtor)).GetProperty("id").GetString()!;
        var body = JsonSerializer.SerializeToNode(TestData.InvoiceBody(debtor, 1000m, "2026-01-01", "2026-02-01"))!.AsObject();
        body["lateFeePolicy"] = JsonSerializer.SerializeToNode(policy);
        return (debtorId, (await Erp.PutInvoice(Unique("inv"), body)).GetProperty("id").GetString()!);
    }

    private async Task<JsonElement> Assess(string? asOf) =>
        await (await Staff.PostAsJsonAsync("/api/v1/late-fees/assessments", new { asOf })).ShouldBe(HttpStatusCode.OK);

    private static List<JsonElement> Fees(JsonElement run, string invoiceId) =>
        run.GetProperty("fees").EnumerateArray().Where(f => f.GetProperty("invoiceId").GetString() == invoiceId).ToList();
}

public sealed class LateFeeBackgroundTests(DatabaseProvider provider) : ApiFixture(provider)
{
    [Test]
    public async Task HostedService_WhenAnHourPasses_AssessesFeesOnItsOwn()
    {
        var debtor = Unique("deb");
        await Erp.PutDebtor(debtor);
        var body = JsonSerializer.SerializeToNode(TestData.InvoiceBody(debtor, 500m, "2026-01-01", "2026-02-01"))!.AsObject();
        body["lateFeePolicy"] = JsonSerializer.SerializeToNode(new { kind = "flat", amount = 25m });
        var invoiceId = (await Erp.PutInvoice(Unique("inv"), body)).GetProperty("id").GetString();

        App.Time.Advance(TimeSpan.FromHours(1));

        var fees = new List<JsonElement>();
        for (var attempt = 0; attempt < 50 && fees.Count == 0; attempt++)
        {
            await Task.Delay(100);
            var list = await (await Staff.GetAsync("/api/v1/invoices?limit=200")).ShouldBe(HttpStatusCode.OK);
            fees = list.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("invoiceId").GetString() == invoiceId).ToList();
        }

        Assert.That(fees.Select(f => f.GetProperty("total").Amount()), Is.EqualTo(new[] { 25m }), "one period started (2026-02-02); the next starts 2026-03-04");
    }
}
