using Collections.Invoicing.Contracts;
using Collections.Invoicing.Domain;
using Collections.SharedKernel.Errors;
using MediatR;

namespace Collections.Invoicing.Features.Ledger;

internal sealed class ApplyAllocationHandler(InvoiceReader invoices, ReceivableLedger ledger) : IRequestHandler<ApplyAllocationCommand, AllocationResult>
{
    public async Task<AllocationResult> Handle(ApplyAllocationCommand command, CancellationToken cancellationToken)
    {
        var item = await invoices.FindAsync(command.ItemId, cancellationToken) ?? throw new NotFoundException("Invoice", command.ItemId);
        if (command.AmountMinor <= 0)
        {
            throw new BusinessRuleException("An allocation must be for a positive amount.");
        }

        if (item.Currency != command.Currency)
        {
            throw new BusinessRuleException($"Invoice {item.Number} is in {item.Currency}; a {command.Currency} amount cannot be applied to it.");
        }

        var offer = command.TakeEarlyPaymentDiscount ? EarlyPaymentTerms.Available(item, command.AppliedOn) : null;
        var settlesWithDiscount = offer is not null && command.AmountMinor == item.BalanceMinor - offer.DiscountMinor;
        var after = await ledger.PostAsync(new LedgerPosting(item.Id, EntryTypes.Allocation, -command.AmountMinor, command.AppliedOn, command.SourceType, command.SourceId, null, PaidDeltaMinor: command.AmountMinor), cancellationToken);
        if (settlesWithDiscount)
        {
            after = await ledger.PostAsync(new LedgerPosting(item.Id, EntryTypes.Discount, -offer!.DiscountMinor, command.AppliedOn, command.SourceType, command.SourceId, $"Early-payment discount (paid by {offer.PayBy:yyyy-MM-dd})"), cancellationToken);
        }

        return new AllocationResult(item.Id, command.AmountMinor, settlesWithDiscount ? offer!.DiscountMinor : 0, after.BalanceMinor);
    }
}
