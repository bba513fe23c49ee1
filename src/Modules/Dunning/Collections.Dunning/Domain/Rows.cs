namespace Collections.Dunning.Domain;

internal sealed record SettingsRow
{
    public string DebtorId { get; init; } = "";
    public string? PolicyId { get; init; }
    public bool DoNotContact { get; init; }
    public DateOnly? HoldUntil { get; init; }
    public string? HoldReason { get; init; }
}

internal sealed record PolicyRow
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public string StepsJson { get; init; } = "[]";
    public int Version { get; init; }

    public DunningPolicy ToPolicy() => new(Id, Name, Description, PolicyJson.Read(StepsJson), Version);
}

internal sealed record TemplateRow
{
    public string TemplateKey { get; init; } = "";
    public string Channel { get; init; } = "";
    public string Tone { get; init; } = "";
    public string Subject { get; init; } = "";
    public string Body { get; init; } = "";
    public int Version { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The language the subject and body are written in.</summary>
    public string Language { get; init; } = Languages.Languages.Fallback;
}

internal sealed record PromiseRow
{
    public const string Columns = """
        id AS Id, debtor_id AS DebtorId, amount_minor AS AmountMinor, currency AS Currency, promised_date AS PromisedDate, live_until AS LiveUntil,
        invoice_ids AS InvoiceIds, paid_minor AS PaidMinor, applied_minor AS AppliedMinor, status AS Status, created_by AS CreatedBy,
        created_at AS CreatedAt, closed_at AS ClosedAt
        """;

    public string Id { get; init; } = "";
    public string DebtorId { get; init; } = "";
    public long AmountMinor { get; init; }
    public string Currency { get; init; } = "";
    public DateOnly PromisedDate { get; init; }
    public DateOnly LiveUntil { get; init; }
    public string InvoiceIds { get; init; } = "";
    public long PaidMinor { get; init; }

    /// <summary>
    /// Of PaidMinor, what was allocated to the promise's own invoices: it lowered their balances, so it no longer pauses
    /// anything. Money on account or on other invoices counts toward the promise but leaves these balances as they were.
    /// </summary>
    public long AppliedMinor { get; init; }

    public string Status { get; init; } = "";
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>A promise naming no invoices covers every invoice of the debtor.</summary>
    public bool Covers(string invoiceId) => InvoiceIds.Length == 0 || IdList.Split(InvoiceIds).Contains(invoiceId);
}

internal sealed record PendingRow
{
    public string AttemptId { get; init; } = "";
    public string DebtorId { get; init; } = "";
    public long AmountMinor { get; init; }
    public string Currency { get; init; } = "";
    public string ItemIds { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
}
