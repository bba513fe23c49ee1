using NUnit.Framework;

namespace Collections.Testing.Contract;

/// <summary>
/// Sits in every client of the test host: a response the published contract does not declare (status, content type or
/// body shape) fails the test that received it, at the call that received it.
/// </summary>
public sealed class ContractCheckingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var path = request.RequestUri!.AbsolutePath;
        if (!path.StartsWith("/api/", StringComparison.Ordinal))
        {
            return response;
        }

        // Buffered so the test still reads the body after the check.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var violation = PublishedContract.Instance.Violation(
            request.Method.Method, path, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
        if (violation is not null)
        {
            Assert.Fail($"Contract violation (api-spec/openapi.json): {violation}");
        }

        return response;
    }
}
