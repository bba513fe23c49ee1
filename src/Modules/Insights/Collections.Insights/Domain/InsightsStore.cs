using System.Data.Common;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;

namespace Collections.Insights.Domain;

internal static class MovementReasons
{
    public const string Sale = "sale";

    /// <summary>Balance changes that alter the sale itself (total changed, invoice voided): dated on the issue date.</summary>
    public static bool ChangesSale(string reason) => reason is "adjustment" or "changed" or "void";

    /// <summary>Money of a payment: dated on the day the payment was received once PaymentSucceeded tells it.</summary>
    public static bool IsPayment(string reason) => reason is "allocation" or "discount";
}

internal sealed record ItemRow
{
    public string Id { get; init; } = "";
    public string Kind { get; init; } = "";
    public string DebtorId { get; init; } = "";
    public string Currency { get; init; } = "";
    public DateOnly IssueDate { get; init; }
    public DateOnly DueDate { get; init; }
    public long TotalMinor { get; init; }
    public long BalanceMinor { get; init; }
    public string Status { get; init; } = "";
    public DateOnly? PaidOn { get; init; }
}

internal sealed record NewMovement(ItemRow Item, DateOnly OnDate, string Reason, string? SourceId, long DeltaMinor);

/// <summary>The writes the feed and the rebuild share, so both produce the same rows.</summary>
internal sealed class InsightsStore(DbSession db, TimeProvider time)
{
    public const string ItemColumns = """
        id AS Id, kind AS Kind, debtor_id AS DebtorId, currency AS Currency, issue_date AS IssueDate, due_date AS DueDate,
        total_minor AS TotalMinor, balance_minor AS BalanceMinor, status AS Status, paid_on AS PaidOn
        """;

    private const string FindItemSql = "SELECT " + ItemColumns + " FROM insights_items WHERE id = @Id";

    private const string InsertItemSql = """
        INSERT INTO insights_items (id, kind, debtor_id, currency, issue_date, due_date, total_minor, balance_minor, status, paid_on)
        VALUES (@Id, @Kind, @DebtorId, @Currency, @IssueDate, @DueDate, @TotalMinor, @BalanceMinor, @Status, @PaidOn)
        """;

    private const string InsertNewItemSql = """
        INSERT INTO insights_items (id, kind, debtor_id, currency, issue_date, due_date, total_minor, balance_minor, status, paid_on)
        SELECT @Id, @Kind, @DebtorId, @Currency, @IssueDate, @DueDate, @TotalMinor, @BalanceMinor, @Status, @PaidOn
        WHERE NOT EXISTS (SELECT 1 FROM insights_items WHERE id = @Id)
        """;

    private const string InsertItemsSavepoint = "insights_items";

    private const string KnownItemIdsSql = "SELECT id FROM insights_items WHERE id IN @Ids";

    private const string InsertMovementSql = """
        INSERT INTO insights_movements (id, item_id, debtor_id, currency, on_date, on_month, due_date, is_sale, reason, source_id, delta_minor)
        VALUES (@Id, @ItemId, @DebtorId, @Currency, @OnDate, @OnMonth, @DueDate, @IsSale, @Reason, @SourceId, @DeltaMinor)
        """;

    private const string InsertPaymentSql = """
        INSERT INTO insights_payments (id, debtor_id, currency, amount_minor, refunded_minor, received_on, received_month)
        SELECT @Id, @DebtorId, @Currency, @AmountMinor, @RefundedMinor, @ReceivedOn, @ReceivedMonth
        WHERE NOT EXISTS (SELECT 1 FROM insights_payments WHERE id = @Id)
        """;

    public Task<ItemRow?> FindItemAsync(string id, CancellationToken ct) => db.QuerySingleOrDefaultAsync<ItemRow>(FindItemSql, new { Id = id }, ct);

    public Task InsertItemAsync(ItemRow item, CancellationToken ct) => db.ExecuteAsync(InsertItemSql, item, ct);

