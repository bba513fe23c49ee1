using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Collections.Api.Features.Demo;

/// <summary>What the demo book left behind for the newcomer to open.</summary>
public sealed record DemoBookSummary(int Debtors, int Invoices, string PortalDebtor, string PortalLink);

/// <summary>
/// Five weeks of a creditor's receivables, told through the public API exactly as an ERP, a collector and a debtor would
/// tell it: ten debtors in six languages and seven time zones, invoices in every aging bucket, reminders, a kept and a
/// broken promise, a part dispute with its thread, an active plan and payments. The story clock starts five weeks ago and
/// ends today, so every date the book shows is one the rules produced.
/// </summary>
public sealed class DemoBook(Func<string, HttpClient> clientWithToken, string adminKey, IStoryClock clock)
{
    public static readonly TimeSpan StoryLength = TimeSpan.FromDays(40);

    private static readonly DemoDebtor[] Debtors =
    [
        new("demo-nordwind", "Nordwind Handels GmbH", "DE", "Europe/Berlin", "de", "EUR", "standard", "Jana Krüger", "jana.krueger@nordwind.example",
            new(["Am Sandtorkai 48"], "20457", "Hamburg")),
        new("demo-lefevre", "Boulangerie Lefèvre SARL", "FR", "Europe/Paris", "fr", "EUR", "standard", "Camille Lefèvre", "camille@lefevre.example",
            new(["12 rue des Martyrs"], "75009", "Paris")),
        new("demo-atlantic", "Atlantic Freight LLC", "US", "America/New_York", "en", "USD", "strategic", "Dana Brooks", "ap@atlanticfreight.example",
            new(["200 Port Street", "Building C"], "07114", "Newark", "NJ")),
        new("demo-pacific", "Pacific Components Pty Ltd", "AU", "Australia/Sydney", "en", "AUD", "high_risk", "Liam O'Connor", "accounts@pacificcomponents.example",
            new(["Level 12", "60 Margaret Street"], "2000", "Sydney", "NSW")),
        new("demo-tokyo", "Tokyo Precision KK", "JP", "Asia/Tokyo", "en", "JPY", "strategic", "Haruka Sato", "h.sato@tokyoprecision.example",
            new(["2-7-1 Marunouchi"], "100-0005", "Chiyoda-ku", "Tokyo")),
        new("demo-sol", "Distribuciones Sol S.L.", "ES", "Europe/Madrid", "es", "EUR", "standard", "Lucía Fernández", "lucia@distribucionessol.example",
            new(["Calle de Alcalá 85, 3º"], "28009", "Madrid")),
        new("demo-vanderberg", "Van der Berg Techniek B.V.", "NL", "Europe/Amsterdam", "nl", "EUR", "standard", "Sanne de Vries", "crediteuren@vanderberg.example",
            new(["Stationsweg 21"], "3511 ED", "Utrecht")),
        new("demo-rossi", "Officine Rossi S.r.l.", "IT", "Europe/Rome", "it", "EUR", "high_risk", "Giulia Rossi", "amministrazione@officinerossi.example",
            new(["Via Giuseppe Mazzini 14"], "40137", "Bologna", "BO")),
        new("demo-maple", "Maple Leaf Supplies Inc.", "CA", "America/Toronto", "en", "CAD", "standard", "Noah Tremblay", "payables@mapleleaf.example",
            new(["220 Front Street West", "Unit 1100"], "M5V 3A1", "Toronto", "ON")),
        new("demo-alpen", "Alpen Logistik AG", "CH", "Europe/Zurich", "de-CH", "CHF", "strategic", "Urs Meier", "kreditoren@alpenlogistik.example",
            new(["Bahnhofstrasse 52"], "8001", "Zürich")),
    ];

    /// <summary>Due dates relative to today: not yet due, then one per aging bucket up to well over 120 days.</summary>
    private static readonly int[] DueInDays = [12, -10, -40, -70, -100, -150];

    private readonly HttpClient admin = clientWithToken(adminKey);
    private readonly Dictionary<string, string> debtorIds = [];
    private readonly List<DemoInvoice> invoices = [];
    private readonly HashSet<string> imported = [];

    private DateOnly today;

