using System.Net;
using System.Text.Json;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Dunning.Tests.Integration;

public sealed class CadenceTests(DatabaseProvider provider) : DunningFixture(provider)
{
    [Test]
    public async Task Run_WhenRunTwiceOnTheSameDay_SecondRunTakesNothingNew()
    {
        var (debtorId, ext) = await CreateDebtor();
        await CreateInvoice(ext, Today.AddDays(-2));
        await CreateInvoice(ext, Today.AddDays(-2));

        var first = await Run();
        var second = await Run();

        Assert.That(Of(first, "messages", debtorId).Count(), Is.EqualTo(1), "two invoices at the same step: one consolidated message");
        Assert.That(Of(first, "steps", debtorId).Count(), Is.EqualTo(2));
        Assert.That(Of(second, "messages", debtorId), Is.Empty);
        Assert.That(Of(second, "steps", debtorId), Is.Empty);
        Assert.That((await Communications(debtorId)).GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task Run_WhenAnInvoiceIsImportedLongOverdue_FirstContactIsTheCourteousNotice()
    {
        var (debtorId, ext) = await CreateDebtor();
        var invoice = await CreateInvoice(ext, Today.AddDays(-33));

        var run = await Run();

        var step = Of(run, "steps", debtorId).Single();
        Assert.That(step.GetProperty("step").GetString(), Is.EqualTo("notice"), "not the final-notice letter its age would reach by date");
        Assert.That(step.GetProperty("skipped").EnumerateArray().Select(s => s.GetString()), Is.EqualTo(new[] { "pre_due" }));
        Assert.That(Of(run, "messages", debtorId).Select(m => (m.GetProperty("channel").GetString(), m.GetProperty("tone").GetString())), Is.EqualTo(new[] { ("email", "friendly") }));
        Assert.That(Of(run, "tasks", debtorId), Is.Empty);
        Assert.That(step.GetProperty("invoiceId").GetString(), Is.EqualTo(invoice));
    }

    [Test]
    public async Task Run_WhenDailyRunsWereMissedForWeeks_TakesOnlyTheLatestDueStep_OneToneHigher_AndRecordsTheSkippedOnes()
    {
        var (debtorId, ext) = await CreateDebtor();
        var invoice = await CreateInvoice(ext, Today.AddDays(-2));
        await Run();

        var run = await Run(asOf: Today.AddDays(40));

        var step = Of(run, "steps", debtorId).Single();
        Assert.That(step.GetProperty("step").GetString(), Is.EqualTo("call"), "the final-notice letter is due by date, but friendly → final would skip firm");
        Assert.That(step.GetProperty("skipped").EnumerateArray().Select(s => s.GetString()), Is.EqualTo(new[] { "firm" }));
        Assert.That(Of(run, "messages", debtorId), Is.Empty, "one step, not a burst of the missed ones");
        Assert.That(Of(run, "tasks", debtorId).Single().GetProperty("action").GetString(), Is.EqualTo("none"));
        Assert.That(step.GetProperty("invoiceId").GetString(), Is.EqualTo(invoice));
    }

    [Test]
    public async Task Run_NeverSendsADebtorTwoRemindersInsideTheGap_AStepDueMeanwhileJoinsTheNextOne()
    {
        var (debtorId, ext) = await CreateDebtor();
        var early = await CreateInvoice(ext, Today.AddDays(-2), number: "GAP-1");
        var first = await Run();
        var late = await CreateInvoice(ext, Today.AddDays(-1), number: "GAP-2");
        var days = new List<(int Day, string[] Invoices)> { (0, Ids(Of(first, "messages", debtorId).Single())) };
        var paused = new List<string>();

        for (var day = 1; day <= 14; day++)
        {
            var run = await Run(Today.AddDays(day));
            days.AddRange(Of(run, "messages", debtorId).Select(m => (day, Ids(m))));
            paused.AddRange(Of(run, "paused", debtorId).Where(p => p.GetProperty("invoiceId").GetString() == late).Select(p => p.GetProperty("reason").GetString()!));
        }

        Assert.That(days.Zip(days.Skip(1)).All(p => p.Second.Day - p.First.Day >= 3), Is.True, string.Join("; ", days.Select(d => d.Day)));
        Assert.That(days[0].Invoices, Is.EqualTo(new[] { early }));
        Assert.That((days[1].Day, days[1].Invoices), Is.EqualTo((3, new[] { late })), "the second invoice's first notice waits for the gap");
        Assert.That(paused.Take(2), Is.EqualTo(new[] { "reminder_gap", "reminder_gap" }));
    }

    [Test]
    public async Task DryRun_ReportsWhatWouldBeSentAndWritesNothing()
    {
        var (debtorId, ext) = await CreateDebtor();
        await CreateInvoice(ext, Today.AddDays(-8));

        var dry = await Run(dryRun: true);
        var real = await Run();

        Assert.That(Of(dry, "messages", debtorId).Single().GetProperty("step").GetString(), Is.EqualTo("notice"));
        Assert.That(dry.GetProperty("runId").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(Of(real, "messages", debtorId).Single().GetProperty("step").GetString(), Is.EqualTo("notice"));
    }

    [Test]
    public async Task Message_WhenComposed_IsPersonalSaysWhatHappensNextAndLinksToThePortal()
    {
        var (debtorId, ext) = await CreateDebtor();
        await CreateInvoice(ext, Today.AddDays(-8), 1190.00m, number: "R-100", po: "PO-55");
        await CreateInvoice(ext, Today.AddDays(-9), 250.50m, number: "R-101", po: "PO-56");

        await Run();

        var message = (await Communications(debtorId)).EnumerateArray().Single();
        var text = message.GetProperty("bodyText").GetString()!;
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.StartWith("Dear Anna,"));
            Assert.That(text, Does.Contain("R-100").And.Contain("PO-55").And.Contain("R-101").And.Contain("PO-56"));
            Assert.That(text, Does.Contain("€1,440.50"));
            Assert.That(text, Does.Contain("What happens next: if payment has not reached us by"));
            Assert.That(text, Does.Contain("we will write again and ask you for a firm payment date"));
            Assert.That(text, Does.Contain("https://pay.example.com/portal/#/").And.Not.Contain("token="), "the link itself is minted when the message is sent");
            Assert.That(text, Does.Not.Contain("Dear customer").And.Not.Contain("{{"));
            Assert.That(message.GetProperty("subject").GetString(), Does.Contain("Acme GmbH"));
            Assert.That(message.GetProperty("toAddress").GetString(), Is.EqualTo("anna@acme.example"));
        });
    }