    /// <summary>Inserts the item unless it is already known (a replayed notification); true if it was new. One statement instead of a read and a write.</summary>
    public async Task<bool> TryInsertItemAsync(ItemRow item, CancellationToken ct) => await db.ExecuteAsync(InsertNewItemSql, item, ct) == 1;

    /// <summary>
    /// Inserts the items not already known (replayed notifications, or the same id twice in the list) with one
    /// prepared statement, and returns those that were new, in their order. Inside a transaction it first inserts them
    /// all on a savepoint, which holds when none was known (the usual case) and spares reading their ids; a known one
    /// fails that insert, which is then rolled back. (A plain insert: INSERT ... SELECT ... WHERE NOT EXISTS on the
    /// same table costs SQLite a temporary table per row.)
    /// </summary>
    public async Task<IReadOnlyList<ItemRow>> TryInsertItemsAsync(IReadOnlyList<ItemRow> items, CancellationToken ct)
    {
        var distinct = items.DistinctBy(i => i.Id, StringComparer.Ordinal).ToList();
        if (distinct.Count <= 1)
        {
            return distinct.Count == 1 && await TryInsertItemAsync(distinct[0], ct) ? distinct : [];
        }

        if (db.Transaction is { } transaction)
        {
            await transaction.SaveAsync(InsertItemsSavepoint, ct);
            try
            {
                await db.ExecuteAsync(InsertItemSql, distinct, ct);
                await transaction.ReleaseAsync(InsertItemsSavepoint, ct);
                return distinct;
            }
            catch (DbException exception) when (exception.IsUniqueViolation())
            {
                await transaction.RollbackAsync(InsertItemsSavepoint, ct);
                await transaction.ReleaseAsync(InsertItemsSavepoint, ct);
            }
        }

        var known = (await db.QueryByIdsAsync<string>(KnownItemIdsSql, distinct.Select(i => i.Id), ids => new { Ids = ids }, ct)).ToHashSet(StringComparer.Ordinal);

        var added = distinct.Where(i => !known.Contains(i.Id)).ToList();
        if (added.Count > 0)
        {
            await db.ExecuteAsync(InsertItemSql, added, ct);
        }

        return added;
    }

    public Task AddMovementAsync(ItemRow item, DateOnly onDate, string reason, string? sourceId, long deltaMinor, CancellationToken ct) =>
        db.ExecuteAsync(InsertMovementSql, MovementRow(new NewMovement(item, onDate, reason, sourceId, deltaMinor)), ct);

    /// <summary>Many movements with one prepared statement.</summary>
    public async Task AddMovementsAsync(IReadOnlyList<NewMovement> movements, CancellationToken ct)
    {
        if (movements.Count > 0)
        {
            await db.ExecuteAsync(InsertMovementSql, movements.Select(MovementRow).ToList(), ct);
        }
    }

    private object MovementRow(NewMovement m) => new
    {
        Id = Ids.New("imv", time),
        ItemId = m.Item.Id,
        m.Item.DebtorId,
        m.Item.Currency,
        m.OnDate,
        OnMonth = MonthKey(m.OnDate),
        m.Item.DueDate,
        IsSale = m.Reason == MovementReasons.Sale || MovementReasons.ChangesSale(m.Reason) ? 1 : 0,
        m.Reason,
        m.SourceId,
        m.DeltaMinor,
    };

    public Task AddPaymentAsync(string id, string debtorId, string currency, long amountMinor, long refundedMinor, DateOnly receivedOn, CancellationToken ct) =>
        db.ExecuteAsync(InsertPaymentSql, new
        {
            Id = id,
            DebtorId = debtorId,
            Currency = currency,
            AmountMinor = amountMinor,
            RefundedMinor = refundedMinor,
            ReceivedOn = receivedOn,
            ReceivedMonth = MonthKey(receivedOn),
        }, ct);

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public static int MonthKey(DateOnly date) => (date.Year * 100) + date.Month;

    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
}
