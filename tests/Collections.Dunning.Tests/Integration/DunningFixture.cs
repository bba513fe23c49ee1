using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.Dunning.Delivery;
using Collections.SharedKernel.Data;
using Collections.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Dunning.Tests.Integration;

/// <summary>The real host with background services off (runs and dispatch are driven by the test) and .eml output in a temp folder.</summary>
public abstract class DunningFixture(DatabaseProvider provider) : ApiFixture(provider)
{
    protected readonly string OutboxDirectory = Path.Combine(Path.GetTempPath(), "collections-dunning-outbox", Guid.NewGuid().ToString("N"));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Dunning:BackgroundEnabled"] = "false",
        ["Dunning:OutboxDirectory"] = OutboxDirectory,
        ["Dunning:SenderName"] = "Maria Keller",
        ["Dunning:Holidays:DE:0"] = "2026-04-03",
        ["Portal:BaseUrl"] = "https://pay.example.com",
    }.Concat(ExtraSettings).ToDictionary(p => p.Key, p => p.Value);

    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [];

    protected DateOnly Today => DateOnly.FromDateTime(App.Time.GetUtcNow().UtcDateTime);

    /// <summary>A new debtor who reads English and has two contacts with phones (Anna Schmidt, accounts payable; Felix Braun, finance).</summary>
    protected Task<(string Id, string ExternalId)> CreateDebtor(string name = "Acme GmbH", string timeZone = "Europe/Berlin", string segment = "standard", string country = "DE", object[]? contacts = null, string language = "en") =>
        Erp.CreateDebtor(TestData.DebtorBody(name, timeZone: timeZone, countryCode: country, language: language, segment: segment, contacts: contacts ??
        [
            TestData.Anna(phone: "+49 30 1234567"),
            new { name = "Felix Braun", email = "felix@acme.example", phone = "+49 30 7654321", role = "finance", isPrimary = false },
        ]));

    /// <summary>A new invoice issued 30 days before it is due, numbered INV-…, on PO-7781 unless told otherwise.</summary>
    protected Task<string> CreateInvoice(string debtorExternalId, DateOnly dueDate, decimal total = 1190.00m, string? number = null, string? po = "PO-7781", string currency = "EUR") =>
        Erp.NewInvoice(debtorExternalId, total, dueDate.AddDays(-30).ToString("yyyy-MM-dd"), dueDate.ToString("yyyy-MM-dd"), currency,
            poNumber: po, number: number ?? "INV-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>A POST with a fresh Idempotency-Key, as payments, credit notes, disputes and promises require, answered as expected.</summary>
    protected static async Task<JsonElement> PostKeyed(HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.Created) =>
        await (await client.PostKeyed(url, body)).ShouldBe(expected);

    /// <summary>A bank transfer the ERP records today, allocated as given.</summary>
    protected Task<JsonElement> Pay(string debtorId, params (string InvoiceId, decimal Amount)[] allocations) =>
        Erp.Pay(TestData.PaymentBody(debtorId, allocations.Sum(a => a.Amount), method: "bank_transfer", receivedAt: Today.ToString("yyyy-MM-dd"),
            reference: "BANK-" + Guid.NewGuid().ToString("N")[..6], allocations: allocations.Select(a => (object)new { invoiceId = a.InvoiceId, amount = a.Amount }).ToArray()));

    /// <summary>Sends what the outbox has due now (the background dispatcher is off in tests); returns how many left.</summary>
    protected async Task<int> Dispatch() =>
        (await (await Staff.PostAsync("/api/v1/dunning/outbox/dispatch", null)).ShouldBe(HttpStatusCode.OK)).GetProperty("sent").GetInt32();

    protected async Task<JsonElement> Run(DateOnly? asOf = null, bool dryRun = false) =>
        await (await Staff.PostAsJsonAsync("/api/v1/dunning/runs", new { asOf = asOf?.ToString("yyyy-MM-dd"), dryRun })).ShouldBe(HttpStatusCode.OK);

    /// <summary>
    /// Runs as of later and later dates until the ladder reaches the debtor's final-notice letter (the first contact is
    /// always the courteous e-mail notice), and returns the letter as that run reported it.
    /// </summary>
    protected async Task<JsonElement> RunUntilLetter(string debtorId)
    {
        for (var day = 0; day <= 60; day++)
        {
            var letter = Of(await Run(Today.AddDays(day)), "messages", debtorId).FirstOrDefault(m => m.GetProperty("channel").GetString() == "letter");
            if (letter.ValueKind == JsonValueKind.Object)
            {
                return letter;
            }
        }

        throw new AssertionException("The ladder never reached a letter.");
    }

    protected static IEnumerable<JsonElement> Of(JsonElement run, string list, string debtorId) =>
        run.GetProperty(list).EnumerateArray().Where(e => e.GetProperty("debtorId").GetString() == debtorId);

    protected static string[] Ids(JsonElement element) => element.GetProperty("invoiceIds").EnumerateArray().Select(i => i.GetString()!).ToArray();

    protected async Task<JsonElement> Communications(string debtorId) =>
        await (await Staff.GetAsync($"/api/v1/debtors/{debtorId}/communications")).ShouldBe(HttpStatusCode.OK);

    /// <summary>A second instance on the same database, with its own services, instance id and clock (set to this one's).</summary>
    private protected CollectionsApp StartAnotherInstance(IEmailSender sender)
    {
        var other = new CollectionsApp(App.Database, Settings, services => services.AddSingleton(sender));
        other.Time.SetUtcNow(App.Time.GetUtcNow());
        _ = other.Services;
        return other;
    }

    /// <summary>One outbox batch on the given instance, as its background dispatcher would run it.</summary>
    private protected static async Task<int> DispatchOn(CollectionsApp instance)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(500, CancellationToken.None);
    }

    /// <summary>The debtor's one e-mail, as staff see it.</summary>
    protected async Task<JsonElement> EmailOf(string debtorId) =>
        (await Communications(debtorId)).EnumerateArray().Single(m => m.GetProperty("channel").GetString() == "email");

    protected void AdvanceTo(DateTimeOffset instant)
    {
        if (instant > App.Time.GetUtcNow())
        {
            App.Time.SetUtcNow(instant);
        }
    }
}
