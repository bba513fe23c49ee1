using System.Net;
using Collections.Portal.Tests.Integration;
using Collections.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Collections.Portal.Tests.Browser;

/// <summary>
/// A debtor in EUR that also owes 600.00 and 300.00 USD: the promise, plan and pay pages work in one currency at a
/// time, chosen with the currency switch, and what they send is in that currency. Online payments are off here.
/// </summary>
public sealed class CurrencyChoiceBrowserTests : PortalBrowserFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Collections:FxRates:USD"] = "0.92",
        ["Payments:BankTransferInstructions:EUR:AccountHolder"] = "Creditor GmbH",
        ["Payments:BankTransferInstructions:EUR:Iban"] = "DE89370400440532013000",
        ["Payments:BankTransferInstructions:USD:AccountHolder"] = "Creditor Inc.",
        ["Payments:BankTransferInstructions:USD:AccountNumber"] = "000123456789",
        ["Payments:BankTransferInstructions:USD:RoutingNumber"] = "021000021",
    };

    private async Task<(string DebtorId, string ExternalId, string Euro, string[] Dollars)> DebtorInEuroAndDollars()
    {
        var external = Unique("deb");
        var debtorId = (await Erp.PutDebtor(external, PortalApi.Debtor())).Id();
        var euro = (await Erp.PutInvoice(Unique("inv"), TestData.InvoiceBody(external, 1000m, dueDate: "2026-02-20"))).Id();
        var dollars = new List<string>();
        foreach (var total in new[] { 600m, 300m })
        {
            dollars.Add((await Erp.PutInvoice(Unique("inv"), TestData.InvoiceBody(external, total, dueDate: "2026-02-25", currency: "USD"))).Id());
        }

        await Page.GotoAsync(await MagicLink(debtorId));
        await Expect(Page.Locator("[data-figure=total-due]")).ToContainTextAsync("$900.00");
        return (debtorId, external, euro, dollars.ToArray());
    }

    private Task Go(string section) => Page.Locator("#nav").GetByRole(AriaRole.Link, new() { Name = section, Exact = true }).ClickAsync();

    private async Task Switch(string currency)
    {
        await Page.Locator($"[data-currency-switch] a[data-currency={currency}]").ClickAsync();
        await Expect(Page.Locator($"[data-currency-switch] a[data-currency={currency}]")).ToHaveAttributeAsync("aria-current", "true");
    }

    [Test]
    public async Task Promise_InDollars_OffersTheDollarInvoicesAndSendsDollars()
    {
        var (debtorId, _, euro, dollars) = await DebtorInEuroAndDollars();
        await Go("Promise to pay");
        await Expect(Page.Locator($"[id='promise-inv-{euro}']")).ToBeCheckedAsync();
        await Expect(Page.GetByLabel("Amount (EUR)")).ToHaveValueAsync("1000.00");

        await Switch("USD");

        await Expect(Page.Locator($"[id='promise-inv-{euro}']")).ToHaveCountAsync(0);
        await Expect(Page.GetByLabel("Amount (USD)")).ToHaveValueAsync("900.00");
        await Page.Locator($"[id='promise-inv-{dollars[1]}']").UncheckAsync();
        await Expect(Page.GetByLabel("Amount (USD)")).ToHaveValueAsync("600.00");
        await Page.GetByLabel("Amount (USD)").FillAsync("450.50");
        await Page.GetByLabel("I will pay by").FillAsync("2026-03-20");
        await Screenshot("promise-usd");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Promise this payment" }).ClickAsync();

        await Expect(Page.Locator("[data-list=promises] li")).ToContainTextAsync("$450.50 by Mar 20, 2026");
        var promises = await (await Staff.GetAsync($"/api/v1/promises?debtorId={debtorId}")).ShouldBe(HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(promises[0].GetProperty("amount").GetProperty("currency").GetString(), Is.EqualTo("USD"));
            Assert.That(promises[0].GetProperty("amount").Amount(), Is.EqualTo(450.50m));
            Assert.That(promises[0].GetProperty("invoiceIds").EnumerateArray().Select(i => i.GetString()), Is.EqualTo(new[] { dollars[0] }));
        });
        await Expect(Page.Locator("[data-currency-switch] a[data-currency=USD]")).ToHaveAttributeAsync("aria-current", "true");
    }

    [Test]
    public async Task Plan_InDollars_QuotesAndProposesTheDollarInvoicesWithADollarDownPayment()
    {
        var (debtorId, _, euro, dollars) = await DebtorInEuroAndDollars();
        await Go("Payment plan");
        await Expect(Page.Locator("[data-quote]")).ToContainTextAsync("€1,000.00");

        await Switch("USD");

        await Expect(Page.Locator($"[data-plan-invoice='{euro}']")).ToHaveCountAsync(0);
        await Expect(Page.Locator("[data-quote] table[data-table=schedule] tbody tr")).ToHaveCountAsync(3);
        await Expect(Page.Locator("[data-quote]")).ToContainTextAsync("$900.00");
        await Page.GetByLabel("Down payment in USD (optional)").FillAsync("150.00");
        await Page.GetByLabel("Down payment in USD (optional)").DispatchEventAsync("change");
        await Expect(Page.Locator("[data-quote] table[data-table=schedule] tbody tr").First).ToContainTextAsync("$150.00");
        await Screenshot("plan-usd");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Propose this plan" }).ClickAsync();

        await Expect(Page.Locator("section[data-plan] table[data-table=schedule] tbody tr")).ToHaveCountAsync(3);
        var plans = await (await Staff.GetAsync($"/api/v1/payment-plans?debtorId={debtorId}")).ShouldBe(HttpStatusCode.OK);
        var plan = plans.GetProperty("items").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(plan.GetProperty("total").GetProperty("currency").GetString(), Is.EqualTo("USD"));
            Assert.That(plan.GetProperty("total").Amount(), Is.EqualTo(900m));
            Assert.That(plan.GetProperty("downPayment").GetProperty("currency").GetString(), Is.EqualTo("USD"));
            Assert.That(plan.GetProperty("downPayment").Amount(), Is.EqualTo(150m));
            Assert.That(plan.GetProperty("invoiceIds").EnumerateArray().Select(i => i.GetString()), Is.EquivalentTo(dollars));
        });
    }

    [Test]
    public async Task BankTransfer_InDollars_ShowsTheDollarAccountAmountAndReference()
    {
        var (_, external, _, _) = await DebtorInEuroAndDollars();
        await Go("Pay");
        await Expect(Page.Locator("[data-bank=EUR] [data-bank-amount]")).ToHaveTextAsync("€1,000.00");

        await Switch("USD");

        var bank = Page.Locator("[data-bank=USD]");
        await Expect(bank.Locator("[data-bank-amount]")).ToHaveTextAsync("$900.00");
        await Expect(bank).ToContainTextAsync("000123456789");
        await Expect(bank).ToContainTextAsync("021000021");
        await Expect(bank).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Payment reference\\s*RF[0-9]{2}( [0-9A-Z]{1,4})+"));
        await Expect(Page.Locator("[data-bank=EUR]")).ToHaveCountAsync(0);
        await Screenshot("bank-transfer-usd");
    }
}
