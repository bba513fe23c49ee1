using System.Net;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Dunning.Tests.Integration;

/// <summary>
/// The whole host over 120 days, every seeded policy in five time zones, invoices imported at random ages, paid at
/// random moments, with random downtime of the scheduler: the promises of the cadence hold for every debtor.
/// </summary>
public sealed class CadencePropertyTests(DatabaseProvider provider) : DunningFixture(provider)
{
    private static readonly string[] Segments = ["standard", "strategic", "high_risk"];
    private static readonly string[] Zones = ["Europe/Berlin", "Asia/Tokyo", "America/Los_Angeles", "Australia/Sydney", "America/Sao_Paulo"];

    [Test]
    public async Task Simulate120Days_AcrossPoliciesZonesImportAgesPaymentsAndDowntime_KeepsEveryCadencePromise()
    {
        var random = new Random(20261203);
        var start = App.Time.GetUtcNow();
        var debtors = new List<(string Id, string Zone)>();
        var paymentsDue = new List<(DateTimeOffset At, string DebtorId, string InvoiceId, decimal Amount)>();
        foreach (var segment in Segments)
        {
            foreach (var zone in Zones)
            {
                var (debtorId, ext) = await CreateDebtor($"{segment} {zone}", zone, segment, country: "XX");
                debtors.Add((debtorId, zone));
                for (var i = 0; i < 3; i++)
                {
                    var amount = 100m * random.Next(1, 20);
                    var invoice = await CreateInvoice(ext, Today.AddDays(random.Next(-100, 15)), amount);
                    if (random.Next(2) == 0)
                    {
                        paymentsDue.Add((start.AddHours(random.Next(1, 120 * 24)), debtorId, invoice, amount));
                    }
                }
            }
        }

        var paidAt = new Dictionary<string, DateTimeOffset>();
        for (var hour = 0; hour < 120 * 24; hour += 3)
        {
            var now = start.AddHours(hour);
            AdvanceTo(now);
            foreach (var payment in paymentsDue.Where(p => p.At <= now && !paidAt.ContainsKey(p.InvoiceId)).ToList())
            {
                await Pay(payment.DebtorId, (payment.InvoiceId, payment.Amount));
                paidAt[payment.InvoiceId] = App.Time.GetUtcNow();
            }

            var down = random.Next(10) == 0;
            if (!down && hour % 24 == 0)
            {
                await Run();
            }

            if (!down)
            {
                await Dispatch();
            }
        }

        var tones = new[] { "friendly", "firm", "final" };
        var (sentTotal, rechecked) = (0, 0);
        foreach (var (debtorId, zone) in debtors)
        {
            var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
            var reminders = (await Communications(debtorId)).EnumerateArray()
                .Where(m => m.GetProperty("purpose").GetString() == "reminder" && m.GetProperty("channel").GetString() == "email")
                .OrderBy(m => m.GetProperty("createdAt").GetDateTimeOffset()).ToList();
            var sent = reminders.Where(m => m.GetProperty("status").GetString() == "sent").ToList();
            sentTotal += sent.Count;
            var activity = (await (await Staff.GetAsync($"/api/v1/debtors/{debtorId}/activity?limit=200")).ShouldBe(HttpStatusCode.OK)).ToString();
            rechecked += activity.Split("dunning.message_withdrawn").Length - 1 + activity.Split("dunning.message_recomposed").Length - 1;
            var what = $"{debtorId} in {zone}: " + string.Join(" → ", reminders.Select(m => $"{m.GetProperty("step").GetString()}/{m.GetProperty("status").GetString()}"));

            if (reminders.Count > 0)
            {
                Assert.That(reminders[0].GetProperty("tone").GetString(), Is.EqualTo("friendly"), "first contact is courteous: " + what);
            }

            var highest = -1;
            foreach (var reminder in reminders)
            {
                var rank = Array.IndexOf(tones, reminder.GetProperty("tone").GetString());
                Assert.That(rank, Is.LessThanOrEqualTo(highest + 1), "the tone never skips a level: " + what);
                highest = Math.Max(highest, rank);
            }

            var days = reminders.Where(m => m.GetProperty("status").GetString() != "withdrawn")
                .Select(m => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(m.GetProperty("createdAt").GetDateTimeOffset(), tz).DateTime).DayNumber).ToList();
            Assert.That(days.Zip(days.Skip(1)).All(p => p.Second - p.First >= 3), Is.True, "never two reminders inside the gap: " + what);

            foreach (var message in sent)
            {
                var sentAt = message.GetProperty("sentAt").GetDateTimeOffset();
                Assert.That(Ids(message).Where(id => paidAt.TryGetValue(id, out var at) && at <= sentAt), Is.Empty, "no reminder for an invoice paid before it left: " + what);
                var local = TimeZoneInfo.ConvertTime(sentAt, tz);
                Assert.That(local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && local.Hour is >= 8 and < 18, Is.True, $"sent at {local} local: " + what);
            }
        }

        Assert.That((paidAt.Count, sentTotal, rechecked), Is.EqualTo((paidAt.Count, sentTotal, rechecked)).And.Matches<(int Paid, int Sent, int Rechecked)>(
            c => c.Paid > 5 && c.Sent > 30 && c.Rechecked > 0), "the simulation exercises payments, sending, and withdrawing or recomposing what a payment overtook");
    }

}
