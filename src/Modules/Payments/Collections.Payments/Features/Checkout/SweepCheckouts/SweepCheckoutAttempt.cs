using Collections.Payments.Domain;
using Collections.Payments.Features.Webhooks;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Mediation;
using MediatR;

namespace Collections.Payments.Features.Checkout;

/// <summary>
/// Ends or completes what the sweeper found about an open attempt, re-checked under the debtor lock (an event or the
/// request itself may have moved it meanwhile): no session at Stripe ends it failed; a session is recorded, and ends it
/// expired when Stripe's session is over.
/// </summary>
internal sealed record SweepCheckoutAttemptCommand(string AttemptId, StripeSessionState? Session) : ICommand<string>;

internal sealed class SweepCheckoutAttemptHandler(DbSession db, AttemptSettlement attempts, DebtorLock locks, TimeProvider time)
    : IRequestHandler<SweepCheckoutAttemptCommand, string>
{
    public const string Abandoned = "The checkout was abandoned before Stripe answered.";

    public const string Expired = "The checkout session expired unpaid.";

    private const string SessionSql = "UPDATE payments_attempts SET stripe_session_id = @SessionId, checkout_url = @Url, updated_at = @Now WHERE id = @Id AND stripe_session_id IS NULL";

    private const string CheckedSql = "UPDATE payments_attempts SET updated_at = @Now WHERE id = @Id";

    public async Task<string> Handle(SweepCheckoutAttemptCommand command, CancellationToken cancellationToken)
    {
        var attempt = (await attempts.FindAsync(command.AttemptId, null, cancellationToken))!;
        await locks.AcquireAsync(attempt.DebtorId, cancellationToken);
        attempt = (await attempts.FindAsync(command.AttemptId, null, cancellationToken))!;
        if (attempt.Status != AttemptStatuses.Open)
        {
            return $"attempt {attempt.Id} already {attempt.Status}";
        }

        if (command.Session is not { } session)
        {
            return attempt.StripeSessionId is null
                ? await attempts.EndAsync(attempt, AttemptStatuses.Failed, Abandoned, cancellationToken)
                : $"attempt {attempt.Id} has session {attempt.StripeSessionId} meanwhile";
        }

        var now = time.GetUtcNow();
        if (attempt.StripeSessionId is null)
        {
            await db.ExecuteAsync(SessionSql, new { attempt.Id, SessionId = session.Id, session.Url, Now = now }, cancellationToken);
        }

        if (session.IsOver(now))
        {
            return await attempts.EndAsync(attempt, AttemptStatuses.Expired, Expired, cancellationToken);
        }

        await db.ExecuteAsync(CheckedSql, new { attempt.Id, Now = now }, cancellationToken);
        return $"attempt {attempt.Id}: session {session.Id} is {session.Status}";
    }
}
