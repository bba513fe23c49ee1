using System.Data.Common;
using System.Security.Cryptography;
using Collections.Payments.Domain;
using Collections.Payments.Features.Refunds;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Payments.Features.BankStatements;

/// <summary>How large a statement file may be (<c>Payments:BankStatements:MaxBytes</c>, default 10 MB).</summary>
internal sealed record BankStatementOptions(long MaxBytes)
{
    public const long DefaultMaxBytes = 10 * 1024 * 1024;
}

/// <summary>
/// Not a command: the file is read and checked before any transaction opens, so a bad file holds nothing and books
/// nothing. The import itself is one transaction: a statement is booked whole or not at all, and the size limit bounds it.
/// </summary>
internal sealed record ImportBankStatementCommand(byte[] Content) : IRequest<BankStatementImportResponse>;

internal sealed class ImportBankStatementHandler(
    DbSession db, BankStatementOptions options, LineMatcher matcher, BankLines lines, BankLineBooking booking, BankImportReader reader,
    PaymentBook book, RefundBook refunds, IMediator mediator, CallerContext caller, TimeProvider time)
    : IRequestHandler<ImportBankStatementCommand, BankStatementImportResponse>
{
    private const string EarlierImportSql = """
        SELECT s.import_id AS ImportId, i.imported_at AS ImportedAt FROM payments_bank_statements s
        JOIN payments_bank_imports i ON i.id = s.import_id
        WHERE s.account = @Account AND s.statement_ref = @StatementId
        """;

    private const string InsertImportSql = """
        INSERT INTO payments_bank_imports (id, kind, message_ref, file_hash, imported_by, imported_at)
        VALUES (@Id, @Kind, @MessageId, @FileHash, @ImportedBy, @Now)
        """;

    private const string InsertStatementSql = """
        INSERT INTO payments_bank_statements (account, statement_ref, import_id, created_at) VALUES (@Account, @StatementId, @ImportId, @Now)
        """;

    private const string InsertLineSql = """
        INSERT INTO payments_bank_lines (id, import_id, position, account, statement_ref, credit_debit, booking_status, amount_minor, currency,
            booked_on, value_on, end_to_end_ref, bank_ref, bank_code, payer_name, payer_account, remittance, creditor_ref, is_return, return_reason,
            status, matched_by, note, debtor_id, payment_id, refund_id, decided_by, decided_at, created_at)
        VALUES (@Id, @ImportId, @Position, @Account, @StatementId, @CreditDebit, @BookingStatus, @AmountMinor, @Currency,
            @BookedOn, @ValueOn, @EndToEndId, @BankReference, @BankTransactionCode, @PayerName, @PayerAccount, @Remittance, @CreditorReference, @IsReturn, @ReturnReason,
            @Status, NULL, @Note, NULL, NULL, NULL, NULL, NULL, @Now)
        """;

    // The same entry reported twice (a camt.054 notification in the day, then the camt.053 statement at night): same account,
    // bank reference, end-to-end id, direction and amount, from another import.
    private const string SameEntrySql = """
        SELECT id FROM payments_bank_lines
        WHERE account = @Account AND bank_ref = @BankReference AND import_id <> @ImportId
          AND (end_to_end_ref = @EndToEndId OR (end_to_end_ref IS NULL AND @EndToEndId IS NULL))
          AND credit_debit = @CreditDebit AND amount_minor = @AmountMinor AND currency = @Currency
        ORDER BY id
        """;

    private const string ReturnedCreditSql = "SELECT " + BankLineRow.Columns + """
         FROM payments_bank_lines
        WHERE account = @Account AND end_to_end_ref = @EndToEndId AND credit_debit = 'CRDT' AND is_return = 0 AND id <> @Id
        ORDER BY id DESC
        """;

    private const string ReversedSql = """
        UPDATE payments_bank_lines SET status = 'reversed', matched_by = 'return', debtor_id = @DebtorId, payment_id = @PaymentId, refund_id = @RefundId, note = @Note
        WHERE id = @Id AND status = 'unmatched'
        """;

    private const string NoteSql = "UPDATE payments_bank_lines SET note = @Note WHERE id = @Id";

    public async Task<BankStatementImportResponse> Handle(ImportBankStatementCommand command, CancellationToken cancellationToken)
    {
        CamtFile file;
        try
        {
            file = CamtReader.Read(command.Content, options.MaxBytes);
        }
        catch (CamtFormatException refused)
        {
            throw new ValidationException([new ValidationFailure("file", refused.Message)]);
        }

        var importId = Ids.New("bsi", time);
        await db.InTransactionAsync(
            async () =>
            {
                await RecordImportAsync(importId, file, Convert.ToHexString(SHA256.HashData(command.Content)), cancellationToken);
                var position = 0;
                foreach (var line in file.Lines)
                {
                    await ImportLineAsync(importId, ++position, line, cancellationToken);
                }

                return importId;
            }, cancellationToken);
        return (await reader.FindAsync(importId, cancellationToken))!;
    }

    private async Task RecordImportAsync(string importId, CamtFile file, string fileHash, CancellationToken ct)
    {
        foreach (var statement in file.Statements)
        {
            if (await db.QuerySingleOrDefaultAsync<EarlierImport>(EarlierImportSql, new { statement.Account, StatementId = statement.Id }, ct) is { } earlier)
            {
                throw new ConflictException($"Statement {statement.Id} of account {statement.Account} was already imported as {earlier.ImportId} "
                    + $"on {earlier.ImportedAt:yyyy-MM-dd HH:mm} UTC (GET /bank-statements/{earlier.ImportId}); nothing was booked again.");
            }
        }

        var now = time.GetUtcNow();
        await db.ExecuteAsync(InsertImportSql, new
        {
            Id = importId,
            Kind = file.Kind,
            MessageId = Text.Clip(file.MessageId, BankLineText.ReferenceLength),
            FileHash = fileHash,
            ImportedBy = caller.Current.Actor,
            Now = now,
        }, ct);
        try
        {
            foreach (var statement in file.Statements)
            {
                await db.ExecuteAsync(InsertStatementSql, new { statement.Account, StatementId = statement.Id, ImportId = importId, Now = now }, ct);
            }
        }
        catch (DbException exception) when (exception.IsUniqueViolation())
        {
            throw new ConflictException("Another import of the same statement committed first; nothing was booked by this one. GET the statement's earlier import to see it.");
        }
    }

    private async Task ImportLineAsync(string importId, int position, CamtLine line, CancellationToken ct)
    {
        var id = Ids.New("bsl", time);
        var (status, note) = await TriageAsync(importId, line, ct);
        await db.ExecuteAsync(InsertLineSql, new
        {
            Id = id,
            ImportId = importId,
            Position = position,
            line.Account,
            line.StatementId,
            CreditDebit = line.Credit ? "CRDT" : "DBIT",
            BookingStatus = Text.Clip(line.Status, 4),
            line.AmountMinor,
            line.Currency,
            line.BookedOn,
            line.ValueOn,
            EndToEndId = BankLineText.Clip(line.EndToEndId, BankLineText.ReferenceLength),
            BankReference = BankLineText.Clip(line.BankReference, BankLineText.ReferenceLength),
            BankTransactionCode = BankLineText.Clip(line.BankTransactionCode, BankLineText.BankCodeLength),
            PayerName = BankLineText.Clip(line.PayerName, BankLineText.PayerNameLength),
            PayerAccount = BankLineText.Clip(line.PayerAccount, BankLineText.AccountLength),
            Remittance = BankLineText.Clip(line.RemittanceText, BankLineText.RemittanceLength),
            CreditorReference = line.CreditorReferences.Count + line.DocumentNumbers.Count == 0
                ? null
                : BankLineText.Clip(string.Join(" ", line.CreditorReferences.Concat(line.DocumentNumbers)), BankLineText.ReferenceLength),
            line.IsReturn,
            ReturnReason = BankLineText.Clip(line.ReturnReason, BankLineText.ReturnReasonLength),
            Status = status,
            Note = BankLineText.Clip(note, BankLineText.NoteLength),
            Now = time.GetUtcNow(),
        }, ct);
        if (status != BankLineStatuses.Unmatched)
        {
            return;
        }

        var row = (await lines.FindAsync(id, ct))!;
        if (line.IsReturn)
        {
            await ReturnAsync(row, ct);
            return;
        }

        var receivedOn = row.ReceivedOn ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (row.ReceivedOn is null || receivedOn > DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(1))
        {
            await db.ExecuteAsync(NoteSql, new { Id = id, Note = "The line has no value or booking date, or one in the future; staff decide when the money arrived." }, ct);
            return;
        }

        var result = await matcher.MatchAsync(line, receivedOn, ct);
        if (result.Match is { } match)
        {
            await booking.BookAsync(row, match.DebtorId, match.Allocations, match.Rule, match.Note, decidedBy: null, ct);
        }
        else
        {
            await db.ExecuteAsync(NoteSql, new { Id = id, Note = BankLineText.Clip(result.Note, BankLineText.NoteLength) }, ct);
        }
    }

    /// <summary>Which lines are not a debtor's payment at all (ignored, with why); the rest wait as unmatched until matched below.</summary>
    private async Task<(string Status, string? Note)> TriageAsync(string importId, CamtLine line, CancellationToken ct)
    {
        if (line.BankReference is not null && await db.QueryFirstOrDefaultAsync<string>(SameEntrySql, new
        {
            line.Account,
            BankReference = BankLineText.Clip(line.BankReference, BankLineText.ReferenceLength),
            ImportId = importId,
            EndToEndId = BankLineText.Clip(line.EndToEndId, BankLineText.ReferenceLength),
            CreditDebit = line.Credit ? "CRDT" : "DBIT",
            line.AmountMinor,
            line.Currency,
        }, ct) is { } sameEntry)
        {
            return (BankLineStatuses.Ignored, $"The same entry (bank reference {line.BankReference}) was imported before as line {sameEntry}.");
        }

        if (line.Status != "BOOK")
        {
            return (BankLineStatuses.Ignored, $"The entry is not booked (status {line.Status}); only booked money is a payment, and the booked entry comes on a later statement.");
        }

        if (line.AmountMinor == 0)
        {
            return (BankLineStatuses.Ignored, "The entry is for no money.");
        }

        if (line.IsReturn)
        {
            return (BankLineStatuses.Unmatched, null);
        }

        return line.Credit
            ? (BankLineStatuses.Unmatched, null)
            : (BankLineStatuses.Ignored, "A debit: money that left the account is not a debtor's payment.");
    }

    /// <summary>
    /// A return undoes an earlier credit: a debit returning a credit this account received (same end-to-end id) that was
    /// booked as a payment refunds that payment as a refund of a payment received outside Stripe is refunded (booked at
    /// once, the invoices reopened). Every other return waits for staff as an unmatched line marked as a return.
    /// </summary>
    private async Task ReturnAsync(BankLineRow line, CancellationToken ct)
    {
        var why = line.ReturnReason is null ? "" : $" ({line.ReturnReason})";
        if (line.IsCredit)
        {
            await Note(line, $"A credit returning money this account sent{why}: not a debtor's payment; staff decide what it is.");
            return;
        }

        var credit = line.EndToEndId is null ? null : await db.QueryFirstOrDefaultAsync<BankLineRow>(ReturnedCreditSql, new { line.Account, line.EndToEndId, line.Id }, ct);
        if (credit is null)
        {
            await Note(line, $"A return{why} of a credit this account has no booked line for" + (line.EndToEndId is null ? " (the return names no end-to-end id)." : $" (end-to-end id {line.EndToEndId})."));
            return;
        }

        if (credit is not { Status: BankLineStatuses.Matched, PaymentId: { } paymentId })
        {
            await Note(line, $"A return{why} of line {credit.Id}, which was never booked as a payment ({credit.Status}); staff decide.");
            return;
        }

        var payment = (await book.FindAsync(paymentId, ct))!;
        var refundable = payment.RefundableMinor - await refunds.PendingRefundsMinorAsync(payment.Id, ct);
        if (payment.StripePaymentIntent is not null || line.AmountMinor > refundable || line.Currency != payment.Currency)
        {
            await Note(line, $"A return{why} of payment {payment.Id} (line {credit.Id}), of which only {new Money(Math.Max(refundable, 0), Currency.Of(payment.Currency))} can still be refunded; staff decide.");
            return;
        }

        var reason = Text.Clip($"Returned by the bank{why}: statement {line.StatementId} line {line.Position}", 500);
        var refund = await mediator.Send(new OpenRefundIntentCommand(payment.Id, line.AmountMinor, reason, $"bank-statement-line:{line.Id}"), ct);
        await db.ExecuteAsync(ReversedSql, new
        {
            line.Id,
            payment.DebtorId,
            PaymentId = payment.Id,
            RefundId = refund.Id,
            Note = BankLineText.Clip($"Returns line {credit.Id}: payment {payment.Id} refunded by {new Money(line.AmountMinor, Currency.Of(line.Currency))}, its invoices reopened.", BankLineText.NoteLength),
        }, ct);
    }

    private Task Note(BankLineRow line, string note) => db.ExecuteAsync(NoteSql, new { line.Id, Note = BankLineText.Clip(note, BankLineText.NoteLength) });

    private sealed record EarlierImport
    {
        public required string ImportId { get; init; }

        public DateTimeOffset ImportedAt { get; init; }
    }
}

