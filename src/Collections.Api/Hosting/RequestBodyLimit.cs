using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Collections.Api.Hosting;

/// <summary>
/// Enforces the body limit (default 5 MB; an endpoint may declare its own with
/// IRequestSizeLimitMetadata) the same way on Kestrel and in the test server, before any endpoint
/// reads the body: a declared length over the limit is refused at once, a streamed (chunked) body
/// is buffered up to the limit. Either way the caller gets a 413 ProblemDetails.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IConfiguration configuration)
{
    private readonly long defaultLimit = configuration.GetValue<long?>("Collections:MaxRequestBodyBytes") ?? 5 * 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? defaultLimit;
        if (context.Request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        var canHaveBody = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? false;
        if (context.Request.ContentLength is null && canHaveBody)
        {
            context.Request.EnableBuffering();
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                total += read;
                if (total > limit)
                {
                    throw TooLarge(limit);
                }
            }

            context.Request.Body.Position = 0;
        }

        await next(context);
    }

    private static BadHttpRequestException TooLarge(long limit) =>
        new($"The request body is larger than the limit of {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
}
