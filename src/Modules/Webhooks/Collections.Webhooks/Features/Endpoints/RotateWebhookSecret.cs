using Collections.SharedKernel.Data;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using Collections.Webhooks.Domain;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Webhooks.Features.Endpoints;

/// <summary>OverlapHours: how long the old secret keeps signing beside the new one (0 to 168, default 24; 0 drops it at once).</summary>
public sealed record RotateWebhookSecretRequest(int? OverlapHours);

/// <summary>The new secret is shown here only. Until PreviousSecretExpiresAt every delivery carries a signature by each secret.</summary>
public sealed record RotatedWebhookSecretResponse(string Id, string Secret, DateTimeOffset? PreviousSecretExpiresAt);

internal sealed record RotateWebhookSecretCommand(string Id, int OverlapHours) : ICommand<RotatedWebhookSecretResponse>;

internal sealed class RotateWebhookSecretValidator : AbstractValidator<RotateWebhookSecretCommand>
{
    public const int MaxOverlapHours = 168;

    public RotateWebhookSecretValidator() => RuleFor(c => c.OverlapHours).InclusiveBetween(0, MaxOverlapHours);
}

/// <summary>
/// The receiver deploys the new secret at its own pace: while the overlap lasts both signatures are sent and a stock
/// Standard Webhooks library accepts either. Rotating again during an overlap retires the oldest secret at once.
/// </summary>
internal sealed class RotateWebhookSecretHandler(DbSession db, EndpointReader endpoints, TimeProvider time)
    : IRequestHandler<RotateWebhookSecretCommand, RotatedWebhookSecretResponse>
{
    private const string RotateSql = """
        UPDATE webhooks_endpoints SET previous_secret = @PreviousSecret, previous_secret_expires_at = @PreviousExpiresAt, secret = @Secret
         WHERE id = @Id AND status = 'active' AND secret = @CurrentSecret
        """;

    public async Task<RotatedWebhookSecretResponse> Handle(RotateWebhookSecretCommand command, CancellationToken cancellationToken)
    {
        var endpoint = await endpoints.GetActiveAsync(command.Id, cancellationToken);
        var secret = WebhookSignature.NewSecret();
        DateTimeOffset? expiresAt = command.OverlapHours == 0 ? null : time.GetUtcNow().AddHours(command.OverlapHours);
        var changed = await db.ExecuteAsync(RotateSql, new
        {
            endpoint.Id,
            Secret = secret,
            CurrentSecret = endpoint.Secret,
            PreviousSecret = expiresAt is null ? null : endpoint.Secret,
            PreviousExpiresAt = expiresAt,
        }, cancellationToken);
        if (changed != 1)
        {
            throw new SharedKernel.Errors.ConflictException("The endpoint's secret was rotated at the same moment; rotate again if needed.");
        }

        return new RotatedWebhookSecretResponse(endpoint.Id, secret, expiresAt);
    }
}

internal sealed class RotateWebhookSecretEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/webhook-endpoints/{id}/rotate-secret", async (string id, RotateWebhookSecretRequest? request, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new RotateWebhookSecretCommand(id, request?.OverlapHours ?? 24), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithoutIdempotencyKey("The answer carries the new signing secret, which is shown once and never stored.")
            .WithName("RotateWebhookSecret")
            .WithSummary("Rotate a webhook secret")
            .WithDescription("Issue a new signing secret; the old one keeps signing beside it for the overlap (default 24 h). Shown once.")
            .Produces<RotatedWebhookSecretResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
