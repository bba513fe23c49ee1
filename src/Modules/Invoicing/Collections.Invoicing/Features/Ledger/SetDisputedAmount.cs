using Collections.Invoicing.Contracts;
using Collections.Invoicing.Domain;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using MediatR;

namespace Collections.Invoicing.Features.Ledger;

/// <summary>
/// Only the disputed part of an invoice is on hold: the rest stays payable and collectable. The amount at the end of
/// each of the debtor's days is kept, so the aging report as of a past date shows what was disputed on that date.
/// </summary>
internal sealed class SetDisputedAmountHandler(DbSession db, InvoiceReader invoices, TimeProvider time) : IRequestHandler<SetDisputedAmountCommand, ReceivableDto>
{
    private const string UpdateSql = """
        UPDATE invoicing_receivables SET disputed_minor = @DisputedMinor, version = version + 1, updated_at = @Now
        WHERE id = @Id AND balance_minor >= @DisputedMinor
        """;

    private const string ForgetDaySql = "DELETE FROM invoicing_disputed_history WHERE item_id = @Id AND effective_on = @Today";

    private const string RecordDaySql = "INSERT INTO invoicing_disputed_history (item_id, effective_on, disputed_minor) VALUES (@Id, @Today, @DisputedMinor)";

    public async Task<ReceivableDto> Handle(SetDisputedAmountCommand command, CancellationToken cancellationToken)
    {
        var item = await invoices.FindAsync(command.InvoiceId, cancellationToken) ?? throw new NotFoundException("Invoice", command.InvoiceId);
        if (command.DisputedMinor < 0 || await db.ExecuteAsync(UpdateSql, new { item.Id, command.DisputedMinor, Now = time.GetUtcNow() }, cancellationToken) == 0)
        {
            throw new BusinessRuleException($"The disputed amount must be between zero and the balance of invoice {item.Number} ({new Money(item.BalanceMinor, Currency.Of(item.Currency))}).");
        }

        var today = await invoices.TodayForAsync(item.DebtorId, cancellationToken);
        await db.ExecuteAsync(ForgetDaySql, new { item.Id, Today = today }, cancellationToken);
        await db.ExecuteAsync(RecordDaySql, new { item.Id, Today = today, command.DisputedMinor }, cancellationToken);
        var after = (await invoices.FindAsync(item.Id, cancellationToken))!;
        return after.ToDto(today);
    }
}
