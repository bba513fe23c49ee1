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

    public Task AddMovementAsync(ItemRow item, DateOnly onDate, string reason, string? sourceId, long deltaMinor, CancellationToken ct) =>
        db.ExecuteAsync(InsertMovementSql, new
        {
            Id = Ids.New("imv", time),
            ItemId = item.Id,
            item.DebtorId,
            item.Currency,
            OnDate = onDate,
            OnMonth = MonthKey(onDate),
            item.DueDate,
            IsSale = reason == MovementReasons.Sale || MovementReasons.ChangesSale(reason) ? 1 : 0,
            Reason = reason,
            SourceId = sourceId,
            DeltaMinor = deltaMinor,
        }, ct);

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
