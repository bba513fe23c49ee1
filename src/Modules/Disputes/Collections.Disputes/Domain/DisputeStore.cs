using System.Globalization;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Security;

namespace Collections.Disputes.Domain;

/// <summary>Loading disputes as the caller may see them, and changing their status with who and when.</summary>
internal sealed class DisputeStore(DbSession db, CallerContext caller, TimeProvider time)
{
    private const string TransitionSql = """
        UPDATE disputes_disputes
        SET status = @ToStatus, assignee = COALESCE(@Assignee, assignee), outcome = COALESCE(@Outcome, outcome),
            credited_minor = credited_minor + @CreditedMinor, credit_note_id = COALESCE(@CreditNoteId, credit_note_id),
            resolution_note = COALESCE(@ResolutionNote, resolution_note), closed_at = @ClosedAt,
            version = version + 1, updated_at = @Now
        WHERE id = @Id AND version = @Version
        """;

    private const string HistorySql = """
        INSERT INTO disputes_history (id, dispute_id, from_status, to_status, actor, note, occurred_at)
        VALUES (@Id, @DisputeId, @FromStatus, @ToStatus, @Actor, @Note, @Now)
        """;

    private const string ReleaseGuardSql = "DELETE FROM disputes_open_invoices WHERE invoice_id = @InvoiceId AND dispute_id = @DisputeId";

    private const string NextNumberSql = "UPDATE disputes_sequences SET next_value = next_value + 1 WHERE name = 'dispute'";

    private const string ReadNumberSql = "SELECT next_value - 1 FROM disputes_sequences WHERE name = 'dispute'";

    public string Actor => caller.Current.Actor;

    public Caller Caller => caller.Current;

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>The dispute, or a 404 when it does not exist or belongs to another debtor than the session's.</summary>
    public async Task<DisputeRow> VisibleAsync(string id, CancellationToken ct)
    {
        var row = await db.QuerySingleOrDefaultAsync<DisputeRow>(DisputeRow.SelectByIdSql, new { Id = id }, ct);
        if (row is null || !caller.Current.CanSee(row.DebtorId))
        {
            throw new NotFoundException("Dispute", id);
        }

        return row;
    }

    public async Task<string> NextNumberAsync(CancellationToken ct)
    {
        await db.ExecuteAsync(NextNumberSql, ct: ct);
        var value = await db.ExecuteScalarAsync<long>(ReadNumberSql, ct: ct);
        return "DSP-" + value.ToString("D6", CultureInfo.InvariantCulture);
    }

    public Task RecordHistoryAsync(string disputeId, string? fromStatus, string toStatus, string? note, CancellationToken ct) =>
        db.ExecuteAsync(HistorySql, new { Id = Ids.New("dsh", time), DisputeId = disputeId, FromStatus = fromStatus, ToStatus = toStatus, Actor, Note = note, Now = time.GetUtcNow() }, ct);

    /// <summary>Moves the dispute to its next status if nobody changed it since it was read; a racing change is a 409.</summary>
    public async Task<DisputeRow> TransitionAsync(DisputeRow dispute, DisputeChange change, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var closes = !DisputeTransitions.IsActive(change.ToStatus);
        var updated = await db.ExecuteAsync(TransitionSql, new
        {
            dispute.Id,
            dispute.Version,
            change.ToStatus,
            change.Assignee,
            change.Outcome,
            change.CreditedMinor,
            change.CreditNoteId,
            change.ResolutionNote,
            ClosedAt = closes ? now : (DateTimeOffset?)null,
            Now = now,
        }, ct);
        if (updated == 0)
        {
            throw new ConflictException($"Dispute {dispute.Number} was changed by another request. Reload it and try again.");
        }

        if (closes)
        {
            await db.ExecuteAsync(ReleaseGuardSql, new { dispute.InvoiceId, DisputeId = dispute.Id }, ct);
        }

        await RecordHistoryAsync(dispute.Id, dispute.Status, change.ToStatus, change.HistoryNote, ct);
        return (await db.QuerySingleOrDefaultAsync<DisputeRow>(DisputeRow.SelectByIdSql, new { dispute.Id }, ct))!;
    }
}

internal sealed record DisputeChange(
    string ToStatus,
    string? HistoryNote = null,
    string? Assignee = null,
    string? Outcome = null,
    long CreditedMinor = 0,
    string? CreditNoteId = null,
    string? ResolutionNote = null);
