using System.Net;
using System.Net.Http.Json;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Dunning.Tests.Integration;

/// <summary>SMS reminders through the Twilio double: consent, the 08:00–21:00 rule, STOP, signatures, status callbacks, refusals.</summary>
public sealed class SmsReminderTests(DatabaseProvider provider) : SmsFixture(provider)
{
    [Test]
    public async Task Dispatch_WhenAConsentingContactIsInsideTheHours_SendsAnSmsNamingTheCreditorAndTheOptOut()
    {
        TomorrowAt(10);
        var phone = UniquePhone();
        var (debtorId, ext) = await TextableDebtor(phone, name: "Texting One GmbH");
        await CreateInvoice(ext, Today.AddDays(-2), 1190.00m);

        var run = await Run();
        await Dispatch();

        var planned = Of(run, "messages", debtorId).Single();
        var sms = Twilio.Messages.Single(m => m.To == phone);
        var message = await OnlyMessage(debtorId);
        Assert.Multiple(() =>
        {
            Assert.That(planned.GetProperty("channel").GetString(), Is.EqualTo("sms"));
            Assert.That(Of(run, "fallbacks", debtorId), Is.Empty);
            Assert.That(sms.From, Is.EqualTo("+15005550006"));
            Assert.That(sms.Body, Does.StartWith("Maria Keller:").And.Contain("€1,190.00").And.Contain("Texting One GmbH").And.EndWith("Reply STOP to opt out."));
            Assert.That(sms.Body, Does.Contain("https://pay.example.com/portal/").And.Not.Contain("token="));
            Assert.That(sms.StatusCallback, Is.EqualTo(StatusUrl));
            Assert.That(message.GetProperty("status").GetString(), Is.EqualTo("sent"));
            Assert.That(message.GetProperty("toAddress").GetString(), Is.EqualTo(phone));
            Assert.That(message.GetProperty("deliveryStatus").GetString(), Is.EqualTo("queued"));
        });
    }

    [TestCase(7, 30, 0, 8)]
    [TestCase(21, 30, 1, 8)]
    [TestCase(21, 0, 1, 8)]
    public async Task Run_WhenItIsOutsideEightToNineLocally_DefersTheSmsToEight(int hour, int minute, int daysLater, int opensAt)
    {
        TomorrowAt(hour, minute);
        var phone = UniquePhone();
        var (debtorId, ext) = await TextableDebtor(phone);
        await CreateInvoice(ext, Today.AddDays(-2));
        var day = App.Time.GetUtcNow().UtcDateTime.Date;

        var notBefore = Of(await Run(), "messages", debtorId).Single().GetProperty("notBefore").GetDateTimeOffset();
        await Dispatch();
        var sentEarly = Twilio.Messages.Any(m => m.To == phone);
        AdvanceTo(notBefore);
        await Dispatch();

        Assert.That(notBefore, Is.EqualTo(new DateTimeOffset(day.AddDays(daysLater).AddHours(opensAt), TimeSpan.Zero)));
        Assert.That(sentEarly, Is.False, "nothing may arrive before 08:00 or from 21:00 on");
        Assert.That(Twilio.Messages.Count(m => m.To == phone), Is.EqualTo(1));
    }

