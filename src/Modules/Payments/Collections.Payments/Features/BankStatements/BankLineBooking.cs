using Collections.Payments.Features.Payments;
using Collections.SharedKernel;
using MediatR;

namespace Collections.Payments.Features.BankStatements;

/// <summary>
/// Books a statement line as a payment through <c>POST /payments</c>'s own command (method bank_transfer, received on the
/// line's value date, the reference naming the line), so it is allocated, announced and fed like any payment. The line is
/// claimed first; its id is the payment's idempotency key as well.
/// </summary>
internal sealed class BankLineBooking(BankLines lines, IMediator mediator)
{
    public async Task<PaymentResponse> BookAsync(
        BankLineRow line, string debtorId, IReadOnlyList<(string ItemId, long AmountMinor)>? allocations, string matchedBy, string note, string? decidedBy, CancellationToken ct)
    {
        await lines.ClaimAsync(line, debtorId, matchedBy, note, decidedBy, ct);
        var currency = Currency.Of(line.Currency);
        var payment = await mediator.Send(new RecordPaymentCommand(
            new RecordPaymentRequest(
                debtorId,
                new Money(line.AmountMinor, currency).Major,
                currency.Code,
                "bank_transfer",
                line.PaymentReference,
                line.ReceivedOn,
                allocations?.Select(a => new AllocationRequest(a.ItemId, new Money(a.AmountMinor, currency).Major)).ToList()),
            $"bank-statement-line:{line.Id}"), ct);
        await lines.BookedAsync(line.Id, payment.Id, ct);
        return payment;
    }
}
