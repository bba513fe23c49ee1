using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.SharedKernel.Data;
using Collections.Testing;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Api.Tests.Host;

/// <summary>
/// A request whose Idempotency-Key is still running is answered 409 at once and changes nothing; once the first has
/// finished, the same key replays it (own app: it holds commands open).
/// </summary>
public sealed class IdempotencyInFlightTests(DatabaseProvider provider) : ApiFixture(provider)
{
    private readonly HeldCommands held = new();

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton(held);
        services.AddHttpContextAccessor();
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(HoldWhileAsked<,>));
    }

    [TearDown]
    public void LetHeldCommandsFinish() => held.Release();

    [Test]
    public async Task TwoRequestsWithOneKey_AtOnce_OneIs201_TheOther409_AndTheRetryReplaysTheFirst()
    {
        var debtor = await NewDebtor();
        var key = Guid.NewGuid().ToString();
        var body = new { debtorId = debtor, amount = 10m, currency = "EUR", method = "wire", reference = "R-held", receivedAt = "2026-03-02" };

        var first = PostHeld(body, key);
        await held.Holding;
        var second = await Erp.PostKeyed("/api/v1/payments", body, key);
        await second.ShouldBeProblem(HttpStatusCode.Conflict);
        held.Release();
        var created = await (await first).ShouldBe(HttpStatusCode.Created);
        var retried = await Erp.PostKeyed("/api/v1/payments", body, key);

        Assert.That(retried.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
        Assert.That(Id(await retried.ShouldBe(HttpStatusCode.Created)), Is.EqualTo(Id(created)));
        var payments = await (await Erp.GetAsync($"/api/v1/payments?debtorId={debtor}")).ShouldBe(HttpStatusCode.OK);
        Assert.That(payments.GetProperty("items").GetArrayLength(), Is.EqualTo(1), "the 409 recorded nothing");
    }

    private async Task<HttpResponseMessage> PostHeld(object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        request.Headers.Add(HeldCommands.Header, "yes");
        return await Erp.SendAsync(request);
    }

    private async Task<string> NewDebtor()
    {
        var external = Unique("deb");
        return await Erp.NewDebtor(external, TestData.DebtorBody("In Flight GmbH"));
    }

    private static string Id(JsonElement element) => element.GetProperty("id").GetString()!;

    /// <summary>Holds the commands of requests that carry <see cref="Header"/> inside their handler until released.</summary>
    public sealed class HeldCommands
    {
        public const string Header = "X-Test-Hold";
        private readonly TaskCompletionSource holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Holding => holding.Task;

        public void Release() => released.TrySetResult();

        internal async Task PassAsync(HttpContext? http)
        {
            if (http?.Request.Headers.ContainsKey(Header) == true)
            {
                holding.TrySetResult();
                await released.Task;
            }
        }
    }

    public sealed class HoldWhileAsked<TRequest, TResponse>(HeldCommands held, IHttpContextAccessor http) : IPipelineBehavior<TRequest, TResponse>
        where TRequest : notnull
    {
        public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
        {
            await held.PassAsync(http.HttpContext);
            return await next();
        }
    }
}
