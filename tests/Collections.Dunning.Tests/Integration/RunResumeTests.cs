using Collections.Dunning.Contracts;
using Collections.Dunning.Features.Runs;
using Collections.SharedKernel.Data;
using Collections.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Dunning.Tests.Integration;

/// <summary>A run that fails in a later batch, and the run after it: batches of two debtors, six debtors, three batches.</summary>
public sealed class RunResumeTests(DatabaseProvider provider) : DunningFixture(provider)
{
    private readonly FailingReaction failing = new();

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Dunning:RunBatchSize", "2")];

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        // Another module's reaction to a reminder that throws: it fails the batch's transaction.
        services.AddFailingReaction<ReminderSent>(n => n.DebtorId == failing.DebtorId, n => new InvalidOperationException($"Reaction to the reminder of {n.DebtorId} failed."));
    }

    [Test]
    public async Task Run_ThatFailsInItsLastBatch_KeepsTheBatchesBefore_AndTheNextRunTakesOnlyWhatIsLeft()
    {
        var debtors = new List<string>();
        for (var d = 0; d < 6; d++)
        {
            var (debtorId, externalId) = await CreateDebtor($"Resume {d} GmbH");
            await CreateInvoice(externalId, Today.AddDays(-10), 300.00m);
            await CreateInvoice(externalId, Today.AddDays(-12), 200.00m);
            debtors.Add(debtorId);
        }

        // Batches go in debtor id order: the last two debtors make the third batch.
        failing.DebtorId = debtors.Max(StringComparer.Ordinal);
        Assert.ThrowsAsync<InvalidOperationException>(() => App.Send(new RunDunningCommand(null, false)));

        var firstBatches = debtors.Order(StringComparer.Ordinal).Take(4).ToList();
        Assert.That(await StepsPerDebtor(), Is.EquivalentTo(firstBatches.Select(d => (d, 2L))), "the first two batches committed, the failed one left nothing");

        failing.DebtorId = null;
        var rerun = await App.Send(new RunDunningCommand(null, false));

        var lastBatch = debtors.Except(firstBatches).ToList();
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(rerun.Steps.Select(s => s.DebtorId).Distinct(), Is.EquivalentTo(lastBatch), "the rerun took the failed batch's steps and no others");
            Assert.That(rerun.Messages.Select(m => m.DebtorId), Is.EquivalentTo(lastBatch));
            Assert.That(await StepsPerDebtor(), Is.EquivalentTo(debtors.Select(d => (d, 2L))), "each invoice's step once");
        });
        foreach (var debtorId in debtors)
        {
            Assert.That((await Communications(debtorId)).GetArrayLength(), Is.EqualTo(1), "one reminder per debtor across both runs");
        }
    }

    private async Task<IReadOnlyList<(string, long)>> StepsPerDebtor()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DbSession>()
            .QueryAsync<(string, long)>("SELECT debtor_id, COUNT(*) FROM dunning_step_log GROUP BY debtor_id");
    }

    /// <summary>Which debtor's reminder a module fails to react to (null: none).</summary>
    public sealed class FailingReaction
    {
        public string? DebtorId { get; set; }
    }
}