    [Test]
    public async Task Dispatch_WhenNineOClockPassedSinceTheRun_PutsTheSmsBackUntilTheNextMorning()
    {
        TomorrowAt(20, 50);
        var phone = UniquePhone();
        var (debtorId, ext) = await TextableDebtor(phone);
        await CreateInvoice(ext, Today.AddDays(-2));
        await Run();
        var day = App.Time.GetUtcNow().UtcDateTime.Date;

        AdvanceTo(new DateTimeOffset(day.AddHours(21).AddMinutes(10), TimeSpan.Zero));
        await Dispatch();

        var message = await OnlyMessage(debtorId);
        Assert.That(Twilio.Messages.Any(m => m.To == phone), Is.False);
        Assert.That(message.GetProperty("status").GetString(), Is.EqualTo("queued"));
        Assert.That(message.GetProperty("notBefore").GetDateTimeOffset(), Is.EqualTo(new DateTimeOffset(day.AddDays(1).AddHours(8), TimeSpan.Zero)));
        Assert.That(message.GetProperty("attempts").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task Run_WhenTheContactHasNotConsented_SendsAnEmailInsteadAndSaysSo()
    {
        TomorrowAt(10);
        var phone = UniquePhone();
        var (debtorId, ext) = await TextableDebtor(phone, consent: false);
        var invoice = await CreateInvoice(ext, Today.AddDays(-2));

        var run = await Run();

        var message = Of(run, "messages", debtorId).Single();
        var fallback = Of(run, "fallbacks", debtorId).Single();
        Assert.Multiple(() =>
        {
            Assert.That(message.GetProperty("channel").GetString(), Is.EqualTo("email"));
            Assert.That(message.GetProperty("step").GetString(), Is.EqualTo("text"));
            Assert.That(fallback.GetProperty("invoiceId").GetString(), Is.EqualTo(invoice));
            Assert.That((fallback.GetProperty("from").GetString(), fallback.GetProperty("to").GetString()), Is.EqualTo(("sms", "email")));
            Assert.That(fallback.GetProperty("reason").GetString(), Is.EqualTo("no_sms_consent"));
            Assert.That(fallback.GetProperty("detail").GetString(), Does.Contain("consented"));
        });
    }

    [Test]
    public async Task Inbound_WhenTheContactRepliesStop_TheQueuedSmsIsWithdrawnAndTheNextStepGoesByEmail()
    {
        TomorrowAt(7);
        var phone = UniquePhone();
        var (debtorId, ext) = await TextableDebtor(phone);
        await CreateInvoice(ext, Today.AddDays(-2));
        await Run();

        var reply = await Twilio.ReceiveAsync(InboundUrl, phone, "  stop ");
        AdvanceTo(App.Time.GetUtcNow().AddHours(2));
        await Dispatch();
        var rerun = await Run();

        Assert.That(reply.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await reply.Content.ReadAsStringAsync(), Does.Contain("<Response>"));
        Assert.That(Twilio.Messages.Any(m => m.To == phone), Is.False);
        var messages = (await Communications(debtorId)).EnumerateArray().ToList();
        Assert.That(messages.Select(m => (m.GetProperty("channel").GetString(), m.GetProperty("status").GetString())),
            Is.EquivalentTo(new[] { ("sms", "withdrawn"), ("email", "queued") }));
        Assert.That(messages.Single(m => m.GetProperty("channel").GetString() == "sms").GetProperty("withdrawnReason").GetString(), Is.EqualTo("sms_opted_out"));
        Assert.That(Of(rerun, "fallbacks", debtorId).Single().GetProperty("reason").GetString(), Is.EqualTo("sms_opted_out"));
    }

    [Test]
    public async Task Inbound_WhenTheContactRepliesStart_StaysOptedOutUntilTheErpRecordsConsentAgain()
    {
        TomorrowAt(10);
        var phone = UniquePhone();
        var (debtorId, ext) = await TextableDebtor(phone);
        await Twilio.ReceiveAsync(InboundUrl, phone, "UNSUBSCRIBE");
        await Twilio.ReceiveAsync(InboundUrl, phone, "START");
        await CreateInvoice(ext, Today.AddDays(-2));
        var afterStart = await Run();

        AdvanceTo(App.Time.GetUtcNow().AddMinutes(1));
        await Erp.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{ext}", Body("Texting GmbH", phone, App.Time.GetUtcNow()));
        await CreateInvoice(ext, Today.AddDays(-2));
        AdvanceTo(App.Time.GetUtcNow().AddDays(3));
        var afterConsent = await Run();

        Assert.That(Of(afterStart, "fallbacks", debtorId).Single().GetProperty("reason").GetString(), Is.EqualTo("sms_opted_out"));
        Assert.That(Of(afterConsent, "messages", debtorId).Select(m => m.GetProperty("channel").GetString()), Is.EqualTo(new[] { "sms" }));
    }

    [Test]
    public async Task Inbound_WhenTheSignatureIsForged_Answers403AndRecordsNoOptOut()
    {
        TomorrowAt(10);
        var phone = UniquePhone();
        var (debtorId, ext) = await TextableDebtor(phone);
        var fields = new Dictionary<string, string> { ["AccountSid"] = Twilio.Options.AccountSid, ["Body"] = "STOP", ["From"] = phone, ["MessageSid"] = "SM" + new string('f', 32), ["To"] = "+15005550006" };

        var forged = await Twilio.PostAsync(InboundUrl, fields, Twilio.Sign(InboundUrl, fields, authToken: "not-the-auth-token"));
        var unsigned = await Twilio.PostAsync(InboundUrl, fields, "");
        await CreateInvoice(ext, Today.AddDays(-2));
        var run = await Run();

        await forged.ShouldBeProblem(HttpStatusCode.Forbidden);
        await unsigned.ShouldBeProblem(HttpStatusCode.Forbidden);
        Assert.That(Of(run, "messages", debtorId).Single().GetProperty("channel").GetString(), Is.EqualTo("sms"));
        Assert.That(Of(run, "fallbacks", debtorId), Is.Empty);
    }

    [Test]
    public async Task Status_WhenTwilioReportsDelivered_UpdatesTheMessageAndALateSentChangesNothing()
    {
        TomorrowAt(10);
        var phone = UniquePhone();
        var (debtorId, ext) = await TextableDebtor(phone);
        await CreateInvoice(ext, Today.AddDays(-2));
        await Run();
        await Dispatch();
        var sid = Twilio.Messages.Single(m => m.To == phone).Sid;

        var delivered = await Twilio.ReportStatusAsync(sid, "delivered");
        var repeated = await Twilio.ReportStatusAsync(sid, "delivered");
        var late = await Twilio.ReportStatusAsync(sid, "sent");

        Assert.That((await delivered.ShouldBe(HttpStatusCode.OK)).GetProperty("outcome").GetString(), Is.EqualTo("updated"));
        Assert.That((await repeated.ShouldBe(HttpStatusCode.OK)).GetProperty("outcome").GetString(), Is.EqualTo("unchanged"));
        Assert.That((await late.ShouldBe(HttpStatusCode.OK)).GetProperty("outcome").GetString(), Is.EqualTo("unchanged"));
        var message = await OnlyMessage(debtorId);
        Assert.That((message.GetProperty("status").GetString(), message.GetProperty("deliveryStatus").GetString()), Is.EqualTo(("sent", "delivered")));
    }

    [Test]
    public async Task Status_WhenTwilioReportsUndelivered_MarksTheMessageFailedWithTheErrorCode()
    {
        TomorrowAt(10);
        var phone = UniquePhone();
        var (debtorId, ext) = await TextableDebtor(phone);
        await CreateInvoice(ext, Today.AddDays(-2));
        await Run();
        await Dispatch();

        await (await Twilio.ReportStatusAsync(Twilio.Messages.Single(m => m.To == phone).Sid, "undelivered", errorCode: "30003")).ShouldBe(HttpStatusCode.OK);

        var message = await OnlyMessage(debtorId);
        Assert.That((message.GetProperty("status").GetString(), message.GetProperty("deliveryStatus").GetString()), Is.EqualTo(("failed", "undelivered")));
        Assert.That(message.GetProperty("lastError").GetString(), Does.Contain("30003"));
    }

    [Test]
    public async Task Status_WhenTheSignatureIsForged_Answers403AndChangesNothing()
    {
        TomorrowAt(10);
        var phone = UniquePhone();
        var (debtorId, ext) = await TextableDebtor(phone);
        await CreateInvoice(ext, Today.AddDays(-2));
        await Run();
        await Dispatch();
        var fields = new Dictionary<string, string> { ["MessageSid"] = Twilio.Messages.Single(m => m.To == phone).Sid, ["MessageStatus"] = "failed" };

        var forged = await Twilio.PostAsync(StatusUrl, fields, Twilio.Sign(new Uri("http://localhost/elsewhere"), fields));

        await forged.ShouldBeProblem(HttpStatusCode.Forbidden);
        Assert.That((await OnlyMessage(debtorId)).GetProperty("deliveryStatus").GetString(), Is.EqualTo("queued"));
    }

    [Test]
    public async Task Dispatch_WhenTwilioRefusesTheNumber_MarksTheMessageFailedNotSent()
    {
        TomorrowAt(10);
        var phone = UniquePhone();
        var (debtorId, ext) = await TextableDebtor(phone);
        await CreateInvoice(ext, Today.AddDays(-2));
        await Run();
        Twilio.RefuseNextTo(phone, 21211, "The 'To' number is not a valid phone number.");

        await Dispatch();
        AdvanceTo(App.Time.GetUtcNow().AddHours(1));
        await Dispatch();

        var message = await OnlyMessage(debtorId);
        Assert.Multiple(() =>
        {
            Assert.That(message.GetProperty("status").GetString(), Is.EqualTo("failed"));
            Assert.That(message.GetProperty("attempts").GetInt32(), Is.EqualTo(1));
            Assert.That(message.GetProperty("lastError").GetString(), Does.Contain("21211"));
            Assert.That(message.GetProperty("sentAt").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
            Assert.That(Twilio.Messages.Any(m => m.To == phone), Is.False);
        });
    }
}

/// <summary>SMS policy steps and SMS templates: a text is written with a text's template, which says who writes, what is owed and how to stop.</summary>
public sealed class SmsTemplateTests(DatabaseProvider provider) : DunningFixture(provider)
{
    [TestCase("sms", "email_notice")]
    [TestCase("email", "sms_notice")]
    public async Task SavePolicy_WhenAStepsTemplateIsOfTheOtherKind_Answers422(string channel, string template)
    {
        var response = await Admin.PostAsJsonAsync("/api/v1/dunning/policies", new
        {
            name = "mixed_" + Guid.NewGuid().ToString("N")[..8],
            steps = new[] { new { key = "one", offsetDays = 1, channel, template, tone = "friendly", action = "none" } },
        });

        var problem = await response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("one"));
    }

    [Test]
    public async Task ListTemplates_InGerman_HasTheSmsRemindersInGerman()
    {
        var templates = await (await Staff.GetAsync("/api/v1/dunning/templates?language=de")).ShouldBe(HttpStatusCode.OK);

        var notice = templates.EnumerateArray().Single(t => t.GetProperty("key").GetString() == "sms_notice");
        Assert.That((notice.GetProperty("channel").GetString(), notice.GetProperty("language").GetString()), Is.EqualTo(("sms", "de")));
        Assert.That(notice.GetProperty("body").GetString(), Does.Contain("Antworten Sie STOP"));
    }

    [TestCase("{{senderName}}: {{totalDue}} is due: {{portalLink}}", "STOP")]
    [TestCase("{{totalDue}} is due: {{portalLink}} Reply STOP to opt out.", "senderName")]
    public async Task SaveTemplate_WhenAnSmsLacksTheCreditorTheAmountTheLinkOrStop_Answers400(string body, string missing)
    {
        var response = await Admin.PutAsJsonAsync("/api/v1/dunning/templates/sms_custom", new { channel = "sms", tone = "friendly", subject = "SMS", body });

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.That(string.Join(" ", problem.FieldErrors("body")), Does.Contain(missing));
    }

    [Test]
    public async Task SaveTemplate_WhenAnSmsTemplatesKeyDoesNotSaySms_Answers400()
    {
        var response = await Admin.PutAsJsonAsync("/api/v1/dunning/templates/text_custom",
            new { channel = "sms", tone = "friendly", subject = "SMS", body = "{{senderName}}: {{totalDue}}: {{portalLink}} Reply STOP to opt out." });

        Assert.That((await response.ShouldBeProblem(HttpStatusCode.BadRequest)).FieldErrors("channel"), Is.Not.Empty);
    }
}

/// <summary>Without Sms:Twilio settings the SMS channel is not configured: SMS steps go by e-mail, and the run says why.</summary>
public sealed class SmsNotConfiguredTests(DatabaseProvider provider) : SmsFixture(provider)
{
    protected override bool SmsConfigured => false;

    [Test]
    public async Task Run_WhenSmsIsNotConfigured_SendsAnEmailInsteadAndSaysSo()
    {
        TomorrowAt(10);
        var (debtorId, ext) = await TextableDebtor(UniquePhone());
        await CreateInvoice(ext, Today.AddDays(-2));

        var run = await Run();

        Assert.That(Of(run, "messages", debtorId).Single().GetProperty("channel").GetString(), Is.EqualTo("email"));
        Assert.That(Of(run, "fallbacks", debtorId).Single().GetProperty("reason").GetString(), Is.EqualTo("sms_not_configured"));
    }

    [Test]
    public async Task Inbound_WhenSmsIsNotConfigured_Answers503()
    {
        var response = await Anonymous.PostAsync(InboundUrl, new FormUrlEncodedContent(new Dictionary<string, string> { ["From"] = "+4930123456", ["Body"] = "STOP" }));

        await response.ShouldBeProblem(HttpStatusCode.ServiceUnavailable);
    }
}
