using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

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
}

/// <summary>Endpoint metadata: the request must carry an Idempotency-Key header; a repeat with the same key returns the first answer.</summary>
public sealed record IdempotencyKeyRequired;
