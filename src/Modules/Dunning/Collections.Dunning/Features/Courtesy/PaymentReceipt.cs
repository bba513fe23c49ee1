using Collections.Dunning.Domain;
using Collections.Payments.Contracts;
using MediatR;

namespace Collections.Dunning.Features.Courtesy;

/// <summary>
/// Every payment is acknowledged, in the payment's own transaction: a thank-you and receipt with what it paid, invoice
/// by invoice, any discount taken, any credit kept on account, what remains and when it is due.
/// </summary>
internal sealed class PaymentReceiptHandler(CourtesyOutbox outbox) : INotificationHandler<PaymentSucceeded>
{
    public Task Handle(PaymentSucceeded payment, CancellationToken cancellationToken) =>
        outbox.QueueAsync(new CourtesyNote(MessagePurposes.Receipt, payment.PaymentId, payment.DebtorId, payment.AmountMinor, payment.Currency,
            payment.Allocations.Select(a => a.ItemId).ToList(), account => Receipt(payment, account)), cancellationToken);

    private static CourtesyContent Receipt(PaymentSucceeded payment, CourtesyContext account)
    {
        var lines = new List<string>();
        foreach (var allocation in payment.Allocations)
        {
            var item = account.ById.GetValueOrDefault(allocation.ItemId);
            var what = item is null ? "An item" : $"Invoice {item.Number}" + (item.PoNumber is null ? "" : $" (PO {item.PoNumber})");
            var discount = allocation.DiscountMinor > 0 ? $", with an early-payment discount of {MessageComposer.Amount(allocation.DiscountMinor, payment.Currency)}" : "";
            var rest = item is null || item.BalanceMinor == 0 ? "now settled in full" : $"{MessageComposer.Amount(item.BalanceMinor, item.Currency)} still open";
            lines.Add($"{what}: {MessageComposer.Amount(allocation.AmountMinor, payment.Currency)} paid{discount}; {rest}");
        }

        if (payment.UnappliedMinor > 0)
        {
            lines.Add($"{MessageComposer.Amount(payment.UnappliedMinor, payment.Currency)} kept as a credit on your account, to be set against your next invoice");
        }

        var next = account.Open.MinBy(i => i.DueDate);
        var nextStep = next is null
            ? "nothing more is due on your account, so there is nothing else you need to do"
            : next.DueDate < account.Today
                ? $"invoice {next.Number} of {MessageComposer.Amount(next.BalanceMinor, next.Currency)} was due on {MessageComposer.Date(next.DueDate)}; you can pay it, or part of it, at any time through the link below"
                : $"the next invoice, {next.Number} of {MessageComposer.Amount(next.BalanceMinor, next.Currency)}, falls due on {MessageComposer.Date(next.DueDate)}";
        return new CourtesyContent(lines, nextStep, account.Today);
    }
}
