using System.Net;
using System.Net.Http.Json;
using Collections.SharedKernel.Data;
using Collections.Testing;
using Collections.Webhooks.Domain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Collections.Operations.Tests.Integration;

/// <summary>
/// SSRF: a public-looking name whose DNS answer is internal (rebinding) is never connected to, and the log says why.
/// The receiver runs on loopback, so a connection that got through would show as a call.
/// </summary>
public sealed class WebhookDestinationTests(DatabaseProvider provider) : ApiFixture(provider)
{
    private readonly ScriptedResolver resolver = new();
    private WebhookReceiver receiver = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Webhooks:DispatcherEnabled"] = "false",
        ["Webhooks:QuickRetries"] = "0",
    };

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<IWebhookHostResolver>(resolver));

    [SetUp]
    public async Task StartReceiver() => receiver = await WebhookReceiver.StartAsync();

    [TearDown]
    public async Task StopReceiver() => await receiver.DisposeAsync();

    [TestCase("127.0.0.1", "loopback")]
    [TestCase("169.254.169.254", "link-local (cloud metadata)")]
    [TestCase("10.0.0.5", "private")]
    [TestCase("::1", "loopback")]
    public async Task Delivery_WhenThePublicNameResolvesToAnInternalAddress_IsRefusedWithACleanReason(string answer, string kind)
    {
        var host = $"erp-{Guid.NewGuid():N}.example.com";
        resolver.Answers[host] = [IPAddress.Parse(answer)];
        var port = new Uri(receiver.Url).Port;
        var (endpointId, _) = await Admin.CreateEndpointAsync($"https://{host}:{port}/hook", "*");
        await (await Admin.PostAsync($"/api/v1/webhook-endpoints/{endpointId}/test", null)).ShouldBe(HttpStatusCode.Accepted);

        await App.DispatchAsync();

        var delivery = (await Admin.DeliveriesAsync(endpointId)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(receiver.Calls, Is.Zero, "nothing reached the internal address");
            Assert.That(resolver.Asked, Does.Contain(host), "the name was resolved at connect time");
            Assert.That(delivery.GetProperty("status").GetString(), Is.EqualTo("pending"));
            Assert.That(delivery.GetProperty("lastError").GetString(),
                Is.EqualTo($"Refused: the endpoint's host {host} resolves to {answer}, a {kind} address. Webhooks are delivered to public addresses only."));
        });
        await Admin.DeleteAsync($"/api/v1/webhook-endpoints/{endpointId}");
    }

    [Test]
    public async Task Delivery_WhenOneOfSeveralAnswersIsInternal_IsRefused()
    {
        var host = $"erp-{Guid.NewGuid():N}.example.com";
        resolver.Answers[host] = [IPAddress.Parse("93.184.215.14"), IPAddress.Parse("::ffff:10.0.0.5")];
        var (endpointId, _) = await Admin.CreateEndpointAsync($"https://{host}/hook", "*");
        await Admin.PostAsync($"/api/v1/webhook-endpoints/{endpointId}/test", null);

        await App.DispatchAsync();

        Assert.That((await Admin.DeliveriesAsync(endpointId)).Single().GetProperty("lastError").GetString(), Does.Contain("10.0.0.5, a private address"));
        await Admin.DeleteAsync($"/api/v1/webhook-endpoints/{endpointId}");
    }

    [Test]
    public async Task Delivery_WhenTheNameDoesNotResolve_LogsACleanReason()
    {
        var host = $"erp-{Guid.NewGuid():N}.example.com";
        var (endpointId, _) = await Admin.CreateEndpointAsync($"https://{host}/hook", "*");
        await Admin.PostAsync($"/api/v1/webhook-endpoints/{endpointId}/test", null);

        await App.DispatchAsync();

        Assert.That((await Admin.DeliveriesAsync(endpointId)).Single().GetProperty("lastError").GetString(),
            Is.EqualTo($"The endpoint's host {host} could not be resolved."));
        await Admin.DeleteAsync($"/api/v1/webhook-endpoints/{endpointId}");
    }

    [TestCase("http://127.0.0.1:8080/hook")]
    [TestCase("http://localhost/hook")]
    [TestCase("https://localhost/hook")]
    [TestCase("https://127.0.0.1/hook")]
    [TestCase("https://10.0.0.5/hook")]
    [TestCase("https://169.254.169.254/latest/meta-data")]
    [TestCase("https://100.64.1.1/hook")]
    [TestCase("https://[::1]/hook")]
    [TestCase("https://[fd00::1]/hook")]
    [TestCase("https://[fe80::1]/hook")]
    [TestCase("https://[::ffff:127.0.0.1]/hook")]
    public async Task Create_WhenUrlNamesANonPublicAddressWithoutTheDevelopmentSetting_Is400(string url)
    {
        var problem = await (await Admin.PostAsJsonAsync("/api/v1/webhook-endpoints", new { url, events = new[] { "*" } })).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.That(problem.FieldErrors("url"), Is.Not.Empty);
    }

    private sealed class ScriptedResolver : IWebhookHostResolver
    {
        public Dictionary<string, IPAddress[]> Answers { get; } = new(StringComparer.OrdinalIgnoreCase);

        public List<string> Asked { get; } = [];

        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
        {
            lock (Asked)
            {
                Asked.Add(host);
            }

            return Answers.TryGetValue(host, out var addresses)
                ? Task.FromResult(addresses)
                : Task.FromException<IPAddress[]>(new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound));
        }
    }
}
