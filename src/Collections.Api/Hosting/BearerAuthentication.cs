using System.Security.Claims;
using System.Text.Encodings.Web;
using Collections.SharedKernel.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Collections.Api.Hosting;

internal static class BearerAuthentication
{
    public const string Scheme = "Bearer";

    public static IServiceCollection AddBearerAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(Scheme).AddScheme<AuthenticationSchemeOptions, BearerAuthenticationHandler>(Scheme, null);
        // An endpoint that forgets RequireAuthorization is closed, not public: only AllowAnonymous opens one.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(Scheme).RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Erp, p => p.RequireRole(Roles.Erp, Roles.Staff, Roles.Admin))
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Staff, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Portal, p => p.RequireRole(Roles.Erp, Roles.Staff, Roles.Admin, Roles.Debtor))
            .AddPolicy(Policies.DebtorOrStaff, p => p.RequireRole(Roles.Staff, Roles.Admin, Roles.Debtor));
        return services;
    }
}

/// <summary>
/// Reads `Authorization: Bearer &lt;token&gt;`, asks the registered resolvers (API keys, portal
/// sessions) who it is, and answers 401/403 as ProblemDetails.
/// </summary>
internal sealed class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IEnumerable<IBearerTokenResolver> resolvers,
    CallerContext callerContext,
    IProblemDetailsService problemDetails)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        foreach (var resolver in resolvers)
        {
            var caller = await resolver.ResolveAsync(token, Context.RequestAborted);
            if (caller is not null)
            {
                callerContext.Current = caller;
                var identity = new ClaimsIdentity(
                    [new Claim(ClaimTypes.NameIdentifier, caller.Id), new Claim(ClaimTypes.Name, caller.Name), new Claim(ClaimTypes.Role, caller.Role)],
                    Scheme.Name);
                return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
            }
        }

        return AuthenticateResult.Fail("The bearer token is not valid.");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return Write(StatusCodes.Status401Unauthorized, "Authentication required.",
            "Send a valid API key or portal session as 'Authorization: Bearer <token>'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Write(StatusCodes.Status403Forbidden, "Forbidden.", "Your role may not perform this action.");

    private async Task Write(int status, string title, string detail)
    {
        Response.StatusCode = status;
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
