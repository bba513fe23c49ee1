using Collections.Invoicing.Contracts;
using MediatR;

namespace Collections.Webhooks.Domain;

internal sealed record DebtorRef(string DebtorId, string? DebtorExternalId);

internal sealed record InvoiceRef(string InvoiceId, string? ExternalId, string? Number);

/// <summary>Looks up the ERP's own ids for what an event names, so the ERP can match it without a call back.</summary>
internal sealed class ErpReferences(IMediator mediator)
{
    public async Task<DebtorRef> DebtorAsync(string debtorId, CancellationToken ct)
    {
        var debtor = await mediator.Send(new GetDebtorQuery(debtorId), ct);
        return new DebtorRef(debtorId, debtor?.ExternalId);
    }

    public async Task<InvoiceRef> InvoiceAsync(string itemId, CancellationToken ct)
    {
        var item = await mediator.Send(new GetReceivableQuery(itemId), ct);
        return new InvoiceRef(itemId, item?.ExternalId, item?.Number);
    }

    public async Task<IReadOnlyList<InvoiceRef>> InvoicesAsync(IEnumerable<string> itemIds, CancellationToken ct)
    {
        var refs = new List<InvoiceRef>();
        foreach (var id in itemIds)
        {
            refs.Add(await InvoiceAsync(id, ct));
        }

        return refs;
    }
}
