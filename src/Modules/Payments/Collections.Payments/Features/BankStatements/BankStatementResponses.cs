using Collections.SharedKernel;
using Collections.SharedKernel.Data;

namespace Collections.Payments.Features.BankStatements;

/// <summary>One imported camt file: its statements, what became of its lines, and the lines.</summary>
public sealed record BankStatementImportResponse(
    string Id,
    string Format,
    string MessageId,
    IReadOnlyList<ImportedStatement> Statements,
    BankLineCounts Counts,
    IReadOnlyList<BankStatementLineResponse> Lines,
    string ImportedBy,
    DateTimeOffset ImportedAt);

/// <summary>A statement (camt.053) or notification (camt.054) of the file: the account it is for and its id.</summary>
public sealed record ImportedStatement(string Account, string StatementId);

/// <summary>Lines booked as payments, waiting for staff, ignored (with why), and returns that reversed an earlier payment.</summary>
public sealed record BankLineCounts(int Matched, int Unmatched, int Ignored, int Reversed);

/// <summary>
/// One entry of a statement, or one transaction of a batch entry, and what became of it. Status: matched (booked as
/// PaymentId), unmatched (waiting for staff), ignored (Note says why), reversed (a return that refunded PaymentId as
/// RefundId). MatchedBy: reference, invoice_number, amount, staff or return.
/// </summary>
public sealed record BankStatementLineResponse(
    string Id,
    string ImportId,
    int Position,
    string Account,
    string StatementId,
    string Direction,
    string BookingStatus,
    MoneyDto Amount,
    DateOnly? BookedOn,
    DateOnly? ValueOn,
    string? EndToEndId,
    string? BankReference,
    string? BankTransactionCode,
    string? PayerName,
    string? PayerAccount,
    string? RemittanceInformation,
    string? CreditorReference,
    bool IsReturn,
    string? ReturnReason,
    string Status,
    string? MatchedBy,
    string? Note,
    string? DebtorId,
    string? PaymentId,
    string? RefundId,
    string? DecidedBy,
    DateTimeOffset? DecidedAt);

/// <summary>Reads an import as its response: the import, its statements and its lines (the import and <c>GET /bank-statements/{id}</c>).</summary>
internal sealed class BankImportReader(DbSession db, BankLines lines)
{
    private const string ImportSql = """
        SELECT id AS Id, kind AS Kind, message_ref AS MessageId, imported_by AS ImportedBy, imported_at AS ImportedAt
        FROM payments_bank_imports WHERE id = @Id
        """;

    private const string StatementsSql = "SELECT account AS Account, statement_ref AS StatementId FROM payments_bank_statements WHERE import_id = @Id ORDER BY created_at, account, statement_ref";

    public async Task<BankStatementImportResponse?> FindAsync(string importId, CancellationToken ct)
    {
        if (await db.QuerySingleOrDefaultAsync<ImportRow>(ImportSql, new { Id = importId }, ct) is not { } import)
        {
            return null;
        }

        var statements = await db.QueryAsync<ImportedStatement>(StatementsSql, new { Id = importId }, ct);
        var rows = await lines.OfImportAsync(importId, ct);
        int Count(string status) => rows.Count(r => r.Status == status);
        return new BankStatementImportResponse(import.Id, import.Kind, import.MessageId, statements,
            new BankLineCounts(Count(BankLineStatuses.Matched), Count(BankLineStatuses.Unmatched), Count(BankLineStatuses.Ignored), Count(BankLineStatuses.Reversed)),
            rows.Select(r => r.ToResponse()).ToList(), import.ImportedBy, import.ImportedAt);
    }

    private sealed record ImportRow
    {
        public required string Id { get; init; }

        public required string Kind { get; init; }

        public required string MessageId { get; init; }

        public required string ImportedBy { get; init; }

        public DateTimeOffset ImportedAt { get; init; }
    }
}
