using System.Net;
using System.Net.Http.Json;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Security;
using Collections.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Api.Tests.Host;

/// <summary>
/// A request without a credential runs as Anonymous, which sees no debtor, even on the few endpoints open to anyone;
/// only background work (and an anonymous endpoint whose own proof held) runs as System.
/// </summary>
public sealed class AnonymousCallerTests(DatabaseProvider provider) : ApiFixture(provider)
{
    private const string Header = "X-Test-Caller";

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<IStartupFilter, ReportTheCaller>();

    [Test]
    public async Task AnonymousRequest_OnAnEndpointOpenToAnyone_RunsAsAnonymous_WhichSeesNoDebtor()
    {
        var answer = await Anonymous.PostAsJsonAsync("/api/v1/portal/link-requests", new { token = "not-a-link" });

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(answer.Headers.GetValues(Header), Is.EqualTo(new[] { "anonymous:False" }));
    }

    [Test]
    public async Task StaffRequest_RunsAsStaff()
    {
        var answer = await Staff.GetAsync("/api/v1/me");

        Assert.That(answer.Headers.GetValues(Header), Is.EqualTo(new[] { "staff:True" }));
    }

    /// <summary>Reports, as the answer starts, who the request ran as and whether that caller may see a debtor.</summary>
    private sealed class ReportTheCaller : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, inner) =>
            {
                context.Response.OnStarting(() =>
                {
                    var caller = context.RequestServices.GetRequiredService<CallerContext>().Current;
                    context.Response.Headers[Header] = $"{caller.Role}:{caller.CanSee("deb_any")}";
                    return Task.CompletedTask;
                });
                await inner(context);
            });
            next(app);
        };
    }
}
