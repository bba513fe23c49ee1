using System.Net;
using System.Net.Http.Json;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Portal.Tests.Integration;

/// <summary>
/// A repeat with the same Idempotency-Key is answered from the first response, refusals included, says so, and counts per
/// owner; endpoints that do not require a key honour one when it is sent.
/// </summary>
public sealed class IdempotencyReplayTests(DatabaseProvider provider) : ApiFixture(provider)
{
    [Test]
    public async Task Repeat_IsTheFirstAnswer_MarkedAsReplayed()
    {
        var (debtor, _) = await DebtorWithInvoice();
        var key = Guid.NewGuid().ToString();
        var body = new { debtorId = debtor, amount = 50m, currency = "EUR", method = "wire", reference = "R-1", receivedAt = "2026-03-02" };

        var first = await Erp.PostKeyed("/api/v1/payments", body, key);
        var repeat = await Erp.PostKeyed("/api/v1/payments", body, key);

        Assert.That(first.Headers.Contains("Idempotent-Replayed"), Is.False);
        Assert.That(repeat.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
        Assert.That((await repeat.ShouldBe(HttpStatusCode.Created)).Id(), Is.EqualTo((await first.ShouldBe(HttpStatusCode.Created)).Id()));
    }

    [Test]
    public async Task Key_BelongsToTheDebtor_NotToOneOfItsSessions()
    {
        var (debtor, invoice) = await DebtorWithInvoice();
        using var morning = await App.PortalSession(Staff, debtor);
        using var afternoon = await App.PortalSession(Staff, debtor);
        var key = Guid.NewGuid().ToString();
        var body = new { invoiceId = invoice, amount = 20m, reason = "pricing", description = "Discount missing." };

        var opened = await (await morning.PostKeyed("/api/v1/disputes", body, key)).ShouldBe(HttpStatusCode.Created);
        var again = await afternoon.PostKeyed("/api/v1/disputes", body, key);

        Assert.That(again.Headers.Contains("Idempotent-Replayed"), Is.True, "a new session must not open the dispute twice");
        Assert.That((await again.ShouldBe(HttpStatusCode.Created)).Id(), Is.EqualTo(opened.Id()));
    }

    [Test]
    public async Task Refusal_IsRemembered_SoARetryAfterTheWorldMovedGetsTheSameAnswer()
    {
        var external = Unique("deb");
        var debtor = (await Erp.PutDebtor(external, PortalApi.Debtor())).Id();
        var key = Guid.NewGuid().ToString();
        var apply = $"/api/v1/debtors/{debtor}/credit/apply";

        var refused = await Erp.PostKeyed(apply, new { currency = "EUR" }, key);
        await refused.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        await (await Erp.PostKeyed("/api/v1/payments", new { debtorId = debtor, amount = 30m, currency = "EUR", method = "wire", reference = "R-3", receivedAt = "2026-03-02" })).ShouldBe(HttpStatusCode.Created);
        var invoice = (await Erp.PutInvoice(Unique("inv"), TestData.InvoiceBody(external, 70m))).Id();
        var retried = await Erp.PostKeyed(apply, new { currency = "EUR" }, key);

        var problem = await retried.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        Assert.That(retried.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("no unapplied"), "the first answer, not a new one");
        Assert.That(await Balance(invoice), Is.EqualTo(70m), "the retry applied nothing");
        await (await Erp.PostKeyed(apply, new { currency = "EUR" })).ShouldBe(HttpStatusCode.OK);
        Assert.That(await Balance(invoice), Is.EqualTo(40m), "a new key runs against the world as it is now");
    }

    [Test]
    public async Task OptionalKey_OnAnEndpointThatAcceptsOne_MakesTheRepeatAReplay()
    {
        var (debtor, invoice) = await DebtorWithInvoice();
        using var session = await App.PortalSession(Staff, debtor);
        var dispute = (await (await session.PostKeyed("/api/v1/disputes", new { invoiceId = invoice, amount = 20m, reason = "pricing", description = "Discount missing." })).ShouldBe(HttpStatusCode.Created)).Id();
        var messages = $"/api/v1/disputes/{dispute}/messages";
        var body = new { body = "The discount was agreed on the phone." };
        var key = Guid.NewGuid().ToString();

        var first = await (await Staff.PostKeyed(messages, body, key)).ShouldBe(HttpStatusCode.Created);
        var repeat = await Staff.PostKeyed(messages, body, key);
        var unkeyed = await (await Staff.PostAsJsonAsync(messages, body)).ShouldBe(HttpStatusCode.Created);
        var unkeyedAgain = await (await Staff.PostAsJsonAsync(messages, body)).ShouldBe(HttpStatusCode.Created);

        Assert.That(repeat.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
        Assert.That((await repeat.ShouldBe(HttpStatusCode.Created)).Id(), Is.EqualTo(first.Id()), "one message for one key");
        Assert.That(unkeyedAgain.Id(), Is.Not.EqualTo(unkeyed.Id()), "without a key every request counts");
    }

    [Test]
    public async Task OptionalKey_LongerThanTheLimit_Is400AndChangesNothing()
    {
        var (debtor, invoice) = await DebtorWithInvoice();
        using var session = await App.PortalSession(Staff, debtor);
        var dispute = (await (await session.PostKeyed("/api/v1/disputes", new { invoiceId = invoice, amount = 20m, reason = "pricing", description = "Discount missing." })).ShouldBe(HttpStatusCode.Created)).Id();

        var refused = await Staff.PostKeyed($"/api/v1/disputes/{dispute}/withdraw", null, new string('k', 201));

        await refused.ShouldBeProblem(HttpStatusCode.BadRequest);
        var after = await (await Staff.GetAsync($"/api/v1/disputes/{dispute}")).ShouldBe(HttpStatusCode.OK);
        Assert.That(after.GetProperty("status").GetString(), Is.Not.EqualTo("withdrawn"));
    }

    private async Task<decimal> Balance(string invoice) =>
        (await (await Erp.GetAsync($"/api/v1/invoices/{invoice}")).ShouldBe(HttpStatusCode.OK)).GetProperty("balance").Amount();

    private async Task<(string Debtor, string Invoice)> DebtorWithInvoice()
    {
        var external = Unique("deb");
        var debtor = (await Erp.PutDebtor(external, PortalApi.Debtor())).Id();
        var invoice = (await Erp.PutInvoice(Unique("inv"), TestData.InvoiceBody(external, 500m))).Id();
        return (debtor, invoice);
    }
}
