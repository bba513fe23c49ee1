using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using Collections.Webhooks.Contracts;
using Collections.Webhooks.Domain;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Webhooks.Features.Endpoints;

public sealed record CreateWebhookEndpointRequest(string? Url, IReadOnlyList<string>? Events, string? Description);

/// <summary>The secret is returned here only; Collections signs every delivery with it.</summary>
public sealed record CreatedWebhookEndpointResponse(string Id, string Url, string? Description, IReadOnlyList<string> Events, string Status, DateTimeOffset CreatedAt, string Secret);

internal sealed record CreateWebhookEndpointCommand(string? Url, IReadOnlyList<string>? Events, string? Description) : ICommand<CreatedWebhookEndpointResponse>;

internal sealed class CreateWebhookEndpointValidator : AbstractValidator<CreateWebhookEndpointCommand>
{
    public CreateWebhookEndpointValidator(WebhookOptions options)
    {
        RuleFor(c => c.Url).WebhookUrl(options);
        RuleFor(c => c.Events).NotEmpty();
        RuleForEach(c => c.Events)
            .Must(e => e == WebhookEventTypes.All || WebhookEventTypes.Subscribable.Contains(e))
            .WithMessage(e => $"Unknown event type. Use \"*\" or one of: {string.Join(", ", WebhookEventTypes.Subscribable)}.");
        RuleFor(c => c.Description).MaximumLength(500);
    }
}

internal sealed class CreateWebhookEndpointHandler(DbSession db, TimeProvider time) : IRequestHandler<CreateWebhookEndpointCommand, CreatedWebhookEndpointResponse>
{
    private const string InsertSql = """
        INSERT INTO webhooks_endpoints (id, url, description, events, secret, status, created_at)
        VALUES (@Id, @Url, @Description, @Events, @Secret, 'active', @CreatedAt)
        """;

    public async Task<CreatedWebhookEndpointResponse> Handle(CreateWebhookEndpointCommand command, CancellationToken cancellationToken)
    {
        var events = command.Events!.Distinct(StringComparer.Ordinal).ToList();
        if (events.Contains(WebhookEventTypes.All))
        {
            events = [WebhookEventTypes.All];
        }

        var id = Ids.New("whe", time);
        var secret = WebhookSignature.NewSecret();
        var now = time.GetUtcNow();
        var description = string.IsNullOrWhiteSpace(command.Description) ? null : command.Description.Trim();
        await db.ExecuteAsync(InsertSql, new { Id = id, command.Url, Description = description, Events = string.Join(',', events), Secret = secret, CreatedAt = now }, cancellationToken);
        return new CreatedWebhookEndpointResponse(id, command.Url!, description, events, "active", now, secret);
    }
}

internal sealed class CreateWebhookEndpointEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/webhook-endpoints", async (CreateWebhookEndpointRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new CreateWebhookEndpointCommand(request.Url?.Trim(), request.Events, request.Description), ct);
                return Results.Created($"{EndpointModule.ApiPrefix}/webhook-endpoints/{created.Id}", created);
            })
            .RequireAuthorization(Policies.Admin)
            .WithoutIdempotencyKey("The answer carries the signing secret, which is shown once and never stored.")
            .WithName("CreateWebhookEndpoint")
            .WithSummary("Register a webhook endpoint")
            .WithDescription("Register an ERP endpoint for signed event deliveries. The signing secret is shown once.")
            .Produces<CreatedWebhookEndpointResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
}
