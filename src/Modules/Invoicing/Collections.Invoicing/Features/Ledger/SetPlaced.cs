using Collections.Invoicing.Contracts;
using Collections.Invoicing.Domain;
using Collections.SharedKernel.Data;
using MediatR;

namespace Collections.Invoicing.Features.Ledger;

internal sealed class SetPlacedHandler(DbSession db, ActivityLog activity, TimeProvider time) : IRequestHandler<SetPlacedCommand, int>
{
    private const string UpdateSql = """
        UPDATE invoicing_receivables SET placed = @Placed, version = version + 1, updated_at = @Now
        WHERE debtor_id = @DebtorId AND status = 'open'
        """;

    public async Task<int> Handle(SetPlacedCommand command, CancellationToken cancellationToken)
    {
        var changed = await db.ExecuteAsync(UpdateSql, new { command.DebtorId, command.Placed, Now = time.GetUtcNow() }, cancellationToken);
        await activity.AppendAsync(command.DebtorId, command.Placed ? "invoices.placed" : "invoices.recalled",
            command.Placed ? $"{changed} open items placed ({command.Reference})." : $"{changed} open items recalled ({command.Reference}).", ct: cancellationToken);
        return changed;
    }
}
