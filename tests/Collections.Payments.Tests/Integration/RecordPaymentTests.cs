using System.Net;
using Collections.Invoicing.Contracts;
using Collections.Payments.Contracts;
using Collections.SharedKernel.Data;
using Collections.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Payments.Tests.Integration;

public sealed class RecordPaymentTests(DatabaseProvider provider) : ApiFixture(provider)
{
    private readonly NotificationRecorder published = new();

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddPaymentsTestServices(published);

    [Test]
    public async Task Record_WithoutAllocations_PaysOldestDueFirstAndKeepsRestAsCredit()
    {
        var ext = Unique("deb");
        var debtor = await Erp.NewDebtor(ext);
        var newer = await Erp.NewInvoice(ext, 300m, "2026-01-01", "2026-02-20");
        var older = await Erp.NewInvoice(ext, 200m, "2026-01-01", "2026-01-20");

        var payment = await Erp.Pay(TestData.PaymentBody(debtor, 600m));

        Assert.That(await Erp.Balance(older), Is.EqualTo(0m));
        Assert.That(await Erp.Balance(newer), Is.EqualTo(0m));
        Assert.That(payment.Amount("unapplied"), Is.EqualTo(100m));
        Assert.That(payment.GetProperty("allocations")[0].GetProperty("invoiceId").GetString(), Is.EqualTo(older));
        var credit = await App.Send(new GetUnappliedCreditQuery(debtor));
        Assert.That(credit, Is.EqualTo(new[] { new UnappliedCreditDto("EUR", 10000) }));
        var succeeded = published.Of<PaymentSucceeded>().Single(p => p.DebtorId == debtor);
        Assert.That(succeeded.Allocations.Sum(a => a.AmountMinor) + succeeded.UnappliedMinor, Is.EqualTo(60000));
    }

    [Test]
    public async Task Record_WhenPartial_LeavesNewerInvoiceUntouched()
    {
        var ext = Unique("deb");
        var debtor = await Erp.NewDebtor(ext);
        var older = await Erp.NewInvoice(ext, 200m, "2026-01-01", "2026-01-20");
        var newer = await Erp.NewInvoice(ext, 300m, "2026-01-01", "2026-02-20");

        await Erp.Pay(TestData.PaymentBody(debtor, 150.55m));

        Assert.That(await Erp.Balance(older), Is.EqualTo(49.45m));
        Assert.That(await Erp.Balance(newer), Is.EqualTo(300m));
    }

    [Test]
    public async Task Record_WhenInvoicePartlyDisputed_NeverTouchesTheDisputedAmount()
    {
        var ext = Unique("deb");
        var debtor = await Erp.NewDebtor(ext);
        var disputed = await Erp.NewInvoice(ext, 500m, "2026-01-01", "2026-01-10");
        var other = await Erp.NewInvoice(ext, 100m, "2026-01-01", "2026-02-10");
        await App.Send(new SetDisputedAmountCommand(disputed, 40000, "dsp_test"));

        var payment = await Erp.Pay(TestData.PaymentBody(debtor, 1000m));

        Assert.That(await Erp.Balance(disputed), Is.EqualTo(400m), "only the undisputed 100 was collected");
        Assert.That(await Erp.Balance(other), Is.EqualTo(0m));
        Assert.That(payment.Amount("unapplied"), Is.EqualTo(800m));
    }

    [Test]
    public async Task Record_WithExplicitAllocation_MayPayADisputedInvoice()
    {
        var ext = Unique("deb");
        var debtor = await Erp.NewDebtor(ext);
        var disputed = await Erp.NewInvoice(ext, 500m, "2026-01-01", "2026-01-10");
        await App.Send(new SetDisputedAmountCommand(disputed, 50000, "dsp_test"));

        await Erp.Pay(TestData.PaymentBody(debtor, 500m, allocations: [new { invoiceId = disputed, amount = 500m }]));

        Assert.That(await Erp.Balance(disputed), Is.EqualTo(0m));
    }

    [Test]
    public async Task Record_WhenPaidInFullByPayByDate_TakesTheEarlyPaymentDiscount()
    {
        var ext = Unique("deb");
        var debtor = await Erp.NewDebtor(ext);
        var invoice = await Erp.NewInvoice(ext, 1000m, "2026-02-25", "2026-03-27", terms: new { netDays = 30, earlyPaymentDiscount = new { percent = 2m, withinDays = 10 } });

        var payment = await Erp.Pay(TestData.PaymentBody(debtor, 980m));

        Assert.That(await Erp.Balance(invoice), Is.EqualTo(0m));
        Assert.That(payment.GetProperty("allocations")[0].Amount("discount"), Is.EqualTo(20m));
        Assert.That(payment.Amount("unapplied"), Is.EqualTo(0m));
    }

