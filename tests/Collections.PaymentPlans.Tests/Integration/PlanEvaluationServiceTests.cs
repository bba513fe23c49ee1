using Collections.PaymentPlans.Contracts;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.PaymentPlans.Tests.Integration;

/// <summary>The daily background evaluation, driven by the fake clock.</summary>
public sealed class PlanEvaluationServiceTests(DatabaseProvider provider) : PlansFixture(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["PaymentPlans:Evaluation:Enabled"] = "true",
        ["PaymentPlans:Evaluation:Interval"] = "1.00:00:00",
    };

    [Test]
    public async Task DailyRun_WhenInstallmentUnpaidPastGrace_MarksItLateByItself()
    {
        var (debtorId, invoices) = await DebtorWithInvoices(300.00m);
        var planId = (await CreatePlan(App.DebtorSession(debtorId), Terms(invoices))).GetProperty("id").GetString()!;

        App.Time.Advance(TimeSpan.FromDays(15));
        var late = false;
        for (var attempt = 0; attempt < 60 && !late; attempt++)
        {
            await Task.Delay(250);
            late = Statuses(await GetPlan(planId))[0] == "late";
            if (!late && attempt % 8 == 7)
            {
                // The run may have been between its evaluation and its next timer when the clock moved.
                App.Time.Advance(TimeSpan.FromDays(1));
            }
        }

        Assert.That(late, Is.True, "the background service evaluated the plan");
        Assert.That(Published.Of<PaymentPlanInstallmentLate>(n => n.PaymentPlanId == planId), Has.Count.EqualTo(1));
    }
}
