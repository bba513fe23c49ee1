using System.Net;
using System.Net.Http.Json;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Operations;
using Collections.Testing;

namespace Collections.Api.Tests.Host;

/// <summary>
/// Staff cannot run tomorrow-and-later's irreversible jobs today: an asOf past tomorrow is a 400 naming it, for runs
/// (unless dryRun), late-fee assessment and plan evaluation. The suite's other fixtures look ahead on purpose; this one
/// keeps the production default.
/// </summary>
public sealed class AsOfLimitTests(DatabaseProvider provider) : ApiFixture(provider)
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { [AsOfLimit.Setting] = "1" };

    [TestCase("/api/v1/dunning/runs")]
    [TestCase("/api/v1/late-fees/assessments")]
    [TestCase("/api/v1/payment-plans/evaluations")]
    public async Task AsOf_AfterTomorrow_IsA400NamingIt(string path)
    {
        var response = await Staff.PostAsJsonAsync(path, new { asOf = Iso(Today.AddDays(2)) });

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").TryGetProperty("asOf", out _), Is.True, problem.ToString());
    }

    [TestCase("/api/v1/dunning/runs")]
    [TestCase("/api/v1/late-fees/assessments")]
    [TestCase("/api/v1/payment-plans/evaluations")]
    public async Task AsOf_Tomorrow_IsAccepted(string path) =>
        await (await Staff.PostAsJsonAsync(path, new { asOf = Iso(Today.AddDays(1)) })).ShouldBe(HttpStatusCode.OK);

    [Test]
    public async Task DryRun_MayLookFurtherAhead() =>
        await (await Staff.PostAsJsonAsync("/api/v1/dunning/runs", new { asOf = Iso(Today.AddDays(60)), dryRun = true })).ShouldBe(HttpStatusCode.OK);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
