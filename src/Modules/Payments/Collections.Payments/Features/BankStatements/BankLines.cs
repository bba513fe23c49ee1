using Collections.SharedKernel;
using Collections.SharedKernel.Data;

namespace Collections.Payments.Features.BankStatements;

internal static class BankLineStatuses
{
    public const string Matched = "matched";
    public const string Unmatched = "unmatched";
    public const string Ignored = "ignored";
    public const string Reversed = "reversed";
}

/// <summary>How a line found its debtor: the rules in the order they are tried, a person, or the earlier credit a return undid.</summary>
internal static class MatchRules
{
    public const string Reference = "reference";
    public const string InvoiceNumber = "invoice_number";
    public const string Amount = "amount";
    public const string Staff = "staff";
    public const string Return = "return";
}

/// <summary>The widths of the text a line keeps from the file (clipped, not refused: the bank wrote it, not the caller).</summary>
internal static class BankLineText
{
    public const int ReferenceLength = 100;
    public const int BankCodeLength = 40;
    public const int PayerNameLength = 140;
    public const int AccountLength = 70;
    public const int RemittanceLength = 1000;
    public const int ReturnReasonLength = 200;
    public const int NoteLength = 500;

    public static string? Clip(string? text, int length) => text is null ? null : Text.Clip(text, length);
}

internal sealed record BankLineRow
{
    public const string Columns = """
        id AS Id, import_id AS ImportId, position AS Position, account AS Account, statement_ref AS StatementId, credit_debit AS CreditDebit,
        booking_status AS BookingStatus, amount_minor AS AmountMinor, currency AS Currency, booked_on AS BookedOn, value_on AS ValueOn,
        end_to_end_ref AS EndToEndId, bank_ref AS BankReference, bank_code AS BankTransactionCode, payer_name AS PayerName,
        payer_account AS PayerAccount, remittance AS Remittance, creditor_ref AS CreditorReference, is_return AS IsReturn,
        return_reason AS ReturnReason, status AS Status, matched_by AS MatchedBy, note AS Note, debtor_id AS DebtorId,
        payment_id AS PaymentId, refund_id AS RefundId, decided_by AS DecidedBy, decided_at AS DecidedAt
        """;

    public required string Id { get; init; }

    public required string ImportId { get; init; }

    public int Position { get; init; }

    public required string Account { get; init; }

    public required string StatementId { get; init; }

    /// <summary>CRDT or DBIT, as the file has it.</summary>
    public required string CreditDebit { get; init; }

    public required string BookingStatus { get; init; }

    public long AmountMinor { get; init; }

    public required string Currency { get; init; }

    public DateOnly? BookedOn { get; init; }

    public DateOnly? ValueOn { get; init; }

    public string? EndToEndId { get; init; }

    public string? BankReference { get; init; }

    public string? BankTransactionCode { get; init; }

    public string? PayerName { get; init; }

    public string? PayerAccount { get; init; }

    public string? Remittance { get; init; }

    public string? CreditorReference { get; init; }

    public bool IsReturn { get; init; }

    public string? ReturnReason { get; init; }

    public required string Status { get; init; }

    public string? MatchedBy { get; init; }

    public string? Note { get; init; }

    public string? DebtorId { get; init; }

    public string? PaymentId { get; init; }

    public string? RefundId { get; init; }