internal sealed class ImportBankStatementEndpoint : IEndpoint
{
    private static readonly string[] XmlTypes = ["application/xml", "text/xml"];

    public void Map(IEndpointRouteBuilder api)
    {
        var maxBytes = api.ServiceProvider.GetRequiredService<BankStatementOptions>().MaxBytes;
        api.MapPost("/bank-statements", async (HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                if (!XmlTypes.Contains(request.ContentType?.Split(';')[0].Trim(), StringComparer.OrdinalIgnoreCase))
                {
                    throw new BadHttpRequestException("Send the camt.053 or camt.054 file itself as the body, with Content-Type application/xml.", StatusCodes.Status415UnsupportedMediaType);
                }

                var import = await mediator.Send(new ImportBankStatementCommand(await ReadAsync(request, maxBytes, ct)), ct);
                return Results.Created($"{EndpointModule.ApiPrefix}/bank-statements/{import.Id}", import);
            })
            .RequireAuthorization(Policies.Erp)
            .WithMetadata(new StatementBodyLimit(maxBytes))
            .WithoutIdempotencyKey("A statement is imported once per account and statement id: a repeat answers 409 naming the earlier import and books nothing.")
            .WithName("ImportBankStatement")
            .WithSummary("Import a bank statement (camt.053 or camt.054)")
            .WithDescription("The body is the ISO 20022 XML file itself (Content-Type application/xml): a camt.053 statement (BkToCstmrStmt) or camt.054 "
                + "notification (BkToCstmrDbtCdtNtfctn), versions 001.02 to 001.08, at most Payments:BankStatements:MaxBytes (10 MB). Booked credits are matched "
                + "by creditor reference, then invoice numbers in the remittance text, then exact amount, and booked as bank_transfer payments; returns of "
                + "booked credits refund them; debits are ignored; the rest waits in GET /bank-statements/unmatched. A file that is not well-formed or not "
                + "camt.053/054 is a 400 and books nothing; a statement already imported is a 409 naming the earlier import.")
            .Accepts<string>("application/xml", "text/xml")
            .Produces<BankStatementImportResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    private static async Task<byte[]> ReadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new BadHttpRequestException($"The statement file is larger than the limit of {maxBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>The host's body limit for this endpoint: the configured statement size rather than the default.</summary>
    private sealed class StatementBodyLimit(long maxBytes) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => maxBytes;
    }
}
