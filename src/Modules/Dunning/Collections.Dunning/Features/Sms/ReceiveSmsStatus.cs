using Collections.Dunning.Delivery;
using Collections.Dunning.Domain;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Dunning.Features.Sms;

/// <summary>What a status callback did: updated, unchanged (an earlier or repeated status), unknown_message, or ignored (a status Collections does not track).</summary>
public sealed record SmsStatusOutcome(string Outcome);

internal sealed record ReceiveSmsStatusCommand(string MessageSid, string Status, string? ErrorCode) : ICommand<SmsStatusOutcome>;

/// <summary>
/// Twilio's report of what became of a text: queued, sent, delivered, undelivered or failed, recorded on the message as its
/// delivery status. A report never takes back a later one (a "sent" arriving after "delivered" changes nothing), so repeats
/// and reordering are harmless. Undelivered or failed marks the message failed, with Twilio's error code, in the debtor's activity.
/// </summary>
internal sealed class ReceiveSmsStatusHandler(DbSession db, IMediator mediator, TimeProvider time) : IRequestHandler<ReceiveSmsStatusCommand, SmsStatusOutcome>
{
    private const string FindSql = """
        SELECT id AS Id, debtor_id AS DebtorId, delivery_status AS DeliveryStatus, subject AS Subject
        FROM dunning_messages WHERE provider_message_id = @Sid AND channel = 'sms'
        """;

    private const string UpdateSql = """
        UPDATE dunning_messages SET delivery_status = @Status, delivery_updated_at = @Now
        WHERE id = @Id AND COALESCE(delivery_status, '') = @Current
        """;

    private const string FailSql = "UPDATE dunning_messages SET status = 'failed', last_error = @Error WHERE id = @Id AND status = 'sent'";

    public async Task<SmsStatusOutcome> Handle(ReceiveSmsStatusCommand command, CancellationToken cancellationToken)
    {
        var status = command.Status.Trim().ToLowerInvariant();
        if (!SmsDeliveryStatuses.Known.Contains(status))
        {
            return new SmsStatusOutcome("ignored");
        }

        var message = await db.QuerySingleOrDefaultAsync<SmsDeliveryRow>(FindSql, new { Sid = command.MessageSid }, cancellationToken);
        if (message is null)
        {
            return new SmsStatusOutcome("unknown_message");
        }

        var args = new { message.Id, Status = status, Now = time.GetUtcNow(), Current = message.DeliveryStatus ?? string.Empty };
        if (SmsDeliveryStatuses.Rank(status) <= SmsDeliveryStatuses.Rank(message.DeliveryStatus) || await db.ExecuteAsync(UpdateSql, args, cancellationToken) == 0)
        {
            return new SmsStatusOutcome("unchanged");
        }

        if (SmsDeliveryStatuses.IsFailure(status))
        {
            var error = Text.Clip($"Twilio reports the SMS {status}{(string.IsNullOrWhiteSpace(command.ErrorCode) ? "" : $" (error {command.ErrorCode.Trim()})")}.", OutboxDispatcher.ErrorLength);
            if (await db.ExecuteAsync(FailSql, new { message.Id, Error = error }, cancellationToken) > 0)
            {
                await mediator.Send(new RecordActivityCommand(message.DebtorId, "dunning.sms_failed", $"SMS '{message.Subject}' did not arrive: {error}"), cancellationToken);
            }
        }

        return new SmsStatusOutcome("updated");
    }

    private sealed record SmsDeliveryRow
    {
        public string Id { get; init; } = "";
        public string DebtorId { get; init; } = "";
        public string? DeliveryStatus { get; init; }
        public string Subject { get; init; } = "";
    }
}

internal sealed class ReceiveSmsStatusEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/sms/twilio/status", async (HttpContext http, IMediator mediator, SmsOptions options, CancellationToken ct) =>
            {
                var form = await TwilioRequests.ReadSignedFormAsync(http, options, options.StatusCallbackUrl, ct);
                return Results.Ok(await mediator.Send(new ReceiveSmsStatusCommand(
                    form.GetValueOrDefault("MessageSid") ?? string.Empty,
                    form.GetValueOrDefault("MessageStatus") ?? form.GetValueOrDefault("SmsStatus") ?? string.Empty,
                    form.GetValueOrDefault("ErrorCode")), ct));
            })
            .AllowAnonymous()
            .WithoutIdempotencyKey("A status never goes backwards: a repeated callback changes nothing.")
            .WithName("ReceiveSmsStatus")
            .WithSummary("Receive an SMS status callback from Twilio")
            .WithDescription(
                "Twilio's status callback (form-encoded, signed with X-Twilio-Signature): queued, sent, delivered, undelivered or failed becomes the "
                + "message's delivery status, never going back (a late 'sent' after 'delivered' changes nothing); undelivered or failed marks the message failed.")
            .Produces<SmsStatusOutcome>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
