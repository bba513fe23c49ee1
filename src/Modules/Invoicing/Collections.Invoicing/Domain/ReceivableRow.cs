using Collections.Invoicing.Contracts;

namespace Collections.Invoicing.Domain;

/// <summary>One row of invoicing_receivables: an invoice, or a late-fee charge referencing one.</summary>
internal sealed record ReceivableRow
{
    public const string Columns = """
        id AS Id, kind AS Kind, external_id AS ExternalId, debtor_id AS DebtorId, parent_id AS ParentId, number AS Number,
        po_number AS PoNumber, currency AS Currency, issue_date AS IssueDate, due_date AS DueDate, total_minor AS TotalMinor,
        balance_minor AS BalanceMinor, paid_minor AS PaidMinor, credited_minor AS CreditedMinor, disputed_minor AS DisputedMinor,
        payment_plan_id AS PaymentPlanId, placed AS Placed, status AS Status, net_days AS NetDays,
        discount_basis_points AS DiscountBasisPoints, discount_days AS DiscountDays, late_fee_policy_json AS LateFeePolicyJson,
        content_hash AS ContentHash, version AS Version, created_at AS CreatedAt, updated_at AS UpdatedAt
        """;

    public const string SelectByIdSql = "SELECT " + Columns + " FROM invoicing_receivables WHERE id = @Id";

    public required string Id { get; init; }

    public required string Kind { get; init; }

    public required string ExternalId { get; init; }

    public required string DebtorId { get; init; }

    public string? ParentId { get; init; }

    public required string Number { get; init; }

    public string? PoNumber { get; init; }

    public required string Currency { get; init; }

    public DateOnly IssueDate { get; init; }

    public DateOnly DueDate { get; init; }

    public long TotalMinor { get; init; }

    public long BalanceMinor { get; init; }

    public long PaidMinor { get; init; }

    public long CreditedMinor { get; init; }

    public long DisputedMinor { get; init; }

    public string? PaymentPlanId { get; init; }

    public bool Placed { get; init; }

    public required string Status { get; init; }

    public int? NetDays { get; init; }

    public int? DiscountBasisPoints { get; init; }

    public int? DiscountDays { get; init; }

    public string? LateFeePolicyJson { get; init; }

    public required string ContentHash { get; init; }

    public int Version { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public bool IsOpen => Status == InvoiceStatuses.Open && BalanceMinor > 0;

    public EarlyPaymentDto? EarlyPaymentAsOf(DateOnly today) =>
        EarlyPaymentTerms.Available(this, today) is { } offer ? new EarlyPaymentDto(offer.DiscountMinor, offer.PayBy) : null;

    public int DaysOverdue(DateOnly today) => IsOpen && today > DueDate ? today.DayNumber - DueDate.DayNumber : 0;

    public ReceivableDto ToDto(DateOnly today) => new(
        Id, Kind, DebtorId, ExternalId, Number, PoNumber, ParentId, Currency, IssueDate, DueDate, TotalMinor, BalanceMinor,
        DisputedMinor, PaymentPlanId is not null, Placed, Status, EarlyPaymentAsOf(today));
}
