using System.Text.Json;
using Collections.Invoicing.Contracts;
using Collections.Invoicing.Features.LateFees;
using Collections.SharedKernel.Data;
using Collections.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Invoicing.Tests.Integration;

/// <summary>An assessment that fails in a later batch, and the one after it: batches of two debtors, six debtors, three batches.</summary>
public sealed class LateFeeResumeTests(DatabaseProvider provider) : ApiFixture(provider)
{
    private readonly FailingReaction failing = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Invoicing:LateFees:BatchSize"] = "2",
        ["Invoicing:LateFees:BackgroundAssessment"] = "false",
    };

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        // Another module's reaction to a fee that throws: it fails the batch's transaction.
        services.AddFailingReaction<LateFeeAssessed>(n => n.DebtorId == failing.DebtorId, n => new InvalidOperationException($"Reaction to the fee of {n.DebtorId} failed."));
    }

    [Test]
    public async Task Assessment_ThatFailsInItsLastBatch_KeepsTheBatchesBefore_AndTheNextChargesOnlyWhatIsLeft()
    {
        var invoices = new Dictionary<string, string>();
        for (var d = 0; d < 6; d++)
        {
            var debtor = Unique("deb");
            var debtorId = (await Erp.PutDebtor(debtor)).GetProperty("id").GetString()!;
            var body = JsonSerializer.SerializeToNode(TestData.InvoiceBody(debtor, 1000m, "2026-01-01", "2026-02-01"))!.AsObject();
            body["lateFeePolicy"] = JsonSerializer.SerializeToNode(new { kind = "flat", amount = 40m, graceDays = 5, periodDays = 30 });
            invoices[debtorId] = (await Erp.PutInvoice(Unique("inv"), body)).GetProperty("id").GetString()!;
        }

        // Batches go in debtor id order: the last two debtors make the third batch.
        var byBatch = invoices.Keys.Order(StringComparer.Ordinal).ToList();
        failing.DebtorId = byBatch[^1];
        Assert.ThrowsAsync<InvalidOperationException>(() => App.Send(new AssessLateFeesCommand(new DateOnly(2026, 3, 2))));

        var firstBatches = byBatch.Take(4).Select(d => invoices[d]).ToList();
        Assert.That(await FeesPerInvoice(), Is.EquivalentTo(firstBatches.Select(i => (i, 1L))), "the first two batches committed, the failed one left nothing");

        failing.DebtorId = null;
        var again = await App.Send(new AssessLateFeesCommand(new DateOnly(2026, 3, 2)));

        var lastBatch = byBatch.Skip(4).Select(d => invoices[d]).ToList();
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(again.Fees.Select(f => f.InvoiceId), Is.EquivalentTo(lastBatch), "the rerun charged the failed batch and no other");
            Assert.That(again.PeriodsDecided, Is.EqualTo(2), "the earlier batches' periods stay decided");
            Assert.That(await FeesPerInvoice(), Is.EquivalentTo(invoices.Values.Select(i => (i, 1L))), "one fee per invoice and period");
            Assert.That(await DecisionsPerInvoice(), Is.EquivalentTo(invoices.Values.Select(i => (i, 1L))), "one decision per invoice and period");
        });
    }

    private async Task<IReadOnlyList<(string, long)>> FeesPerInvoice() =>
        await Query("SELECT parent_id, COUNT(*) FROM invoicing_receivables WHERE kind = 'late_fee' GROUP BY parent_id");

    private async Task<IReadOnlyList<(string, long)>> DecisionsPerInvoice() =>
        await Query("SELECT invoice_id, COUNT(*) FROM invoicing_fee_assessments GROUP BY invoice_id");

    private async Task<IReadOnlyList<(string, long)>> Query(string sql)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DbSession>().QueryAsync<(string, long)>(sql);
    }

    /// <summary>Which debtor's fee a module fails to react to (null: none).</summary>
    public sealed class FailingReaction
    {
        public string? DebtorId { get; set; }
    }
}
