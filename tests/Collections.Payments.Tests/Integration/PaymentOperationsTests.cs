using System.Net;
using Collections.Payments.Contracts;
using Collections.SharedKernel.Data;
using Collections.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Payments.Tests.Integration;

/// <summary>Refunds, credit, the feed and instructions, on a host where Stripe is not configured.</summary>
public sealed class PaymentOperationsTests(DatabaseProvider provider) : ApiFixture(provider)
{
    private readonly NotificationRecorder published = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Payments:BankTransferInstructions:EUR:AccountHolder"] = "Creditor AG",
        ["Payments:BankTransferInstructions:EUR:Iban"] = "DE89370400440532013000",
        ["Payments:BankTransferInstructions:EUR:Bic"] = "COBADEFFXXX",
        ["Payments:BankTransferInstructions:USD:AccountHolder"] = "Creditor Inc",
        ["Payments:BankTransferInstructions:USD:RoutingNumber"] = "021000021",
    };

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddPaymentsTestServices(published);

    [Test]
    public async Task Refund_TakesCreditFirstThenReversesNewestAllocation()
    {
        var ext = Unique("deb");
        var debtor = await Erp.NewDebtor(ext);
        var older = await Erp.NewInvoice(ext, 100m, "2026-01-01", "2026-01-10");
        var newer = await Erp.NewInvoice(ext, 100m, "2026-01-01", "2026-02-10");
        var payment = await Erp.Pay(TestData.PaymentBody(debtor, 250m));
        var id = payment.GetProperty("id").GetString();

        var refund = await (await Staff.PostKeyed($"/api/v1/payments/{id}/refunds", new { amount = 80m, reason = "Duplicate transfer" })).ShouldBe(HttpStatusCode.Created);

        Assert.That(refund.GetProperty("payment").Amount("unapplied"), Is.EqualTo(0m));
        Assert.That(await Erp.Balance(newer), Is.EqualTo(30m), "50 credit first, then 30 from the newest allocation");
        Assert.That(await Erp.Balance(older), Is.EqualTo(0m));
        Assert.That(published.Of<PaymentRefunded>().Single(r => r.PaymentId == id).AmountMinor, Is.EqualTo(8000));
    }

    [Test]
    public async Task Refund_WhenMoreThanRefundable_Is422AndNothingChanges()
    {
        var ext = Unique("deb");
        var debtor = await Erp.NewDebtor(ext);
        var invoice = await Erp.NewInvoice(ext, 100m, "2026-01-01", "2026-01-10");
        var id = (await Erp.Pay(TestData.PaymentBody(debtor, 100m))).GetProperty("id").GetString();
        await (await Staff.PostKeyed($"/api/v1/payments/{id}/refunds", new { amount = 60m, reason = "Part" })).ShouldBe(HttpStatusCode.Created);

        await (await Staff.PostKeyed($"/api/v1/payments/{id}/refunds", new { amount = 40.01m, reason = "Too much" })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        await (await Staff.PostKeyed($"/api/v1/payments/{id}/refunds", new { amount = 0m, reason = "Zero" })).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await Erp.PostKeyed($"/api/v1/payments/{id}/refunds", new { amount = 1m, reason = "ERP may not" })).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await Staff.PostKeyed("/api/v1/payments/pay_missing/refunds", new { amount = 1m, reason = "Unknown" })).ShouldBeProblem(HttpStatusCode.NotFound);

        Assert.That(await Erp.Balance(invoice), Is.EqualTo(60m));
        var after = await (await Staff.GetAsync($"/api/v1/payments/{id}")).ShouldBe(HttpStatusCode.OK);
        Assert.That(after.Amount("refunded"), Is.EqualTo(60m));
    }

    [Test]
    public async Task ApplyCredit_PaysOpenInvoicesFromOldestCreditFirst()
    {
        var ext = Unique("deb");
        var debtor = await Erp.NewDebtor(ext);
        await Erp.Pay(TestData.PaymentBody(debtor, 30m));
        await Erp.Pay(TestData.PaymentBody(debtor, 50m));
        var invoice = await Erp.NewInvoice(ext, 70m, "2026-01-01", "2026-02-10");

        var applied = await (await Erp.PostKeyed($"/api/v1/debtors/{debtor}/credit/apply", new { })).ShouldBe(HttpStatusCode.OK);

        Assert.That(await Erp.Balance(invoice), Is.EqualTo(0m));
        Assert.That(applied.GetProperty("applied").GetArrayLength(), Is.EqualTo(2), "30 from the first payment, 40 from the second");
        Assert.That(await App.Send(new GetUnappliedCreditQuery(debtor)), Is.EqualTo(new[] { new UnappliedCreditDto("EUR", 1000) }));
        await (await Erp.PostKeyed($"/api/v1/debtors/{debtor}/credit/apply", new { allocations = new[] { new { invoiceId = invoice, amount = 5m } } })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
    }

    [Test]
    public async Task ApplyCredit_WhenNoCredit_Is422()
    {
        var debtor = await Erp.NewDebtor(Unique("deb"));
        await (await Erp.PostKeyed($"/api/v1/debtors/{debtor}/credit/apply", new { })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        await (await Erp.PostKeyed("/api/v1/debtors/deb_missing/credit/apply", new { })).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task List_PagesWithCursorAndScopesDebtorSessions()
    {
        var ext = Unique("deb");
        var debtor = await Erp.NewDebtor(ext);
        var other = await Erp.NewDebtor(Unique("deb"));
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await Erp.Pay(TestData.PaymentBody(debtor, 10m + i))).GetProperty("id").GetString()!);
        }

        var otherPayment = (await Erp.Pay(TestData.PaymentBody(other, 5m))).GetProperty("id").GetString();

        var first = await (await Erp.GetAsync($"/api/v1/payments?debtorId={debtor}&limit=2")).ShouldBe(HttpStatusCode.OK);
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await (await Erp.GetAsync($"/api/v1/payments?debtorId={debtor}&limit=2&cursor={cursor}")).ShouldBe(HttpStatusCode.OK);
        var seen = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(p => p.GetProperty("id").GetString()).ToList();
        Assert.That(seen, Is.EqualTo(ids));
        Assert.That(second.GetProperty("nextCursor").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));

        var session = App.DebtorSession(debtor);
        var own = await (await session.GetAsync("/api/v1/payments")).ShouldBe(HttpStatusCode.OK);
        Assert.That(own.GetProperty("items").GetArrayLength(), Is.EqualTo(3));
        await (await session.GetAsync($"/api/v1/payments/{ids[0]}")).ShouldBe(HttpStatusCode.OK);
        await (await session.GetAsync($"/api/v1/payments/{otherPayment}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await Erp.GetAsync("/api/v1/payments?limit=0")).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await Erp.GetAsync("/api/v1/payments?cursor=%%%")).ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Checkout_WhenStripeNotConfigured_Is503ButInstructionsWork()
    {
        var ext = Unique("deb");
        var debtor = await Erp.NewDebtor(ext);
        var invoice = await Erp.NewInvoice(ext, 100m, "2026-01-01", "2026-01-10");
        var session = App.DebtorSession(debtor);

        await (await session.PostKeyed("/api/v1/payments/checkout", new { invoices = new[] { new { invoiceId = invoice } } })).ShouldBeProblem(HttpStatusCode.ServiceUnavailable);

        var instructions = await (await session.GetAsync("/api/v1/payments/instructions?currency=EUR")).ShouldBe(HttpStatusCode.OK);
        Assert.That(instructions.GetArrayLength(), Is.EqualTo(1));
        Assert.That(instructions[0].GetProperty("iban").GetString(), Is.EqualTo("DE89370400440532013000"));
        var reference = instructions[0].GetProperty("paymentReference").GetString();
        Assert.That(reference, Does.Match("^RF[0-9]{2}( [0-9A-Z]{1,4})+$"), "an ISO 11649 reference in groups of four");
        var again = await (await Erp.GetAsync($"/api/v1/payments/instructions?currency=EUR&debtorId={debtor}")).ShouldBe(HttpStatusCode.OK);
        Assert.That(again[0].GetProperty("paymentReference").GetString(), Is.EqualTo(reference), "one reference per debtor, whoever asks");
        var all = await (await Erp.GetAsync("/api/v1/payments/instructions")).ShouldBe(HttpStatusCode.OK);
        Assert.That(all.GetArrayLength(), Is.EqualTo(2));
        await (await session.GetAsync("/api/v1/payments/instructions?debtorId=deb_someone_else")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Instructions_WhenTheCurrencyIsNotAnIsoCode_Is400NamingIt()
    {
        var problem = await (await Erp.GetAsync("/api/v1/payments/instructions?currency=EURO")).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.That(problem.GetRawText(), Does.Contain("currency").And.Contain("EURO"));
    }

    [Test]
    public async Task Webhook_WhenNotConfigured_Is503()
    {
        await (await Anonymous.PostAsync("/api/v1/webhooks/stripe", new StringContent("{}"))).ShouldBeProblem(HttpStatusCode.ServiceUnavailable);
    }
}
