using Collections.SharedKernel.Mediation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.SharedKernel.Web;

public static class IdempotencyHeader
{
    public const string Name = "Idempotency-Key";

    public const int MaxLength = 200;

    /// <summary>The header's value, or empty when missing: the command's validator then reports it as a field error.</summary>
    public static string From(HttpContext context) =>
        context.Request.Headers.TryGetValue(Name, out var value) ? value.ToString().Trim() : string.Empty;

    /// <summary>Marks an endpoint that reads the header, so the published contract declares it as a required parameter.</summary>
    public static TBuilder RequiresIdempotencyKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new IdempotencyKeyRequired());

    /// <summary>
    /// An endpoint whose command honours a key when the client sends one: the first command the request sends is then
    /// idempotent under it. A key longer than <see cref="MaxLength"/> is refused with 400.
    /// </summary>
    public static TBuilder AcceptsIdempotencyKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new IdempotencyKeyAccepted());
        builder.Add(endpoint => endpoint.FilterFactories.Add((_, next) => async invocation =>
        {
            var key = From(invocation.HttpContext);
            if (key.Length > MaxLength)
            {
                return Results.ValidationProblem(
                    new Dictionary<string, string[]> { [Name] = [$"The Idempotency-Key header must be at most {MaxLength} characters."] },
                    title: "The request is invalid.");
            }

            if (key.Length > 0)
            {
                invocation.HttpContext.RequestServices.GetRequiredService<IdempotencyContext>().AcceptOptionalKey(key);
            }

            return await next(invocation);
        }));
        return builder;
    }

    /// <summary>A state-changing endpoint that takes no key, and why (the contract and a test hold every POST to one of the three).</summary>
    public static TBuilder WithoutIdempotencyKey<TBuilder>(this TBuilder builder, string reason)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new IdempotencyKeyNotTaken(reason));
}

/// <summary>Endpoint metadata: the request must carry an Idempotency-Key header; a repeat with the same key returns the first answer.</summary>
public sealed record IdempotencyKeyRequired;

/// <summary>Endpoint metadata: an Idempotency-Key header is optional; with one, a repeat returns the first answer.</summary>
public sealed record IdempotencyKeyAccepted;

/// <summary>Endpoint metadata: a state-changing endpoint that takes no key, for the reason given.</summary>
public sealed record IdempotencyKeyNotTaken(string Reason);
