using Collections.Dunning.Delivery;
using Collections.Dunning.Domain;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Collections.Dunning.Features.Sms;

/// <summary>What an inbound text did: opted_out, restart_noted, or ignored (any other text, or a sender that is not a phone number).</summary>
public sealed record InboundSmsOutcome(string Outcome);

internal sealed record ReceiveInboundSmsCommand(string From, string Body) : ICommand<InboundSmsOutcome>;

/// <summary>
/// A text a contact sent to the creditor's Twilio number. STOP, STOPALL, UNSUBSCRIBE, CANCEL, END or QUIT (any case, spaces
/// around ignored) records an opt-out for the sending number, which stops every SMS to it until the ERP records the contact's
/// consent anew, after the STOP. START or UNSTOP is noted (restarted_at) but consents to nothing: only the ERP records consent.
/// Twilio itself answers these keywords to the sender, so this answers with an empty TwiML response.
/// </summary>
internal sealed class ReceiveInboundSmsHandler(DbSession db, TimeProvider time, ILogger<ReceiveInboundSmsHandler> logger)
    : IRequestHandler<ReceiveInboundSmsCommand, InboundSmsOutcome>
{
    public static readonly string[] StopWords = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"];
    public static readonly string[] StartWords = ["START", "UNSTOP"];

    private const string OptOutSql = "UPDATE dunning_sms_opt_outs SET opted_out_at = @Now, keyword = @Keyword, restarted_at = NULL WHERE phone = @Phone";
    private const string InsertOptOutSql = "INSERT INTO dunning_sms_opt_outs (phone, opted_out_at, keyword, restarted_at) VALUES (@Phone, @Now, @Keyword, NULL)";
    private const string RestartSql = "UPDATE dunning_sms_opt_outs SET restarted_at = @Now WHERE phone = @Phone";

    public async Task<InboundSmsOutcome> Handle(ReceiveInboundSmsCommand command, CancellationToken cancellationToken)
    {
        var keyword = command.Body.Trim().ToUpperInvariant();
        if (!SmsReach.IsE164(command.From))
        {
            return new InboundSmsOutcome("ignored");
        }

        var args = new { Phone = command.From, Now = time.GetUtcNow(), Keyword = keyword };
        if (StopWords.Contains(keyword))
        {
            if (await db.ExecuteAsync(OptOutSql, args, cancellationToken) == 0)
            {
                await db.ExecuteAsync(InsertOptOutSql, args, cancellationToken);
            }

            logger.LogInformation("SMS opt-out ({Keyword}) recorded for a number ending {Suffix}.", keyword, command.From[^4..]);
            return new InboundSmsOutcome("opted_out");
        }

        if (StartWords.Contains(keyword) && await db.ExecuteAsync(RestartSql, args, cancellationToken) > 0)
        {
            return new InboundSmsOutcome("restart_noted");
        }

        return new InboundSmsOutcome("ignored");
    }
}

internal sealed class ReceiveInboundSmsEndpoint : IEndpoint
{
    private const string EmptyTwiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/sms/twilio/inbound", async (HttpContext http, IMediator mediator, SmsOptions options, CancellationToken ct) =>
            {
                var form = await TwilioRequests.ReadSignedFormAsync(http, options, options.InboundUrl, ct);
                await mediator.Send(new ReceiveInboundSmsCommand(form.GetValueOrDefault("From") ?? string.Empty, form.GetValueOrDefault("Body") ?? string.Empty), ct);
                return Results.Content(EmptyTwiml, "text/xml");
            })
            .AllowAnonymous()
            .WithoutIdempotencyKey("Twilio's redelivery of a text records the same opt-out again, which changes nothing.")
            .WithName("ReceiveInboundSms")
            .WithSummary("Receive a text from Twilio")
            .WithDescription(
                "Twilio's incoming-message webhook (form-encoded, signed with X-Twilio-Signature). STOP, STOPALL, UNSUBSCRIBE, CANCEL, END or QUIT "
                + "records an opt-out for the sending number; START or UNSTOP is noted but does not consent again (the ERP records consent). "
                + "Answers an empty TwiML response.")
            .Produces<string>(StatusCodes.Status200OK, "text/xml")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
