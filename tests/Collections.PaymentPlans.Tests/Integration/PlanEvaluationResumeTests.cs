using System.Net;
using Collections.PaymentPlans.Contracts;
using Collections.PaymentPlans.Features.Evaluations;
using Collections.SharedKernel.Data;
using Collections.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.PaymentPlans.Tests.Integration;

/// <summary>An evaluation that fails on a later plan, and the evaluation after it: nothing judged twice, nothing lost.</summary>
public sealed class PlanEvaluationResumeTests(DatabaseProvider provider) : PlansFixture(provider)
{
    private readonly FailingReaction failing = new();

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        // Ahead of the recorder, so a plan whose reaction fails is not recorded as published.
        // Another module's reaction that throws: it fails the transaction of the plan being judged.
        services.AddFailingReaction<PaymentPlanInstallmentLate>(n => n.PaymentPlanId == failing.PlanId, n => Failed(n.PaymentPlanId));
        services.AddFailingReaction<PaymentPlanDefaulted>(n => n.PaymentPlanId == failing.PlanId, n => Failed(n.PaymentPlanId));
        base.ConfigureTestServices(services);
    }

    [Test]
    public async Task Evaluation_ThatFailsOnItsLastPlan_KeepsTheEarlierPlansJudged_AndTheNextJudgesEachPlanOnce()
    {
        var plans = new List<(string DebtorId, string PlanId)>();
        for (var d = 0; d < 3; d++)
        {
            var (debtorId, invoices) = await DebtorWithInvoices(300.00m);
            plans.Add((debtorId, (await CreatePlan(App.DebtorSession(debtorId), Terms(invoices))).GetProperty("id").GetString()!));
        }

        // Plans are judged in id order: the last one fails, first when its installment turns late, then when it defaults.
        var last = plans.MaxBy(p => p.PlanId, StringComparer.Ordinal).PlanId;
        var earlier = plans.Select(p => p.PlanId).Where(id => id != last).ToList();
        failing.PlanId = last;
        Assert.ThrowsAsync<InvalidOperationException>(() => App.Send(new EvaluatePaymentPlansCommand(new DateOnly(2026, 3, 20))));
        Assert.That(Late().Keys, Is.EquivalentTo(earlier.Select(id => (id, 1))), "the plans before the failing one stay judged");
        Assert.That(Statuses(await GetPlan(last))[0], Is.EqualTo("due"), "the failed plan's evaluation left nothing");

        Assert.ThrowsAsync<InvalidOperationException>(() => App.Send(new EvaluatePaymentPlansCommand(new DateOnly(2026, 4, 20))));
        Assert.That(Defaulted().Keys, Is.EquivalentTo(earlier));

        failing.PlanId = null;
        var again = await App.Send(new EvaluatePaymentPlansCommand(new DateOnly(2026, 4, 20)));

        Assert.That(again.Evaluated, Is.EqualTo(1), "only the failed plan was still active");
        foreach (var (debtorId, planId) in plans)
        {
            Assert.That((await GetPlan(planId)).GetProperty("status").GetString(), Is.EqualTo(PaymentPlanStatuses.Defaulted));
            Assert.That(Late().Where(l => l.Key.PlanId == planId), Is.EquivalentTo(new[] { KeyValuePair.Create((planId, 1), 1), KeyValuePair.Create((planId, 2), 1) }),
                "both installments due by then turned late, each once");
            Assert.That(Defaulted().GetValueOrDefault(planId), Is.EqualTo(1), "each plan defaults once");
            Assert.That(await ActivityCount(debtorId, "payment_plan.installment_late"), Is.EqualTo(2));
            Assert.That(await ActivityCount(debtorId, "payment_plan.defaulted"), Is.EqualTo(1));
        }
    }

    private Dictionary<(string PlanId, int Number), int> Late() =>
        Published.Of<PaymentPlanInstallmentLate>(_ => true).GroupBy(n => (n.PaymentPlanId, n.Number)).ToDictionary(g => g.Key, g => g.Count());

    private Dictionary<string, int> Defaulted() =>
        Published.Of<PaymentPlanDefaulted>(_ => true).GroupBy(n => n.PaymentPlanId).ToDictionary(g => g.Key, g => g.Count());

    private async Task<int> ActivityCount(string debtorId, string type) =>
        (await (await Staff.GetAsync($"/api/v1/debtors/{debtorId}/activity")).ShouldBe(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().Count(a => a.GetProperty("type").GetString() == type);

    /// <summary>Which plan's notifications a module fails to react to (null: none).</summary>
    public sealed class FailingReaction
    {
        public string? PlanId { get; set; }
    }

    private static InvalidOperationException Failed(string planId) => new($"Reaction to plan {planId} failed.");
}
