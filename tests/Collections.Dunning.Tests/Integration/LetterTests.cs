using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Collections.SharedKernel.Data;
using Collections.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Dunning.Tests.Integration;

/// <summary>Letters for staff to print: the printable page with its own CSP, and marking a printed letter as sent (once).</summary>
public sealed partial class LetterTests(DatabaseProvider provider) : DunningFixture(provider)
{
    private static readonly object[] PostOnly =
    [
        new { name = "Jo <i>Post</i>", phone = "+49 30 555555", role = "accounts_payable", isPrimary = true },
    ];

    [Test]
    public async Task Letter_IsAPrintablePage_WithAStrictCspOfItsOwn_AndTheDebtorsMarkupEscaped()
    {
        var (debtorId, ext) = await CreateDebtor("Print & Co <script>alert(1)</script><b>KG</b>", contacts: PostOnly);
        await CreateInvoice(ext, Today.AddDays(-31), 800.00m, "LT-<1>");
        var letterId = LetterOf(await RunUntilLetter(debtorId));

        var response = await Staff.GetAsync($"/api/v1/dunning/letters/{letterId}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/html; charset=utf-8"));
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.That(csp, Does.StartWith("default-src 'none'; style-src 'sha256-"));
        Assert.That(csp, Does.Not.Contain("script-src").And.Not.Contain("unsafe-inline"));
        var style = StyleElement().Matches(html).Single().Groups[1].Value;
        Assert.That(csp, Does.Contain($"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)))}'"), "the style element is allowed by its hash");
        Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));

        Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
        Assert.That(Regex.Matches(html, "<html", RegexOptions.IgnoreCase), Has.Count.EqualTo(1), "the stored fragment is wrapped once");
        Assert.That(Regex.Matches(html, "<body", RegexOptions.IgnoreCase), Has.Count.EqualTo(1));
        Assert.That(html, Does.Contain("Print &amp; Co &lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;KG&lt;/b&gt;"));
        Assert.That(html, Does.Contain("Jo &lt;i&gt;Post&lt;/i&gt;").And.Contain("LT-&lt;1&gt;").And.Contain("€800.00"));
        Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("<b>KG").And.Not.Contain("<i>Post"));
    }

    [Test]
    public async Task Printed_MarksTheLetterSentOnce_AndARepeatChangesNothing()
    {
        var (debtorId, ext) = await CreateDebtor("Printed Ltd");
        await CreateInvoice(ext, Today.AddDays(-31), number: "LT-2");
        var letterId = LetterOf(await RunUntilLetter(debtorId));
        var printedAt = App.Time.GetUtcNow();

        var first = await (await Staff.PostAsync($"/api/v1/dunning/letters/{letterId}/printed", null)).ShouldBe(HttpStatusCode.OK);
        AdvanceTo(printedAt.AddHours(2));
        var again = await (await Staff.PostAsync($"/api/v1/dunning/letters/{letterId}/printed", null)).ShouldBe(HttpStatusCode.OK);

        Assert.That(first.GetProperty("status").GetString(), Is.EqualTo("sent"));
        Assert.That(first.GetProperty("sentAt").GetDateTimeOffset(), Is.EqualTo(printedAt));
        Assert.That(again.GetRawText(), Is.EqualTo(first.GetRawText()), "a repeat answers the same");
        var stored = (await Communications(debtorId)).EnumerateArray().Single(m => m.GetProperty("id").GetString() == letterId);
        Assert.That((stored.GetProperty("status").GetString(), stored.GetProperty("sentAt").GetDateTimeOffset()), Is.EqualTo(("sent", printedAt)));
        var toPrint = await (await Staff.GetAsync("/api/v1/dunning/outbox?status=to_print")).ShouldBe(HttpStatusCode.OK);
        Assert.That(toPrint.EnumerateArray().Select(m => m.GetProperty("id").GetString()), Does.Not.Contain(letterId));
        var activity = await (await Staff.GetAsync($"/api/v1/debtors/{debtorId}/activity?limit=100")).ShouldBe(HttpStatusCode.OK);
        var logged = activity.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("type").GetString() == "dunning.letter_sent").ToList();
        Assert.That(logged, Has.Count.EqualTo(1), "recorded once, not again on the repeat");
        Assert.That(logged[0].GetProperty("summary").GetString(), Does.Contain("printed and sent"));
        Assert.That(logged[0].GetProperty("detailsJson").GetString(), Does.Contain(letterId));
    }

    [Test]
    public async Task Printed_RefusesAnEmailOrALetterNotToPrint_AndUnknownIsNotFound()
    {
        var (otherId, otherExt) = await CreateDebtor("Failed Letter GmbH");
        await CreateInvoice(otherExt, Today.AddDays(-31), number: "LT-4");
        var letterId = LetterOf(await RunUntilLetter(otherId));
        await SetStatus(letterId, "failed");
        var (debtorId, ext) = await CreateDebtor("Mixed GmbH");
        await CreateInvoice(ext, Today.AddDays(-2), number: "LT-3");
        var run = await Run();
        var emailId = Of(run, "messages", debtorId).Single(m => m.GetProperty("channel").GetString() == "email").GetProperty("id").GetString()!;

        var email = await (await Staff.PostAsync($"/api/v1/dunning/letters/{emailId}/printed", null)).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await Staff.PostAsync($"/api/v1/dunning/letters/{letterId}/printed", null)).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await Staff.PostAsync("/api/v1/dunning/letters/msg_missing/printed", null)).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await Staff.GetAsync($"/api/v1/dunning/letters/{emailId}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await Staff.GetAsync("/api/v1/dunning/letters/msg_missing")).ShouldBeProblem(HttpStatusCode.NotFound);

        Assert.That(email.GetProperty("detail").GetString(), Does.Contain("not a letter"));
        var messages = (await Communications(debtorId)).EnumerateArray().Concat((await Communications(otherId)).EnumerateArray())
            .Where(m => m.GetProperty("id").GetString() is var id && (id == emailId || id == letterId)).ToList();
        Assert.That(messages.Select(m => (m.GetProperty("id").GetString(), m.GetProperty("status").GetString())),
            Is.EquivalentTo(new[] { (emailId, "queued"), (letterId, "failed") }), "nothing changed");
        Assert.That(messages.All(m => m.GetProperty("sentAt").ValueKind == JsonValueKind.Null), Is.True);
    }

    [Test]
    public async Task Letters_AreForStaffOnly()
    {
        var (debtorId, ext) = await CreateDebtor("Staff Only AG");
        await CreateInvoice(ext, Today.AddDays(-31), number: "LT-5");
        var letterId = LetterOf(await RunUntilLetter(debtorId));

        Assert.That((await Erp.GetAsync($"/api/v1/dunning/letters/{letterId}")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await Erp.PostAsync($"/api/v1/dunning/letters/{letterId}/printed", null)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await Anonymous.GetAsync($"/api/v1/dunning/letters/{letterId}")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await Anonymous.PostAsync($"/api/v1/dunning/letters/{letterId}/printed", null)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var letter = (await Communications(debtorId)).EnumerateArray().Single(m => m.GetProperty("id").GetString() == letterId);
        Assert.That(letter.GetProperty("status").GetString(), Is.EqualTo("to_print"));
    }

    private static string LetterOf(JsonElement letter)
    {
        Assert.That(letter.GetProperty("status").GetString(), Is.EqualTo("to_print"));
        return letter.GetProperty("id").GetString()!;
    }

    private async Task SetStatus(string messageId, string status)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DbSession>()
            .ExecuteAsync("UPDATE dunning_messages SET status = @Status WHERE id = @Id", new { Status = status, Id = messageId });
    }

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();
}
