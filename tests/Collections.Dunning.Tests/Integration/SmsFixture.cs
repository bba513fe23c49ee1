using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.SharedKernel.Data;
using Collections.Testing;
using Collections.TwilioDouble;

namespace Collections.Dunning.Tests.Integration;

/// <summary>
/// The real host sending SMS through the local Twilio double, which posts its signed callbacks and incoming texts back into
/// the host. Debtors here live in UTC with contact hours all day, every day, so only the 08:00–21:00 rule limits a text.
/// </summary>
public abstract class SmsFixture(DatabaseProvider provider) : DunningFixture(provider)
{
    protected const string SmsPolicy = "sms_first";
    protected static readonly Uri StatusUrl = new("http://localhost/api/v1/sms/twilio/status");
    protected static readonly Uri InboundUrl = new("http://localhost/api/v1/sms/twilio/inbound");
    private TwilioDouble.TwilioDouble? twilio;

    protected TwilioDouble.TwilioDouble Twilio =>
        twilio ??= TwilioDouble.TwilioDouble.StartAsync(new TwilioDoubleOptions { Clock = () => App.Time.GetUtcNow() }).GetAwaiter().GetResult();

    protected virtual bool SmsConfigured => true;

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => SmsConfigured
        ?
        [
            new("Sms:Twilio:AccountSid", Twilio.Options.AccountSid),
            new("Sms:Twilio:AuthToken", Twilio.Options.AuthToken),
            new("Sms:Twilio:From", "+15005550006"),
            new("Sms:Twilio:StatusCallbackUrl", StatusUrl.ToString()),
            new("Sms:Twilio:ApiBaseUrl", Twilio.ApiBase),
        ]
        : [];

    [OneTimeSetUp]
    public async Task ConnectTwilioAndCreateThePolicy()
    {
        Twilio.Options.WebhookClient = App.CreateClient();
        await (await Admin.PostAsJsonAsync("/api/v1/dunning/policies", new
        {
            name = SmsPolicy,
            description = "A text first, then e-mail.",
            steps = new object[]
            {
                new { key = "text", offsetDays = 1, channel = "sms", template = "sms_notice", tone = "friendly", action = "none" },
                new { key = "firm", offsetDays = 7, channel = "email", template = "email_firm", tone = "firm", action = "none" },
            },
        })).ShouldBe(HttpStatusCode.Created);
    }

    [OneTimeTearDown]
    public async Task StopTwilio()
    {
        if (twilio is not null)
        {
            await twilio.DisposeAsync();
        }
    }

    /// <summary>A debtor on the SMS policy whose primary contact has the phone given and, unless told otherwise, consented to SMS a day ago.</summary>
    protected async Task<(string Id, string ExternalId)> TextableDebtor(string phone, bool consent = true, string name = "Texting GmbH")
    {
        var externalId = Unique("deb");
        var body = Body(name, phone, consent ? App.Time.GetUtcNow().AddDays(-1) : null);
        var id = (await Erp.PutDebtor(externalId, body)).GetProperty("id").GetString()!;
        await (await Staff.PutAsJsonAsync($"/api/v1/debtors/{id}/dunning-policy", new { policy = SmsPolicy })).ShouldBe(HttpStatusCode.OK);
        return (id, externalId);
    }

    protected static object Body(string name, string phone, DateTimeOffset? consentAt) => new
    {
        name,
        countryCode = "DE",
        timeZone = "UTC",
        language = "en",
        currency = "EUR",
        creditLimit = 0m,
        paymentTermsDays = 30,
        contacts = new object[]
        {
            new
            {
                name = "Anna Schmidt",
                email = "anna@acme.example",
                phone,
                role = "accounts_payable",
                isPrimary = true,
                smsConsent = consentAt is null ? null : new { given = true, givenAt = consentAt },
            },
        },
        contactHours = new { start = "00:00", end = "23:59", days = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" } },
    };

    /// <summary>Tomorrow (UTC, the debtors' zone) at this time of day: the shared clock only goes forward.</summary>
    protected void TomorrowAt(int hour, int minute = 0) =>
        AdvanceTo(new DateTimeOffset(App.Time.GetUtcNow().UtcDateTime.Date.AddDays(1).AddHours(hour).AddMinutes(minute), TimeSpan.Zero));

    protected static string UniquePhone() => "+4930" + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    protected async Task<JsonElement> OnlyMessage(string debtorId) => (await Communications(debtorId)).EnumerateArray().Single();
}