    [Test]
    public async Task Message_WhenDebtorNameContainsMarkup_IsHtmlEscaped()
    {
        var (debtorId, ext) = await CreateDebtor(name: "<script>alert('x')</script> & Söhne");
        await CreateInvoice(ext, Today.AddDays(-2), number: "<b>N1</b>");

        await Run();

        var html = (await Communications(debtorId)).EnumerateArray().Single().GetProperty("bodyHtml").GetString()!;
        Assert.That(html, Does.Not.Contain("<script>").And.Not.Contain("<b>N1</b>"));
        Assert.That(html, Does.Contain("&lt;script&gt;").And.Contain("&amp; S").And.Contain("&lt;b&gt;N1&lt;/b&gt;"));
    }

    [Test]
    public async Task Run_WhenBalanceIsBelowTheSmallBalanceThreshold_ProposesWriteOffOnceInsteadOfChasing()
    {
        var (debtorId, ext) = await CreateDebtor();
        var invoice = await CreateInvoice(ext, Today.AddDays(-8), 3.20m);

        var first = await Run();
        AdvanceTo(App.Time.GetUtcNow().AddDays(30));
        var later = await Run();

        Assert.That(Of(first, "messages", debtorId), Is.Empty);
        var task = Of(first, "tasks", debtorId).Single();
        Assert.That(task.GetProperty("action").GetString(), Is.EqualTo("propose_write_off"));
        Assert.That(Ids(task), Is.EqualTo(new[] { invoice }));
        Assert.That(Of(later, "steps", debtorId), Is.Empty);
    }

    [Test]
    public async Task Run_WhenCalledWithoutStaffKey_IsForbiddenAndBadDateIs400()
    {
        var forbidden = await Erp.PostAsync("/api/v1/dunning/runs", System.Net.Http.Json.JsonContent.Create(new { dryRun = true }));
        Assert.That(forbidden.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var bad = await Staff.PostAsync("/api/v1/dunning/runs", new StringContent("{\"asOf\":\"not-a-date\"}", System.Text.Encoding.UTF8, "application/json"));
        await bad.ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    private static string Key(string[] ids) => string.Join(",", ids.Order());
}
