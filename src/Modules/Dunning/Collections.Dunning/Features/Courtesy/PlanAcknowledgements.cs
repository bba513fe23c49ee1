using Collections.Dunning.Domain;
using Collections.PaymentPlans.Contracts;
using MediatR;

namespace Collections.Dunning.Features.Courtesy;

/// <summary>A payment plan agreed, an installment late, the plan completed or ended: each is written to the debtor once.</summary>
internal sealed class PlanAcknowledgements(CourtesyOutbox outbox, IMediator mediator) :
    INotificationHandler<PaymentPlanActivated>,
    INotificationHandler<PaymentPlanInstallmentLate>,
    INotificationHandler<PaymentPlanCompleted>,
    INotificationHandler<PaymentPlanDefaulted>
{
    public async Task Handle(PaymentPlanActivated plan, CancellationToken cancellationToken)
    {
        var firstDue = (await mediator.Send(new GetPlansQuery(plan.DebtorId), cancellationToken)).FirstOrDefault(p => p.Id == plan.PaymentPlanId)?.NextDueDate;
        await outbox.QueueAsync(new CourtesyNote(MessagePurposes.PlanAgreed, plan.PaymentPlanId, plan.DebtorId, plan.TotalMinor, plan.Currency, plan.InvoiceIds,
            account => new CourtesyContent(
                [
                    account.Say("plan.agreed.installments", ("count", plan.InstallmentCount), ("amount", account.Amount(plan.TotalMinor, plan.Currency))),
                    account.Say("plan.agreed.invoices", ("numbers", string.Join(", ", plan.InvoiceIds.Select(account.NumberOf)))),
                ],
                account.Say("plan.agreed.next"),
                firstDue ?? account.Today)), cancellationToken);
    }

    public Task Handle(PaymentPlanInstallmentLate late, CancellationToken cancellationToken) =>
        outbox.QueueAsync(new CourtesyNote(MessagePurposes.PlanInstallmentLate, $"{late.PaymentPlanId}:late:{late.Number}", late.DebtorId, late.OutstandingMinor, late.Currency, [],
            account =>
            {
                var lastDay = (late.DefaultsOn ?? late.DueDate.AddDays(30)).AddDays(-1);
                return new CourtesyContent(
                    [account.Say("plan.late.line", ("number", late.Number), ("dueDate", account.Date(late.DueDate)),
                        ("amount", account.Amount(late.OutstandingMinor, late.Currency)))],
                    account.Say("plan.late.next", ("lastDay", account.Date(lastDay))),
                    lastDay);
            }), cancellationToken);

    public Task Handle(PaymentPlanCompleted plan, CancellationToken cancellationToken) =>
        outbox.QueueAsync(new CourtesyNote(MessagePurposes.PlanCompleted, $"{plan.PaymentPlanId}:completed", plan.DebtorId, 0, null, [],
            account => new CourtesyContent(
                [account.Say("plan.completed.line")],
                account.Say(account.Open.Count == 0 ? "plan.completed.next.nothingDue" : "plan.completed.next.otherOpen"),
                account.Today)), cancellationToken);

    public Task Handle(PaymentPlanDefaulted plan, CancellationToken cancellationToken) =>
        outbox.QueueAsync(new CourtesyNote(MessagePurposes.PlanDefaulted, $"{plan.PaymentPlanId}:defaulted", plan.DebtorId, 0, null, plan.InvoiceIds,
            account => new CourtesyContent(
                plan.InvoiceIds.Select(id => account.ById.GetValueOrDefault(id) is { } item
                    ? account.Say("invoice.open", ("number", item.Number), ("amount", account.Amount(item.BalanceMinor, item.Currency)))
                    : account.Say("invoice.unknown", ("number", id))).ToList(),
                account.Say("plan.defaulted.next"),
                account.Today)), cancellationToken);
}
