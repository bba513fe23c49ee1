using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Insights.Dashboard;

/// <summary>
/// Serves the staff dashboard (embedded in this assembly) at /insights/. The files are public; the data behind
/// them needs a staff API key, which the page keeps in session storage only. The CSP allows nothing but this origin.
/// </summary>
internal static class DashboardFiles
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["dashboard.css"] = "text/css; charset=utf-8",
        ["dashboard.js"] = "text/javascript; charset=utf-8",
        ["charts.js"] = "text/javascript; charset=utf-8",
        ["api.js"] = "text/javascript; charset=utf-8",
    };

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/insights/{file?}", (string? file, HttpContext http) => Serve(file ?? "index.html", http)).ExcludeFromDescription().AllowAnonymous();
    }

    private static IResult Serve(string file, HttpContext http)
    {
        if (!Files.TryGetValue(file, out var contentType))
        {
            return Results.NotFound();
        }

        var stream = typeof(DashboardFiles).Assembly.GetManifestResourceStream($"Collections.Insights.Dashboard.wwwroot.{file}");
        if (stream is null)
        {
            return Results.NotFound();
        }

        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        return Results.Stream(stream, contentType);
    }
}