    public string? DecidedBy { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    public bool IsCredit => CreditDebit == "CRDT";

    /// <summary>The day the money arrived: the value date, else the booking date.</summary>
    public DateOnly? ReceivedOn => ValueOn ?? BookedOn;

    /// <summary>What the payment's reference says, so the payment names the statement line it came from.</summary>
    public string PaymentReference
    {
        get
        {
            var reference = EndToEndId ?? BankReference;
            return Text.Clip($"Bank statement {StatementId} line {Position}" + (reference is null ? "" : $", ref {reference}"), 200);
        }
    }

    public BankStatementLineResponse ToResponse() => new(
        Id, ImportId, Position, Account, StatementId, IsCredit ? "credit" : "debit", BookingStatus, MoneyDto.Of(AmountMinor, Currency), BookedOn, ValueOn,
        EndToEndId, BankReference, BankTransactionCode, PayerName, PayerAccount, Remittance, CreditorReference, IsReturn, ReturnReason, Status,
        MatchedBy, Note, DebtorId, PaymentId, RefundId, DecidedBy, DecidedAt);
}

/// <summary>Reads and changes statement lines; shared by the import and by staff deciding a line.</summary>
internal sealed class BankLines(DbSession db, TimeProvider time)
{
    private const string ByIdSql = "SELECT " + BankLineRow.Columns + " FROM payments_bank_lines WHERE id = @Id";

    private const string OfImportSql = "SELECT " + BankLineRow.Columns + " FROM payments_bank_lines WHERE import_id = @ImportId ORDER BY position";

    private const string ClaimSql = """
        UPDATE payments_bank_lines SET status = 'matched', matched_by = @MatchedBy, debtor_id = @DebtorId, note = @Note,
            decided_by = @DecidedBy, decided_at = @Now
        WHERE id = @Id AND status = 'unmatched'
        """;

    private const string BookedSql = "UPDATE payments_bank_lines SET payment_id = @PaymentId WHERE id = @Id";

    private const string IgnoreSql = """
        UPDATE payments_bank_lines SET status = 'ignored', note = @Note, decided_by = @DecidedBy, decided_at = @Now
        WHERE id = @Id AND status = 'unmatched'
        """;

    public Task<BankLineRow?> FindAsync(string id, CancellationToken ct) => db.QuerySingleOrDefaultAsync<BankLineRow>(ByIdSql, new { Id = id }, ct);

    public Task<IReadOnlyList<BankLineRow>> OfImportAsync(string importId, CancellationToken ct) => db.QueryAsync<BankLineRow>(OfImportSql, new { ImportId = importId }, ct);

    /// <summary>
    /// Takes an unmatched line for booking. The guarded UPDATE is what keeps a line from being booked twice: whoever
    /// changes it second (a second staff click, a concurrent request) changes no row and is told so.
    /// </summary>
    public async Task ClaimAsync(BankLineRow line, string debtorId, string matchedBy, string note, string? decidedBy, CancellationToken ct)
    {
        if (await db.ExecuteAsync(ClaimSql, new { line.Id, MatchedBy = matchedBy, DebtorId = debtorId, Note = BankLineText.Clip(note, BankLineText.NoteLength), DecidedBy = decidedBy, Now = time.GetUtcNow() }, ct) == 0)
        {
            throw AlreadyDecided((await FindAsync(line.Id, ct))!);
        }
    }

    public Task BookedAsync(string lineId, string paymentId, CancellationToken ct) => db.ExecuteAsync(BookedSql, new { Id = lineId, PaymentId = paymentId }, ct);

    public async Task IgnoreAsync(BankLineRow line, string note, string decidedBy, CancellationToken ct)
    {
        if (await db.ExecuteAsync(IgnoreSql, new { line.Id, Note = BankLineText.Clip(note, BankLineText.NoteLength), DecidedBy = decidedBy, Now = time.GetUtcNow() }, ct) == 0)
        {
            throw AlreadyDecided((await FindAsync(line.Id, ct))!);
        }
    }

    public static Collections.SharedKernel.Errors.ConflictException AlreadyDecided(BankLineRow line) => new(line.Status switch
    {
        BankLineStatuses.Matched => $"Statement line {line.Id} is already matched: it was booked as payment {line.PaymentId}.",
        BankLineStatuses.Reversed => $"Statement line {line.Id} is a return that already reversed payment {line.PaymentId}.",
        _ => $"Statement line {line.Id} was ignored: {line.Note}",
    });
}
