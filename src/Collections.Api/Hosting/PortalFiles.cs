using Collections.Access;

namespace Collections.Api.Hosting;

/// <summary>The debtor portal's static pages under /portal/ (wwwroot/portal), with the policy Access gives them.</summary>
internal static class PortalFiles
{
    /// <summary>Static pages go before routing; the rate limiter after authentication, so it knows a session from an API key.</summary>
    public static WebApplication UsePortalFiles(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (http.Request.Path.Equals("/portal", StringComparison.OrdinalIgnoreCase))
            {
                http.Response.Redirect("/portal/");
                return;
            }

            await next();
        });
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file =>
            {
                var headers = file.Context.Response.Headers;
                headers.ContentSecurityPolicy = AccessModule.PortalContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers.CacheControl = "no-cache";
            },
        });
        return app;
    }
}