    public async Task<DemoBookSummary> TellAsync(CancellationToken ct)
    {
        var start = clock.Now;
        var end = start + StoryLength;
        today = DateOnly.FromDateTime(end.UtcDateTime);
        PlanInvoices();

        foreach (var debtor in Debtors)
        {
            var body = await Send(admin, HttpMethod.Put, $"/api/v1/debtors/by-external-id/{debtor.ExternalId}", debtor.Body(), ct);
            debtorIds[debtor.ExternalId] = body.GetProperty("id").GetString()!;
        }

        await ImportIssuedInvoicesAsync(ct);
        await AtAsync(-30, ct);
        await RunDunningAsync(ct);

        // A collector's calls: Lefèvre and Atlantic each promise to pay an overdue invoice; only Lefèvre keeps its word.
        await AtAsync(-25, ct);
        var kept = OpenInvoice("demo-lefevre", dueInDays: -70);
        var broken = OpenInvoice("demo-atlantic", dueInDays: -40);
        await PromiseAsync(kept, today.AddDays(-18), ct);
        await PromiseAsync(broken, today.AddDays(-15), ct);

        await AtAsync(-20, ct);
        await ImportIssuedInvoicesAsync(ct);
        await RunDunningAsync(ct);
        await PayAsync(kept, kept.Total, "SEPA credit transfer", ct);

        // Nordwind disputes part of a delivery in the portal, then agrees a plan for two other invoices.
        await AtAsync(-10, ct);
        await RunDunningAsync(ct);
        var disputed = OpenInvoice("demo-nordwind", dueInDays: -40);
        var nordwind = await DebtorSessionAsync("demo-nordwind", ct);
        var dispute = await Send(nordwind, HttpMethod.Post, "/api/v1/disputes", new
        {
            invoiceId = disputed.Id,
            amount = Math.Round(disputed.Total * 0.3m, 2),
            reason = "damaged_or_defective",
            description = "Three of the ten pallets arrived with broken packaging; the goods on them cannot be sold.",
        }, ct, idempotent: true);
        var disputeId = dispute.GetProperty("id").GetString()!;
        await Send(admin, HttpMethod.Post, $"/api/v1/disputes/{disputeId}/assign", new { assignee = "Maria Weber" }, ct);
        await Send(admin, HttpMethod.Post, $"/api/v1/disputes/{disputeId}/messages", new
        {
            body = "Thank you for letting us know. Could you send photos of the damaged pallets and the delivery note? We have asked our carrier for theirs.",
        }, ct);

        await AtAsync(-8, ct);
        nordwind = await DebtorSessionAsync("demo-nordwind", ct);
        await Send(nordwind, HttpMethod.Post, $"/api/v1/disputes/{disputeId}/messages", new
        {
            body = "Photos are on their way by e-mail; the driver noted the damage on the delivery note (no. 4711).",
        }, ct);
        var planned = invoices.Where(i => i.Debtor == "demo-nordwind" && i != disputed && i.DueInDays < 0).Select(i => i.Id).ToArray();
        await Send(nordwind, HttpMethod.Post, "/api/v1/payment-plans", new
        {
            invoiceIds = planned,
            installmentCount = 3,
            frequency = "monthly",
            firstPaymentDate = Iso(today.AddDays(7)),
        }, ct, idempotent: true);

        // Money comes in: one invoice paid in full, two debtors paying part of what they owe.
        await AtAsync(-5, ct);
        await ImportIssuedInvoicesAsync(ct);
        var sol = OpenInvoice("demo-sol", dueInDays: -70);
        await PayAsync(sol, sol.Total, "Transferencia 2026/118", ct);
        var rossi = OpenInvoice("demo-rossi", dueInDays: -150);
        await PayAsync(rossi, Math.Round(rossi.Total / 3, 2), "Bonifico parziale", ct);
        var maple = OpenInvoice("demo-maple", dueInDays: -100);
        await PayAsync(maple, Math.Round(maple.Total / 2, 2), "EFT 88213", ct);

        // Today: the morning run finds Atlantic's broken promise and queues the next reminders.
        clock.AdvanceTo(end);
        await ImportIssuedInvoicesAsync(ct);
        await RunDunningAsync(ct);

        var link = await Send(admin, HttpMethod.Post, $"/api/v1/debtors/{debtorIds["demo-nordwind"]}/portal-links", new { }, ct);
        return new DemoBookSummary(Debtors.Length, invoices.Count, Debtors[0].Name, link.GetProperty("url").GetString()!);
    }

    private void PlanInvoices()
    {
        for (var d = 0; d < Debtors.Length; d++)
        {
            var debtor = Debtors[d];
            var zeroDecimal = debtor.Currency == "JPY";
            for (var k = 0; k < 3; k++)
            {
                var dueInDays = DueInDays[(d + (2 * k)) % DueInDays.Length];
                var total = 850m + (415.35m * d) + (1_260.40m * k);
                total = zeroDecimal ? Math.Round(total * 100m) : total;
                var due = today.AddDays(dueInDays);
                invoices.Add(new DemoInvoice(
                    debtor.ExternalId, $"{debtor.ExternalId}-{k + 1}", $"{debtor.ExternalId[5..8].ToUpperInvariant()}-{2026_0100 + (d * 10) + k}",
                    debtor.Currency, due.AddDays(-30), due, dueInDays, total));
            }
        }
    }

