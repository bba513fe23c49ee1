using Collections.Payments.Domain;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Stripe;

namespace Collections.Payments.Features.Webhooks;

internal sealed class StripeWebhookEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/webhooks/stripe", async (HttpContext http, IMediator mediator, StripeOptions options, TimeProvider time, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(options.WebhookSecret))
                {
                    throw new NotConfiguredException("Stripe webhooks are not configured.");
                }

                using var reader = new StreamReader(http.Request.Body);
                var json = await reader.ReadToEndAsync(ct);
                try
                {
                    // Signature only: ConstructEvent would also refuse events of another API version after a valid signature.
                    EventUtility.ValidateSignature(json, http.Request.Headers["Stripe-Signature"].ToString(), options.WebhookSecret,
                        options.SignatureToleranceSeconds, time.GetUtcNow().ToUnixTimeSeconds());
                }
                catch (StripeException)
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The webhook signature is not valid.",
                        detail: "The Stripe-Signature header is missing, malformed, too old, or does not match the payload.");
                }

                if (StripeEventEnvelope.TryParse(json) is not { } stripeEvent)
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The webhook payload is not a Stripe event.", detail: "Expected a JSON event with id, type and data.object.");
                }

                // The signature is Stripe's credential: from here the event acts as the system.
                http.RequestServices.GetRequiredService<CallerContext>().Current = Caller.System;
                return Results.Ok(await mediator.Send(new HandleStripeEventCommand(stripeEvent), ct));
            })
            .AllowAnonymous()
            .WithoutIdempotencyKey("Stripe's event id makes each event count once.")
            .WithName("StripeWebhook")
            .WithSummary("Receive Stripe events")
            .WithDescription("Stripe webhook endpoint: verifies the Stripe-Signature header, records each event once, and applies checkout, refund and dispute events.")
            .Produces<StripeEventOutcome>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
