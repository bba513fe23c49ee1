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
            var what = item is null ? account.Say("receipt.unknownItem")
                : item.PoNumber is null ? account.Say("receipt.item", ("number", item.Number))
                : account.Say("receipt.itemWithPo", ("number", item.Number), ("po", item.PoNumber));
            var discount = allocation.DiscountMinor > 0 ? account.Say("receipt.discount", ("amount", account.Amount(allocation.DiscountMinor, payment.Currency))) : "";
            var rest = item is null || item.BalanceMinor == 0
                ? account.Say("receipt.settled")
                : account.Say("receipt.stillOpen", ("amount", account.Amount(item.BalanceMinor, item.Currency)));
            lines.Add(account.Say("receipt.line", ("item", what), ("paid", account.Amount(allocation.AmountMinor, payment.Currency)), ("discount", discount), ("rest", rest)));
        }

        if (payment.UnappliedMinor > 0)
        {
            lines.Add(account.Say("receipt.credit", ("amount", account.Amount(payment.UnappliedMinor, payment.Currency))));
        }

        var next = account.Open.MinBy(i => i.DueDate);
        var nextStep = next is null
            ? account.Say("receipt.next.nothingDue")
            : account.Say(next.DueDate < account.Today ? "receipt.next.overdue" : "receipt.next.upcoming",
                ("number", next.Number), ("amount", account.Amount(next.BalanceMinor, next.Currency)), ("dueDate", account.Date(next.DueDate)));
        return new CourtesyContent(lines, nextStep, account.Today);
    }
}