    [Test]
    public async Task Record_WithAllocationOfBalanceMinusDiscountByPayBy_TakesTheEarlyPaymentDiscount()
    {
        var ext = Unique("deb");
        var debtor = await Erp.NewDebtor(ext);
        var invoice = await Erp.NewInvoice(ext, 1000m, "2026-02-25", "2026-03-27", terms: new { netDays = 30, earlyPaymentDiscount = new { percent = 2m, withinDays = 10 } });

        var payment = await Erp.Pay(TestData.PaymentBody(debtor, 980m, allocations: [new { invoiceId = invoice, amount = 980m }]));

        Assert.That(await Erp.Balance(invoice), Is.EqualTo(0m));
        Assert.That(payment.GetProperty("allocations")[0].Amount("discount"), Is.EqualTo(20m));
    }

    [Test]
    public async Task Record_WhenReplayedWithSameKey_RecordsOnceAndReplaysTheResponse()
    {
        var ext = Unique("deb");
        var debtor = await Erp.NewDebtor(ext);
        var invoice = await Erp.NewInvoice(ext, 100m, "2026-01-01", "2026-01-10");
        var key = Guid.NewGuid().ToString();

        var first = await (await Erp.PostKeyed("/api/v1/payments", TestData.PaymentBody(debtor, 60m), key)).ShouldBe(HttpStatusCode.Created);
        var again = await (await Erp.PostKeyed("/api/v1/payments", TestData.PaymentBody(debtor, 60m), key)).ShouldBe(HttpStatusCode.Created);
        await (await Erp.PostKeyed("/api/v1/payments", TestData.PaymentBody(debtor, 61m), key)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);

        Assert.That(again.GetProperty("id").GetString(), Is.EqualTo(first.GetProperty("id").GetString()));
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(40m));
        Assert.That(await App.Send(new GetPaymentsQuery(debtor)), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Record_WhenOneKeyArrivesTenTimesAtOnce_RecordsOnce_EveryOtherAnswerIsTheReplayOrA409()
    {
        var ext = Unique("deb");
        var debtor = await Erp.NewDebtor(ext);
        var invoice = await Erp.NewInvoice(ext, 100m, "2026-01-01", "2026-01-10");
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Erp.PostKeyed("/api/v1/payments", TestData.PaymentBody(debtor, 60m), key)));

