using Collections.Invoicing.Contracts;
using Collections.Invoicing.Domain;
using Collections.SharedKernel.Errors;
using MediatR;

namespace Collections.Invoicing.Features.Ledger;

internal sealed class WriteOffItemHandler(InvoiceReader invoices, ReceivableLedger ledger, ActivityLog activity, IMediator mediator, TimeProvider time)
    : IRequestHandler<WriteOffItemCommand, AllocationResult>
{
    public async Task<AllocationResult> Handle(WriteOffItemCommand command, CancellationToken cancellationToken)
    {
        var item = await invoices.FindAsync(command.ItemId, cancellationToken) ?? throw new NotFoundException("Invoice", command.ItemId);
        if (!item.IsOpen)
        {
            throw new ConflictException($"Invoice {item.Number} has no open balance to write off.");
        }

        var today = await invoices.TodayForAsync(item.DebtorId, cancellationToken);
        var after = await ledger.PostAsync(new LedgerPosting(item.Id, EntryTypes.WriteOff, -item.BalanceMinor, today, "write_off", null, command.Reason, ClosedStatus: InvoiceStatuses.WrittenOff), cancellationToken);
        await activity.AppendAsync(item.DebtorId, "invoice.written_off", $"Invoice {item.Number}: {item.BalanceMinor} minor units written off. {command.Reason}", item.Id, ct: cancellationToken);
        await mediator.Publish(new InvoiceWrittenOff(item.Id, item.DebtorId, item.ExternalId, item.BalanceMinor, item.Currency, command.Reason, time.GetUtcNow()), cancellationToken);
        return new AllocationResult(item.Id, item.BalanceMinor, 0, after.BalanceMinor);
    }
}
