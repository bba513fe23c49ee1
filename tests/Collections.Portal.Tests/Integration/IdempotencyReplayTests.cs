using System.Net;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Portal.Tests.Integration;

/// <summary>A repeat with the same Idempotency-Key is answered from the first response, says so, and counts per owner.</summary>
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
        using var morning = await App.SessionFor(Staff, debtor);
        using var afternoon = await App.SessionFor(Staff, debtor);
        var key = Guid.NewGuid().ToString();
        var body = new { invoiceId = invoice, amount = 20m, reason = "pricing", description = "Discount missing." };

        var opened = await (await morning.PostKeyed("/api/v1/disputes", body, key)).ShouldBe(HttpStatusCode.Created);
        var again = await afternoon.PostKeyed("/api/v1/disputes", body, key);

        Assert.That(again.Headers.Contains("Idempotent-Replayed"), Is.True, "a new session must not open the dispute twice");
        Assert.That((await again.ShouldBe(HttpStatusCode.Created)).Id(), Is.EqualTo(opened.Id()));
    }

    private async Task<(string Debtor, string Invoice)> DebtorWithInvoice()
    {
        var external = Unique("deb");
        var debtor = (await Erp.PutDebtor(external)).Id();
        var invoice = (await Erp.PutInvoice(Unique("inv"), PortalApi.Invoice(external, 500m))).Id();
        return (debtor, invoice);
    }
}