        var fresh = responses.Where(r => r.StatusCode == HttpStatusCode.Created && !r.Headers.Contains("Idempotent-Replayed")).ToList();
        Assert.That(fresh, Has.Count.EqualTo(1), "one request ran");
        Assert.That(responses.Except(fresh).Select(r => (r.StatusCode, r.StatusCode == HttpStatusCode.Created && r.Headers.Contains("Idempotent-Replayed"))),
            Is.All.AnyOf((HttpStatusCode.Created, true), (HttpStatusCode.Conflict, false)), "the rest replayed it, or were told it is in flight");
        Assert.That(await App.Send(new GetPaymentsQuery(debtor)), Has.Count.EqualTo(1));
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(40m));
    }

    [Test]
    public async Task Record_When20PaymentsRaceForOneInvoice_NeverOverApplies()
    {
        var ext = Unique("deb");
        var debtor = await Erp.NewDebtor(ext);
        var invoice = await Erp.NewInvoice(ext, 100m, "2026-01-01", "2026-01-10");

        var auto = Enumerable.Range(0, 12).Select(_ => Erp.PostKeyed("/api/v1/payments", TestData.PaymentBody(debtor, 10m)));
        var explicitOnes = Enumerable.Range(0, 12).Select(_ => Erp.PostKeyed("/api/v1/payments", TestData.PaymentBody(debtor, 10m, allocations: [new { invoiceId = invoice, amount = 10m }])));
        var responses = await Task.WhenAll(auto.Concat(explicitOnes));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.AnyOf(HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity));
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(0m));
        var payments = await App.Send(new GetPaymentsQuery(debtor));
        Assert.That(payments.SelectMany(p => p.Allocations).Sum(a => a.AmountMinor), Is.EqualTo(10000), "exactly the invoice total was applied");
        Assert.That(payments.Sum(p => p.AmountMinor), Is.EqualTo(payments.Sum(p => p.UnappliedMinor) + 10000), "the rest is credit, nothing lost");
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Created), Is.EqualTo(payments.Count));
    }

    private static IEnumerable<TestCaseData> BadBodies()
    {
        yield return new TestCaseData(0m, "EUR", "wire").SetName("Record_WhenAmountZero_Is400");
        yield return new TestCaseData(-5m, "EUR", "wire").SetName("Record_WhenAmountNegative_Is400");
        yield return new TestCaseData(10.001m, "EUR", "wire").SetName("Record_WhenTooManyDecimals_Is400");
        yield return new TestCaseData(10m, "XXX", "wire").SetName("Record_WhenCurrencyUnknown_Is400");
        yield return new TestCaseData(10m, "EUR", "bitcoin").SetName("Record_WhenMethodUnknown_Is400");
    }

    [TestCaseSource(nameof(BadBodies))]
    public async Task Record_WhenBodyInvalid_Is400AndNothingWritten(decimal amount, string currency, string method)
    {
        var ext = Unique("deb");
        var debtor = await Erp.NewDebtor(ext);
        await (await Erp.PostKeyed("/api/v1/payments", TestData.PaymentBody(debtor, amount, currency, method: method))).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.That(await App.Send(new GetPaymentsQuery(debtor)), Is.Empty);
    }

    [Test]
    public async Task Record_WithoutIdempotencyKey_Is400()
    {
        var debtor = await Erp.NewDebtor(Unique("deb"));
        var problem = await (await Erp.PostAsync("/api/v1/payments", System.Net.Http.Json.JsonContent.Create(TestData.PaymentBody(debtor, 10m)))).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.That(problem.FieldErrors("Idempotency-Key"), Is.Not.Empty);
    }

    [TestCase("over-balance")]
    [TestCase("over-payment")]
    [TestCase("other-debtor")]
    [TestCase("unknown-invoice")]
    [TestCase("wrong-currency")]
    [TestCase("unknown-debtor")]
    public async Task Record_WhenAllocationBreaksARule_Is422AndNothingWritten(string breach)
    {
        var ext = Unique("deb");
        var debtor = await Erp.NewDebtor(ext);
        var invoice = await Erp.NewInvoice(ext, 100m, "2026-01-01", "2026-01-10");
        var otherExt = Unique("deb");
        await Erp.NewDebtor(otherExt);
        var foreign = await Erp.NewInvoice(otherExt, 100m, "2026-01-01", "2026-01-10");
        var usd = await Erp.NewInvoice(ext, 100m, "2026-01-01", "2026-01-10", currency: "USD");
        var body = breach switch
        {
            "over-balance" => TestData.PaymentBody(debtor, 200m, allocations: [new { invoiceId = invoice, amount = 100.01m }]),
            "over-payment" => TestData.PaymentBody(debtor, 50m, allocations: [new { invoiceId = invoice, amount = 60m }]),
            "other-debtor" => TestData.PaymentBody(debtor, 50m, allocations: [new { invoiceId = foreign, amount = 50m }]),
            "unknown-invoice" => TestData.PaymentBody(debtor, 50m, allocations: [new { invoiceId = "inv_nope", amount = 50m }]),
            "wrong-currency" => TestData.PaymentBody(debtor, 50m, allocations: [new { invoiceId = usd, amount = 50m }]),
            _ => TestData.PaymentBody("deb_missing", 50m),
        };

        await (await Erp.PostKeyed("/api/v1/payments", body)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);

        Assert.That(await App.Send(new GetPaymentsQuery(debtor)), Is.Empty);
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(100m));
        Assert.That(await Erp.Balance(foreign), Is.EqualTo(100m));
    }

    [Test]
    public async Task Record_ByRole_AnonymousIs401AndDebtorSessionIs403()
    {
        var debtor = await Erp.NewDebtor(Unique("deb"));
        await (await Anonymous.PostKeyed("/api/v1/payments", TestData.PaymentBody(debtor, 10m))).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await App.DebtorSession(debtor).PostKeyed("/api/v1/payments", TestData.PaymentBody(debtor, 10m))).ShouldBeProblem(HttpStatusCode.Forbidden);
        await Staff.Pay(TestData.PaymentBody(debtor, 10m));
    }
}
