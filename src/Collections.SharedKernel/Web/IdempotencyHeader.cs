using Microsoft.AspNetCore.Http;

namespace Collections.SharedKernel.Web;

public static class IdempotencyHeader
{
    public const string Name = "Idempotency-Key";

    /// <summary>The header's value, or empty when missing: the command's validator then reports it as a field error.</summary>
    public static string From(HttpContext context) =>
        context.Request.Headers.TryGetValue(Name, out var value) ? value.ToString().Trim() : string.Empty;
}
