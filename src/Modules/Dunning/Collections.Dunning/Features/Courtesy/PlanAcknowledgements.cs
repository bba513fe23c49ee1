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
                    $"{plan.InstallmentCount} instalments, {MessageComposer.Amount(plan.TotalMinor, plan.Currency)} in all",
                    $"Invoices covered: {string.Join(", ", plan.InvoiceIds.Select(account.NumberOf))}",
                ],
                "while the instalments arrive on time we send no reminders for these invoices; each instalment and its date is in the portal",
                firstDue ?? account.Today)), cancellationToken);
    }

    public Task Handle(PaymentPlanInstallmentLate late, CancellationToken cancellationToken) =>
        outbox.QueueAsync(new CourtesyNote(MessagePurposes.PlanInstallmentLate, $"{late.PaymentPlanId}:late:{late.Number}", late.DebtorId, late.OutstandingMinor, late.Currency, [],
            account =>
            {
                var lastDay = (late.DefaultsOn ?? late.DueDate.AddDays(30)).AddDays(-1);
                return new CourtesyContent(
                    [$"Instalment {late.Number}, due {MessageComposer.Date(late.DueDate)}: {MessageComposer.Amount(late.OutstandingMinor, late.Currency)} outstanding"],
                    $"if it is still unpaid after {MessageComposer.Date(lastDay)}, the plan ends and the usual reminders resume for what is left; if you have just paid, thank you",
                    lastDay);
            }), cancellationToken);

    public Task Handle(PaymentPlanCompleted plan, CancellationToken cancellationToken) =>
        outbox.QueueAsync(new CourtesyNote(MessagePurposes.PlanCompleted, $"{plan.PaymentPlanId}:completed", plan.DebtorId, 0, null, [],
            account => new CourtesyContent(
                ["Every instalment has been paid"],
                account.Open.Count == 0 ? "nothing more is due on your account" : "nothing more is due under the plan; any other open invoice is listed in the portal",
                account.Today)), cancellationToken);

    public Task Handle(PaymentPlanDefaulted plan, CancellationToken cancellationToken) =>
        outbox.QueueAsync(new CourtesyNote(MessagePurposes.PlanDefaulted, $"{plan.PaymentPlanId}:defaulted", plan.DebtorId, 0, null, plan.InvoiceIds,
            account => new CourtesyContent(
                plan.InvoiceIds.Select(id => account.ById.GetValueOrDefault(id) is { } item
                    ? $"Invoice {item.Number}: {MessageComposer.Amount(item.BalanceMinor, item.Currency)} open"
                    : $"Invoice {id}").ToList(),
                "our reminders resume for these invoices; if you can pay only part, or need a new arrangement, reply to this e-mail or use the link below",
                account.Today)), cancellationToken);
}
