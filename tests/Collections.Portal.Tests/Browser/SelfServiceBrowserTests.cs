using System.Net;
using Collections.Portal.Tests.Integration;
using Collections.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Collections.Portal.Tests.Browser;

/// <summary>Disputes, payment plans, promises and bank transfer, against the real modules. Online payments are off here.</summary>
public sealed class SelfServiceBrowserTests : PortalBrowserFixture
{
    private const string TinyPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Payments:BankTransferInstructions:EUR:AccountHolder"] = "Creditor GmbH",
        ["Payments:BankTransferInstructions:EUR:Iban"] = "DE89370400440532013000",
        ["Payments:BankTransferInstructions:EUR:Bic"] = "COBADEFFXXX",
    };

    private async Task<(string DebtorId, string[] Invoices)> DebtorWithInvoices(params decimal[] totals)
    {
        var external = Unique("deb");
        var debtorId = (await Erp.PutDebtor(external, PortalApi.Debtor())).Id();
        var invoices = new List<string>();
        foreach (var total in totals)
        {
            invoices.Add((await Erp.PutInvoice(Unique("inv"), TestData.InvoiceBody(external, total, dueDate: "2026-02-20"))).Id());
        }

        return (debtorId, invoices.ToArray());
    }

    private async Task OpenPortal(string debtorId)
    {
        await Page.GotoAsync(await MagicLink(debtorId));
        await Expect(Page.Locator("[data-figure=total-due]")).ToBeVisibleAsync();
    }

    private Task Go(string section) => Page.Locator("#nav").GetByRole(AriaRole.Link, new() { Name = section, Exact = true }).ClickAsync();

    [Test]
    public async Task Dispute_OpenedWithAttachment_ThenRepliedAndWithdrawn()
    {
        var (debtorId, invoices) = await DebtorWithInvoices(500m);
        var evidence = Path.Combine(Path.GetTempPath(), $"delivery-note-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(evidence, Convert.FromBase64String(TinyPng));
        await OpenPortal(debtorId);
        await Go("Disputes");

        await Page.GetByLabel("Amount in dispute (optional)").FillAsync("120.00");
        await Page.GetByLabel("Reason").SelectOptionAsync("quantity");
        await Page.GetByLabel("What is wrong?").FillAsync("We received 8 pallets, not 10.");
        await Page.GetByLabel("Evidence (optional)").SetInputFilesAsync(evidence);
        await Screenshot("disputes-form");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Raise the dispute" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Dispute");
        await Expect(Page.Locator("[data-list=attachments] li")).ToContainTextAsync(Path.GetFileName(evidence));
        var invoice = await (await Staff.GetAsync($"/api/v1/invoices/{invoices[0]}")).ShouldBe(HttpStatusCode.OK);
        Assert.That(invoice.GetProperty("disputed").Amount(), Is.EqualTo(120m));
        await Screenshot("dispute");

        await Page.GetByLabel("Your message").FillAsync("The delivery note is attached.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(Page.Locator("ol.thread li")).ToContainTextAsync("The delivery note is attached.");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Withdraw this dispute" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, withdraw the dispute" }).ClickAsync();
        await Expect(Page.Locator("dd[data-status]")).ToHaveTextAsync("withdrawn");
    }

    [Test]
    public async Task Dispute_WhenFormIncomplete_SaysWhatIsMissing()
    {
        var (debtorId, _) = await DebtorWithInvoices(80m);
        await OpenPortal(debtorId);
        await Go("Disputes");

        await Page.GetByLabel("Amount in dispute (optional)").FillAsync("99.00");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Raise the dispute" }).ClickAsync();

        var alert = Page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("cannot be more than €80.00");
        await Expect(alert).ToContainTextAsync("Choose a reason.");
        await Expect(alert).ToContainTextAsync("Describe what is wrong.");
    }

    [Test]
    public async Task PaymentPlan_QuoteFollowsTheChoices_ThenTheActivePlanShowsItsSchedule()
    {
        var (debtorId, _) = await DebtorWithInvoices(600m, 300m);
        await OpenPortal(debtorId);
        await Go("Payment plan");
        await Expect(Page.Locator("[data-quote] table[data-table=schedule] tbody tr")).ToHaveCountAsync(3);
        await Expect(Page.Locator("[data-quote]")).ToContainTextAsync("€900.00");

        await Page.GetByLabel("Number of payments").SelectOptionAsync("4");

        await Expect(Page.Locator("[data-quote] table[data-table=schedule] tbody tr")).ToHaveCountAsync(4);
        await Expect(Page.Locator("[data-quote]")).ToContainTextAsync("€225.00");
        await Screenshot("plan-quote");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Propose this plan" }).ClickAsync();

        await Expect(Page.Locator("section[data-plan] table[data-table=schedule] tbody tr")).ToHaveCountAsync(4);
        await Expect(Page.Locator("section[data-plan] h2")).ToHaveTextAsync("Your payment plan");
        var plans = await (await Staff.GetAsync($"/api/v1/payment-plans?debtorId={debtorId}")).ShouldBe(HttpStatusCode.OK);
        Assert.That(plans.GetProperty("items").EnumerateArray().Single().GetProperty("status").GetString(), Is.EqualTo("active"));
        await Screenshot("plan");
    }

    [Test]
    public async Task Promise_IsRecordedAndListed()
    {
        var (debtorId, _) = await DebtorWithInvoices(250m);
        await OpenPortal(debtorId);
        await Go("Promise to pay");

        await Page.GetByLabel("I will pay by").FillAsync("2026-03-20");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Promise this payment" }).ClickAsync();

        await Expect(Page.Locator("[data-list=promises] li")).ToContainTextAsync("€250.00 by Mar 20, 2026");
        var promises = await (await Staff.GetAsync($"/api/v1/promises?debtorId={debtorId}")).ShouldBe(HttpStatusCode.OK);
        Assert.That(promises.GetArrayLength(), Is.EqualTo(1));
        await Screenshot("promise");
    }

    [Test]
    public async Task Promise_OffersOnlyInvoicesWithoutALivePromise_AndRefusesMoreThanTheChosenOnes()
    {
        var (debtorId, invoices) = await DebtorWithInvoices(250m, 100m);
        using var promise = new HttpRequestMessage(HttpMethod.Post, "/api/v1/promises")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { debtorId, amount = new { amount = 100m, currency = "EUR" }, promisedDate = "2026-03-20", invoiceIds = new[] { invoices[1] } }),
        };
        promise.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        await (await Staff.SendAsync(promise)).ShouldBe(HttpStatusCode.Created);
        await OpenPortal(debtorId);
        await Go("Promise to pay");

        await Expect(Page.Locator($"[id='promise-inv-{invoices[0]}']")).ToBeCheckedAsync();
        await Expect(Page.Locator($"[id='promise-inv-{invoices[1]}']")).ToHaveCountAsync(0);
        await Page.GetByLabel("Amount (EUR)").FillAsync("300.00");
        await Page.GetByLabel("I will pay by").FillAsync("2026-03-20");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Promise this payment" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("more than what is open on these invoices (€250.00)");
    }

    [Test]
    public async Task Reminders_SentByADunningRun_ShowOnOverviewAndActivity()
    {
        var (debtorId, _) = await DebtorWithInvoices(640m);
        using var run = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dunning/runs") { Content = System.Net.Http.Json.JsonContent.Create(new { asOf = "2026-03-02", dryRun = false }) };
        await (await Staff.SendAsync(run)).ShouldBe(HttpStatusCode.OK);
        var sent = await (await Staff.GetAsync($"/api/v1/debtors/{debtorId}/communications")).ShouldBe(HttpStatusCode.OK);
        Assert.That(sent.GetArrayLength(), Is.GreaterThan(0));
        var subject = sent[sent.GetArrayLength() - 1].GetProperty("subject").GetString()!;

        await OpenPortal(debtorId);

        await Expect(Page.Locator("[data-list=messages] li").First).ToContainTextAsync(subject);
        await Go("Activity");
        await Page.Locator("[data-list=messages] summary").First.ClickAsync();
        await Expect(Page.Locator("[data-list=messages] .message-body").First).ToBeVisibleAsync();
        await Screenshot("activity-messages");
    }

    [Test]
    public async Task Pay_WhenOnlinePaymentsAreNotConfigured_OffersBankTransferOnly()
    {
        var (debtorId, _) = await DebtorWithInvoices(75m);
        await OpenPortal(debtorId);

        await Go("Pay");

        await Expect(Page.Locator("main")).ToContainTextAsync("Online card and bank debit payments are not available");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Continue to secure payment" })).ToHaveCountAsync(0);
        await Expect(Page.Locator("[data-bank=EUR]")).ToContainTextAsync("DE89370400440532013000");
        await Screenshot("pay-bank-transfer");
    }
}
