using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Access.Features.ApiKeys;

public enum ApiKeyRole
{
    Erp,
    Staff,
    Admin,
}

public sealed record CreateApiKeyRequest(string Name, ApiKeyRole Role);

public sealed record CreatedApiKeyResponse(string Id, string Name, string Role, string Key, DateTimeOffset CreatedAt);

internal sealed record CreateApiKeyCommand(string Name, ApiKeyRole Role) : ICommand<CreatedApiKeyResponse>;

internal sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Role).IsInEnum();
    }
}

internal sealed class CreateApiKeyHandler(DbSession db, TimeProvider time) : IRequestHandler<CreateApiKeyCommand, CreatedApiKeyResponse>
{
    private const string InsertSql = """
        INSERT INTO platform_api_keys (id, name, role, key_hash, key_hint, created_at)
        VALUES (@Id, @Name, @Role, @Hash, @Hint, @CreatedAt)
        """;

    public async Task<CreatedApiKeyResponse> Handle(CreateApiKeyCommand command, CancellationToken cancellationToken)
    {
        var key = ApiKeySecret.Generate();
        var role = command.Role.ToString().ToLowerInvariant();
        var created = new CreatedApiKeyResponse(Ids.New("key", time), command.Name.Trim(), role, key, time.GetUtcNow());
        await db.ExecuteAsync(InsertSql, new
        {
            created.Id,
            created.Name,
            created.Role,
            Hash = ApiKeySecret.Hash(key),
            Hint = ApiKeySecret.Hint(key),
            created.CreatedAt,
        }, cancellationToken);
        return created;
    }
}

internal sealed class CreateApiKeyEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api-keys", async (CreateApiKeyRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new CreateApiKeyCommand(request.Name, request.Role), ct);
                return Results.Created($"{EndpointModule.ApiPrefix}/api-keys/{created.Id}", created);
            })
            .RequireAuthorization(Policies.Admin)
            .WithoutIdempotencyKey("The answer carries the new key's secret, which is shown once and never stored.")
            .WithName("CreateApiKey")
            .WithSummary("Create an API key")
            .WithDescription("Create an API key. The key is shown once, in this response only.")
            .Produces<CreatedApiKeyResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
}
