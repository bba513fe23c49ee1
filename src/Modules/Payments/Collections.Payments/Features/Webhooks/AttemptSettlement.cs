using System.Text.Json;
using Collections.Invoicing.Contracts;
using Collections.Payments.Contracts;
using Collections.Payments.Domain;
using Collections.SharedKernel.Data;
using MediatR;

namespace Collections.Payments.Features.Webhooks;

/// <summary>
/// Moves a checkout attempt to its final state. Success wins over everything (money arrived), failure and expiry
/// only end an attempt still open or pending, so events in any order or repeated end in the same state.
/// </summary>
internal sealed class AttemptSettlement(DbSession db, PaymentBook book, DebtorLock locks, IMediator mediator, TimeProvider time)
{
    private const string FindSql = "SELECT " + AttemptRow.Columns + " FROM payments_attempts WHERE id = @Id";

    private const string BySessionSql = "SELECT " + AttemptRow.Columns + " FROM payments_attempts WHERE stripe_session_id = @SessionId";

    private const string SucceededSql = """
        UPDATE payments_attempts SET status = 'succeeded', payment_id = @PaymentId, updated_at = @Now WHERE id = @Id AND status <> 'succeeded'
        """;

    private const string EndedSql = """
        UPDATE payments_attempts SET status = @Status, failure_reason = @Reason, updated_at = @Now WHERE id = @Id AND status IN ('open', 'pending')
        """;

    private const string PendingSql = """
        UPDATE payments_attempts SET status = 'pending', authorized_at = @AuthorizedAt, updated_at = @Now WHERE id = @Id AND status = 'open'
        """;

    public async Task<AttemptRow?> FindAsync(string? attemptId, string? sessionId, CancellationToken ct) =>
        (attemptId is null ? null : await db.QuerySingleOrDefaultAsync<AttemptRow>(FindSql, new { Id = attemptId }, ct))
        ?? (sessionId is null ? null : await db.QueryFirstOrDefaultAsync<AttemptRow>(BySessionSql, new { SessionId = sessionId }, ct));

    /// <param name="occurredAt">When Stripe says it happened (the event's time, not its delivery's).</param>
    public async Task<string> SucceedAsync(AttemptRow attempt, string? paymentIntent, string method, DateTimeOffset occurredAt, CancellationToken ct)
    {
        await locks.AcquireAsync(attempt.DebtorId, ct);
        attempt = (await FindAsync(attempt.Id, null, ct))!;
        if (attempt.Status == AttemptStatuses.Succeeded)
        {
            return $"attempt {attempt.Id} already succeeded";
        }

        // A bank debit authorised inside the discount window keeps its discount though it clears after payBy.
        var receivedOn = DateOnly.FromDateTime((attempt.AuthorizedAt ?? occurredAt).UtcDateTime);
        var targets = JsonSerializer.Deserialize<List<AttemptItem>>(attempt.ItemsJson)!;
        var current = new Dictionary<string, ReceivableDto>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            if (await mediator.Send(new GetReceivableQuery(target.InvoiceId, receivedOn), ct) is { } item && item.DebtorId == attempt.DebtorId && item.Currency == attempt.Currency)
            {
                current[item.Id] = item;
            }
        }

        var plan = AllocationPlanner.Targeted(attempt.AmountMinor, receivedOn, targets.Select(t => (t.InvoiceId, t.AmountMinor)).ToList(), current);
        var paymentId = await book.RecordAsync(new NewPayment(attempt.DebtorId, attempt.AmountMinor, attempt.Currency, method, attempt.StripeSessionId,
            receivedOn, attempt.Id, attempt.PaymentPlanId, paymentIntent), plan, ct);
        await db.ExecuteAsync(SucceededSql, new { attempt.Id, PaymentId = paymentId, Now = time.GetUtcNow() }, ct);
        return $"attempt {attempt.Id} succeeded as payment {paymentId}";
    }

    public async Task<string> PendingAsync(AttemptRow attempt, DateTimeOffset authorizedAt, CancellationToken ct) =>
        await db.ExecuteAsync(PendingSql, new { attempt.Id, AuthorizedAt = authorizedAt, Now = time.GetUtcNow() }, ct) > 0
            ? $"attempt {attempt.Id} pending (bank debit under way)"
            : $"attempt {attempt.Id} already {attempt.Status}";

    public async Task<string> EndAsync(AttemptRow attempt, string status, string reason, CancellationToken ct)
    {
        if (await db.ExecuteAsync(EndedSql, new { attempt.Id, Status = status, Reason = reason, Now = time.GetUtcNow() }, ct) == 0)
        {
            return $"attempt {attempt.Id} already {attempt.Status}";
        }

        var items = JsonSerializer.Deserialize<List<AttemptItem>>(attempt.ItemsJson)!.Select(i => i.InvoiceId).ToList();
        await mediator.Publish(new PaymentFailed(attempt.Id, attempt.DebtorId, attempt.AmountMinor, attempt.Currency, reason, items, time.GetUtcNow()), ct);
        return $"attempt {attempt.Id} {status}";
    }
}
