using System.Net;
using System.Net.Http.Json;
using Collections.Disputes.Contracts;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Disputes.Tests.Integration;

public sealed class OpenDisputeTests(DatabaseProvider provider) : DisputesFixture(provider)
{
    [Test]
    public async Task Open_WhenNoAmount_DisputesWholeBalanceAndPutsItOnHold()
    {
        var (debtorId, debtor) = await Erp.CreateDebtor();
        var invoiceId = await Erp.NewInvoice(debtor, 1190.00m);

        var dispute = await Opened(App.DebtorSession(debtorId), invoiceId);

        Assert.That(dispute.Amount("disputed"), Is.EqualTo(1190.00m));
        Assert.That(dispute.Text("status"), Is.EqualTo("open"));
        Assert.That(dispute.Text("number"), Does.StartWith("DSP-"));
        Assert.That((await Invoice(invoiceId)).Amount("disputed"), Is.EqualTo(1190.00m));
    }

    [Test]
    public async Task Open_WhenPartAmount_HoldsOnlyThatPartAndRestStaysCollectible()
    {
        var (_, debtor) = await Erp.CreateDebtor();
        var invoiceId = await Erp.NewInvoice(debtor, 1000.00m);

        var dispute = await Opened(Staff, invoiceId, 250.50m);

        var invoice = await Invoice(invoiceId);
        Assert.That(dispute.Amount("disputed"), Is.EqualTo(250.50m));
        Assert.That(invoice.Amount("disputed"), Is.EqualTo(250.50m));
        Assert.That(invoice.Amount("balance"), Is.EqualTo(1000.00m));
        var open = await App.Send(new Collections.Invoicing.Contracts.GetReceivableQuery(invoiceId));
        Assert.That(open!.CollectibleMinor, Is.EqualTo(74950));
    }

    [Test]
    public async Task Open_WhenAmountAboveBalance_Is422AndNothingIsHeld()
    {
        var (_, debtor) = await Erp.CreateDebtor();
        var invoiceId = await Erp.NewInvoice(debtor, 100.00m);

        await (await Open(Staff, invoiceId, 100.01m)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);

        Assert.That((await Invoice(invoiceId)).Amount("disputed"), Is.Zero);
        Assert.That(await App.Send(new GetOpenDisputesQuery()), Has.None.Matches<DisputeSummaryDto>(d => d.InvoiceId == invoiceId));
    }

