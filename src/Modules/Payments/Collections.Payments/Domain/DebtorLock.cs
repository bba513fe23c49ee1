using System.Data.Common;
using Collections.SharedKernel.Data;

namespace Collections.Payments.Domain;

/// <summary>
/// Serializes money movements per debtor: the UPDATE takes the row's write lock until the transaction ends, so a
/// second payment of the same debtor reads balances only after the first has committed.
/// </summary>
internal sealed class DebtorLock(DbSession db)
{
    private const string TouchSql = "UPDATE payments_debtor_locks SET version = version + 1 WHERE debtor_id = @DebtorId";
    private const string InsertSql = "INSERT INTO payments_debtor_locks (debtor_id, version) VALUES (@DebtorId, 1)";

    public async Task AcquireAsync(string debtorId, CancellationToken ct)
    {
        if (!db.InTransaction)
        {
            throw new InvalidOperationException("The debtor lock is only meaningful inside a transaction.");
        }

        if (await db.ExecuteAsync(TouchSql, new { DebtorId = debtorId }, ct) > 0)
        {
            return;
        }

        try
        {
            await db.ExecuteAsync(InsertSql, new { DebtorId = debtorId }, ct);
        }
        catch (DbException exception) when (exception.IsUniqueViolation())
        {
            await db.ExecuteAsync(TouchSql, new { DebtorId = debtorId }, ct);
        }
    }
}
