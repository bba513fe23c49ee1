using Collections.Invoicing.Contracts;
using Collections.PaymentPlans.Domain;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Security;
using MediatR;
using Microsoft.Extensions.Options;

namespace Collections.PaymentPlans.Features.Plans;

internal sealed record PlanDraft(
    string DebtorId,
    string Currency,
    string TimeZone,
    DateOnly Today,
    IReadOnlyList<ReceivableDto> Items,
    long TotalMinor,
    long DownPaymentMinor,
    IReadOnlyList<ScheduledInstallment> Schedule,
    IReadOnlyList<PolicyReason> Reasons)
{
    public bool FitsPolicy => Reasons.Count == 0;
}

/// <summary>Turns requested terms into a schedule and a policy verdict; refuses (404/422) what no one could approve.</summary>
internal sealed class PlanDrafter(IMediator mediator, DbSession db, PlanEligibility eligibility, CallerContext caller, TimeProvider time, IOptions<PlanPolicyOptions> policy,
    IndicativeRates rates)
{
    private const string RecentDefaultsSql = """
        SELECT COUNT(*) FROM paymentplans_plans WHERE debtor_id = @DebtorId AND status = 'defaulted' AND closed_at >= @Since
        """;

    public async Task<PlanDraft> DraftAsync(PlanTerms terms, CancellationToken ct)
    {
        var items = await eligibility.EligibleItemsAsync(terms.InvoiceIds, string.Empty, ct);
        var debtorId = items[0].DebtorId;
        var currency = items[0].Currency;
        var debtor = await mediator.Send(new GetDebtorQuery(debtorId), ct) ?? throw new NotFoundException("Debtor", debtorId);
        var today = LocalDate.Today(time, debtor.TimeZone);
        var total = items.Sum(i => i.BalanceMinor);
        var down = DownPaymentMinor(terms.DownPayment, currency, total);

        if (terms.FirstPaymentDate < today)
        {
            throw new BusinessRuleException($"The first payment date must be today ({today:yyyy-MM-dd}) or later.");
        }

        if (terms.FirstPaymentDate > today.AddYears(1))
        {
            throw new BusinessRuleException("The first payment date must be within a year.");
        }

        if (down > 0 && terms.InstallmentCount < 2)
        {
            throw new BusinessRuleException("With a down payment the plan needs at least two installments (the down payment and one more).");
        }

        var regular = down > 0 ? terms.InstallmentCount - 1 : terms.InstallmentCount;
        if (total - down < regular)
        {
            throw new BusinessRuleException("The amount is too small for that many installments.");
        }

        var schedule = ScheduleBuilder.Build(total, terms.InstallmentCount, terms.Frequency, terms.FirstPaymentDate, down);
        var options = policy.Value;
        var since = time.GetUtcNow().AddMonths(-options.DefaultLookbackMonths);
        var recentDefault = await db.ExecuteScalarAsync<long>(RecentDefaultsSql, new { DebtorId = debtorId, Since = since }, ct) > 0;
        var reasons = PlanPolicy.Check(options, rates, new PolicyInput(total, currency, schedule, down, terms.FirstPaymentDate, today, recentDefault, caller.Current.Role));
        return new PlanDraft(debtorId, currency, debtor.TimeZone, today, items, total, down, schedule, reasons);
    }

    private static long DownPaymentMinor(MoneyDto? downPayment, string currency, long total)
    {
        if (downPayment is null || downPayment.Amount == 0)
        {
            return 0;
        }

        if (downPayment.Currency != currency)
        {
            throw new BusinessRuleException($"The down payment must be in {currency}, the currency of the invoices.");
        }

        var minor = downPayment.ToMoney().Minor;
        return minor < total ? minor : throw new BusinessRuleException("The down payment must be less than the planned amount; pay the invoices instead.");
    }
}