    [Test]
    public async Task Open_WhenAmountHasTooManyDecimals_Is422()
    {
        var (_, debtor) = await Erp.CreateDebtor();
        var invoiceId = await Erp.NewInvoice(debtor, 1000.00m);

        await (await Open(Staff, invoiceId, 10.005m)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
    }

    [TestCase("unhappy")]
    [TestCase("")]
    public async Task Open_WhenReasonUnknown_Is400WithFieldError(string reason)
    {
        var (_, debtor) = await Erp.CreateDebtor();
        var invoiceId = await Erp.NewInvoice(debtor, 1000.00m);

        var problem = await (await Open(Staff, invoiceId, reason: reason)).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.That(problem.FieldErrors("reason"), Is.Not.Empty);
    }

    [Test]
    public async Task Open_WhenIdempotencyKeyMissing_Is400()
    {
        var (_, debtor) = await Erp.CreateDebtor();
        var invoiceId = await Erp.NewInvoice(debtor, 1000.00m);

        var response = await Staff.PostAsJsonAsync("/api/v1/disputes", new { invoiceId, reason = "pricing", description = "x" });

        Assert.That((await response.ShouldBeProblem(HttpStatusCode.BadRequest)).FieldErrors("Idempotency-Key"), Is.Not.Empty);
    }

    [Test]
    public async Task Open_WhenUnknownInvoice_Is404()
    {
        await (await Open(Staff, "inv_nope")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Open_WhenErpKey_Is403()
    {
        var (_, debtor) = await Erp.CreateDebtor();
        var invoiceId = await Erp.NewInvoice(debtor, 1000.00m);

        await (await Open(Erp, invoiceId)).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Open_WhenReplayedWithSameKey_CreatesOneDisputeAndReplaysIt()
    {
        var (debtorId, debtor) = await Erp.CreateDebtor();
        var invoiceId = await Erp.NewInvoice(debtor, 1000.00m);
        var key = Guid.NewGuid().ToString();

        var first = await (await Open(Staff, invoiceId, 40m, key)).ShouldBe(HttpStatusCode.Created);
        var second = await (await Open(Staff, invoiceId, 40m, key)).ShouldBe(HttpStatusCode.Created);

        Assert.That(second.Text("id"), Is.EqualTo(first.Text("id")));
        Assert.That(await App.Send(new GetDisputesQuery(debtorId)), Has.Count.EqualTo(1));
        Assert.That(Published.All.OfType<DisputeOpened>().Count(o => o.InvoiceId == invoiceId), Is.EqualTo(1));
    }

    [Test]
    public async Task Open_WhenSameKeyOtherBody_Is422()
    {
        var (_, debtor) = await Erp.CreateDebtor();
        var invoiceId = await Erp.NewInvoice(debtor, 1000.00m);
        var key = Guid.NewGuid().ToString();
        await (await Open(Staff, invoiceId, 40m, key)).ShouldBe(HttpStatusCode.Created);

        await (await Open(Staff, invoiceId, 41m, key)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
    }

    [Test]
    public async Task Open_WhenInvoiceAlreadyHasOpenDispute_Is409()
    {
        var (_, debtor) = await Erp.CreateDebtor();
        var invoiceId = await Erp.NewInvoice(debtor, 1000.00m);
        await Opened(Staff, invoiceId, 10m);

        await (await Open(Staff, invoiceId, 10m)).ShouldBeProblem(HttpStatusCode.Conflict);

        Assert.That((await Invoice(invoiceId)).Amount("disputed"), Is.EqualTo(10m));
    }

    [Test]
    public async Task Open_WhenTwoRaceOnSameInvoice_ExactlyOneSucceeds()
    {
        var (debtorId, debtor) = await Erp.CreateDebtor();
        var invoiceId = await Erp.NewInvoice(debtor, 1000.00m);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Open(i % 2 == 0 ? Staff : App.DebtorSession(debtorId), invoiceId, 100m + i)));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.That(statuses.Count(s => s == HttpStatusCode.Created), Is.EqualTo(1), string.Join(", ", statuses));
        Assert.That(statuses.Count(s => s == HttpStatusCode.Conflict), Is.EqualTo(3), string.Join(", ", statuses));
        Assert.That(await App.Send(new GetOpenDisputesQuery(debtorId)), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Open_WhenPreviousDisputeWithdrawn_AllowsANewOne()
    {
        var (_, debtor) = await Erp.CreateDebtor();
        var invoiceId = await Erp.NewInvoice(debtor, 1000.00m);
        var first = await Opened(Staff, invoiceId, 10m);
        await (await Staff.PostAsync($"/api/v1/disputes/{first.Text("id")}/withdraw", null)).ShouldBe(HttpStatusCode.OK);

        var second = await Opened(Staff, invoiceId, 20m);

        Assert.That(second.Text("id"), Is.Not.EqualTo(first.Text("id")));
        Assert.That((await Invoice(invoiceId)).Amount("disputed"), Is.EqualTo(20m));
    }

    [Test]
    public async Task Open_SetsDueByTenBusinessDaysLaterAndPublishesAndLogs()
    {
        var (debtorId, debtor) = await Erp.CreateDebtor();
        var invoiceId = await Erp.NewInvoice(debtor, 1000.00m);

        var dispute = await Opened(Staff, invoiceId, 5m);

        // Opened Monday 2026-03-02: ten weekdays later is Monday 2026-03-16.
        Assert.That(dispute.Text("dueBy"), Is.EqualTo("2026-03-16"));
        var opened = Published.All.OfType<DisputeOpened>().Single(o => o.DisputeId == dispute.Text("id"));
        Assert.That((opened.DebtorId, opened.InvoiceId, opened.DisputedMinor, opened.Currency, opened.Category), Is.EqualTo((debtorId, invoiceId, 500L, "EUR", "pricing")));
        var activity = await (await Staff.GetAsync($"/api/v1/debtors/{debtorId}/activity")).ShouldBe(HttpStatusCode.OK);
        Assert.That(activity.GetProperty("items").EnumerateArray().Select(a => a.Text("type")), Does.Contain("dispute.opened"));
    }
}
