using System.Net;
using System.Text.Json;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Dunning.Tests.Integration;

/// <summary>Its own fixture, so the simulation starts on the app's first day (Monday 2 March 2026, 09:00Z).</summary>
public sealed class CadenceSimulationTests(DatabaseProvider provider) : DunningFixture(provider)
{
    [Test]
    public async Task Simulate120Days_WhenNothingIsPaid_SendsTheExactSequenceOfMessagesAndTasks()
    {
        var start = App.Time.GetUtcNow();
        var (debtorId, ext) = await CreateDebtor();
        var i1 = await CreateInvoice(ext, Today.AddDays(5), number: "A-1");
        var i2 = await CreateInvoice(ext, Today.AddDays(5), number: "A-2");
        var i3 = await CreateInvoice(ext, Today.AddDays(12), number: "A-3");
        var messages = new List<(int Day, string Channel, string Tone, string Step, string[] Invoices, JsonElement Raw)>();
        var tasks = new List<(int Day, string Id, string Action, string[] Invoices)>();

        for (var day = 0; day <= 120; day++)
        {
            AdvanceTo(start.AddDays(day));
            var run = await Run();
            messages.AddRange(Of(run, "messages", debtorId).Select(m => (day, m.GetProperty("channel").GetString()!, m.GetProperty("tone").GetString()!, m.GetProperty("step").GetString()!, Ids(m), m)));
            tasks.AddRange(Of(run, "tasks", debtorId).Select(t => (day, t.GetProperty("id").GetString()!, t.GetProperty("action").GetString()!, Ids(t))));
        }

        // A-3's notice falls due on day 13, one day after A-1/A-2's firm reminder: it waits for the three-day gap (day 15), and
        // every later step of A-3 follows at the policy's spacing from that notice.
        string[] first = [i1, i2], third = [i3], all = [i1, i2, i3];
        Assert.That(messages.Select(m => (m.Day, m.Channel, m.Tone, m.Step, string.Join(",", m.Invoices.Order()))), Is.EqualTo(new[]
        {
            (2, "email", "friendly", "pre_due", Key(first)),
            (6, "email", "friendly", "notice", Key(first)),
            (9, "email", "friendly", "pre_due", Key(third)),
            (12, "email", "firm", "firm", Key(first)),
            (15, "email", "friendly", "notice", Key(third)),
            (21, "email", "firm", "firm", Key(third)),
            (35, "letter", "final", "final_notice", Key(first)),
            (44, "letter", "final", "final_notice", Key(third)),
        }));
        Assert.That(tasks.Select(t => (t.Day, t.Action, Key(t.Invoices))), Is.EqualTo(new[]
        {
            (19, "none", Key(first)), (28, "none", Key(all)),
            (50, "assign_senior", Key(first)), (59, "assign_senior", Key(all)),
            (65, "propose_agency", Key(first)), (74, "propose_agency", Key(all)),
            (95, "propose_legal", Key(first)), (104, "propose_legal", Key(all)),
        }));
        Assert.That(tasks[1].Id, Is.EqualTo(tasks[0].Id), "a second call for the same debtor joins the open call task");

        // Dates: what happens next and when, and contact hours (Sunday 8 March → Monday 9 March 08:00 in Berlin = 07:00Z).
        Assert.That(messages[0].Raw.GetProperty("nextStepOn").GetString(), Is.EqualTo(Today0(start).AddDays(6).ToString("yyyy-MM-dd")));
        Assert.That(messages[3].Raw.GetProperty("nextStepOn").GetString(), Is.EqualTo(Today0(start).AddDays(19).ToString("yyyy-MM-dd")));
        Assert.That(messages[1].Raw.GetProperty("notBefore").GetDateTimeOffset(), Is.EqualTo(new DateTimeOffset(2026, 3, 9, 7, 0, 0, TimeSpan.Zero)));
        Assert.That(messages[0].Raw.GetProperty("notBefore").GetDateTimeOffset(), Is.EqualTo(start.AddDays(2)), "Wednesday 10:00 in Berlin is inside contact hours");

        var letters = await (await Staff.GetAsync("/api/v1/dunning/outbox?status=to_print")).ShouldBe(HttpStatusCode.OK);
        Assert.That(letters.EnumerateArray().Count(l => l.GetProperty("invoiceIds").EnumerateArray().Any(i => i.GetString() == i3)), Is.EqualTo(1));
    }

    private static string Key(string[] ids) => string.Join(",", ids.Order());

    private static DateOnly Today0(DateTimeOffset start) => DateOnly.FromDateTime(start.UtcDateTime);
}