    private async Task AtAsync(int daysBeforeToday, CancellationToken ct)
    {
        var instant = new DateTimeOffset(today.AddDays(daysBeforeToday).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        if (instant > clock.Now)
        {
            clock.AdvanceTo(instant);
        }

        await ImportIssuedInvoicesAsync(ct);
    }

    /// <summary>The ERP sends what it has invoiced so far: an invoice enters the book on the day it is issued.</summary>
    private async Task ImportIssuedInvoicesAsync(CancellationToken ct)
    {
        var now = DateOnly.FromDateTime(clock.Now.UtcDateTime);
        var issued = invoices.Where(i => i.IssueDate <= now && !imported.Contains(i.ExternalId)).ToList();
        if (issued.Count == 0)
        {
            return;
        }

        var result = await Send(admin, HttpMethod.Post, "/api/v1/invoices/import", new { invoices = issued.Select(i => i.Body()) }, ct);
        foreach (var item in result.GetProperty("items").EnumerateArray())
        {
            var invoice = issued[item.GetProperty("index").GetInt32()];
            invoice.Id = item.GetProperty("invoiceId").GetString()
                ?? throw new InvalidOperationException($"The demo invoice {invoice.ExternalId} was rejected: {item.GetProperty("errors")}");
            imported.Add(invoice.ExternalId);
        }
    }

    private Task RunDunningAsync(CancellationToken ct) => Send(admin, HttpMethod.Post, "/api/v1/dunning/runs", new { }, ct);

    private Task PromiseAsync(DemoInvoice invoice, DateOnly promisedDate, CancellationToken ct) =>
        Send(admin, HttpMethod.Post, "/api/v1/promises", new
        {
            debtorId = debtorIds[invoice.Debtor],
            amount = new { amount = invoice.Total, currency = invoice.Currency },
            promisedDate = Iso(promisedDate),
            invoiceIds = new[] { invoice.Id },
        }, ct, idempotent: true);

    private Task PayAsync(DemoInvoice invoice, decimal amount, string reference, CancellationToken ct) =>
        Send(admin, HttpMethod.Post, "/api/v1/payments", new
        {
            debtorId = debtorIds[invoice.Debtor],
            amount,
            currency = invoice.Currency,
            method = "bank_transfer",
            reference,
            receivedAt = Iso(DateOnly.FromDateTime(clock.Now.UtcDateTime)),
            allocations = new[] { new { invoiceId = invoice.Id, amount } },
        }, ct, idempotent: true);

    /// <summary>The debtor opens a fresh magic link, as from a reminder, and acts in its own portal session.</summary>
    private async Task<HttpClient> DebtorSessionAsync(string externalId, CancellationToken ct)
    {
        var link = await Send(admin, HttpMethod.Post, $"/api/v1/debtors/{debtorIds[externalId]}/portal-links", new { }, ct);
        var token = Uri.UnescapeDataString(link.GetProperty("url").GetString()!.Split("token=")[1]);
        var session = await Send(admin, HttpMethod.Post, "/api/v1/portal/sessions", new { token }, ct);
        return clientWithToken(session.GetProperty("sessionToken").GetString()!);
    }

    private DemoInvoice OpenInvoice(string debtor, int dueInDays) =>
        invoices.Single(i => i.Debtor == debtor && i.DueInDays == dueInDays);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>One API call; a busy database (503) is retried as any client would, anything else unexpected stops the story.</summary>
    private static async Task<JsonElement> Send(HttpClient client, HttpMethod method, string path, object body, CancellationToken ct, bool idempotent = false)
    {
        var key = Guid.NewGuid().ToString();
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
            if (idempotent)
            {
                request.Headers.Add("Idempotency-Key", key);
            }

            using var response = await client.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if (response.IsSuccessStatusCode)
            {
                return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
            }

            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 5)
            {
                throw new InvalidOperationException($"The demo book's {method} {path} answered {(int)response.StatusCode}: {text}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), ct);
        }
    }

    private sealed record DemoDebtor(
        string ExternalId, string Name, string CountryCode, string TimeZone, string Language, string Currency, string Segment, string Contact, string Email,
        DemoAddress Address)
    {
        public object Body() => new
        {
            name = Name,
            countryCode = CountryCode,
            timeZone = TimeZone,
            language = Language,
            currency = Currency,
            creditLimit = Currency == "JPY" ? 5_000_000m : 25_000m,
            paymentTermsDays = 30,
            segment = Segment,
            contacts = new[] { new { name = Contact, email = Email, role = "accounts_payable", isPrimary = true } },
            billingAddress = new { lines = Address.Lines, postalCode = Address.PostalCode, city = Address.City, region = Address.Region, country = CountryCode },
        };
    }

    /// <summary>A billing address in the debtor's country, as its letters print it.</summary>
    private sealed record DemoAddress(string[] Lines, string PostalCode, string City, string? Region = null);

    private sealed record DemoInvoice(
        string Debtor, string ExternalId, string Number, string Currency, DateOnly IssueDate, DateOnly DueDate, int DueInDays, decimal Total)
    {
        public string Id { get; set; } = "";

        public object Body() => new
        {
            externalId = ExternalId,
            debtorExternalId = Debtor,
            number = Number,
            currency = Currency,
            issueDate = Iso(IssueDate),
            dueDate = Iso(DueDate),
            total = Total,
        };
    }
}
