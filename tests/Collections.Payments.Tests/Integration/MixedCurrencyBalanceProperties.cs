using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Collections.SharedKernel.Data;
using Collections.Testing;
using FsCheck.Fluent;
using Check = FsCheck.Check;
using Config = FsCheck.Config;

namespace Collections.Payments.Tests.Integration;

/// <summary>
/// Random sequences of invoices, payments (by wire and through Stripe), refunds, chargebacks, credit notes, applied credit and
/// write-offs, in a two-decimal, a zero-decimal and a three-decimal currency, driven through the API. Whatever the sequence,
/// per currency: the invoices' balances are charges − allocations − credits + reversals, none is negative, no payment is
/// refunded beyond itself or spends credit it has not, and the statement and the aging report show the same balance.
/// </summary>
public sealed class MixedCurrencyBalanceProperties(DatabaseProvider provider) : StripeFixture(provider)
{
    private static readonly Dictionary<string, int> Exponents = new() { ["EUR"] = 2, ["JPY"] = 0, ["KWD"] = 3 };

    private enum Kind { Invoice, Wire, Card, Refund, Chargeback, CreditNote, ApplyCredit, WriteOff }

    private sealed record Step(Kind Kind, string Currency, int Size)
    {
        public override string ToString() => $"{Kind} {Currency} {Size}";
    }

    [Test]
    public void Balances_AfterAnyMixedCurrencySequence_AddUp()
    {
        var step = Gen.Elements(Enum.GetValues<Kind>()).SelectMany(kind => Gen.Elements(Exponents.Keys.ToArray()).SelectMany(currency => Gen.Choose(1, 100).Select(size => new Step(kind, currency, size))));
        var sequences = Gen.Choose(4, 10).SelectMany(length => Gen.ArrayOf(step, length));
        var property = Prop.ForAll(Arb.From(sequences), steps => Run(steps).GetAwaiter().GetResult());

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(25), property);
    }

    private async Task<bool> Run(Step[] steps)
    {
        var ext = Unique("deb");
        var debtor = await Erp.NewDebtor(ext, TestData.DebtorBody());
        var book = new Book(debtor, ext);
        foreach (var currency in Exponents.Keys)
        {
            await Apply(book, new Step(Kind.Invoice, currency, 50));
        }

        foreach (var s in steps)
        {
            await Apply(book, s);
        }

        foreach (var currency in Exponents.Keys)
        {
            await CheckCurrency(book, currency, string.Join(", ", steps.Select(s => s.ToString())));
        }

        return true;
    }

    /// <summary>Carries out one step if the debtor's state allows it (a refund needs a payment); otherwise it is skipped.</summary>
    private async Task Apply(Book book, Step step)
    {
        var currency = step.Currency;
        var unit = Pow10(Exponents[currency]);
        // Amounts in Stripe's steps for every currency (KWD in tens of fils), so a card can pay any of them.
        var minor = (long)step.Size * 10 * (currency == "JPY" ? 100 : unit / 10);
        switch (step.Kind)
        {
            case Kind.Invoice:
                await Erp.NewInvoice(book.External, Major(minor, currency), "2026-01-01", "2026-02-01", currency);
                break;
            case Kind.Wire:
                await Erp.Pay(TestData.PaymentBody(book.Debtor, Major(minor / 2, currency), currency));
                break;
            case Kind.Card when await OldestOpen(book, currency) is { } invoice:
                var (_, session) = await Checkout(Staff, new { debtorId = book.Debtor, invoices = new[] { new { invoiceId = invoice.Id, amount = Major(StepDown(invoice.Balance, currency), currency) } } });
                await Stripe.CompleteAsync(session);
                book.Sessions.Add(session);
                break;
            case Kind.Refund when (await Payments(book, currency)).LastOrDefault(p => p.GetProperty("status").GetString() != "chargeback" && Minor(p, "amount") > Minor(p, "refunded")) is { ValueKind: JsonValueKind.Object } payment:
                var refundable = Minor(payment, "amount") - Minor(payment, "refunded");
                var refund = StepDown(Math.Max(refundable * step.Size / 100, 1), currency);
                if (refund > 0)
                {
                    await (await Staff.PostKeyed($"/api/v1/payments/{payment.Id()}/refunds", new { amount = Major(refund, currency), reason = "Property" })).ShouldBe(HttpStatusCode.Created);
                    await Stripe.WhenIdleAsync();
                }

                break;
            case Kind.Chargeback when book.Sessions.Select(s => Stripe.Session(s)!).LastOrDefault(s => (string?)s["currency"] == currency.ToLowerInvariant() && !book.Disputed.Contains((string)s["id"]!)) is { } disputed:
                book.Disputed.Add((string)disputed["id"]!);
                var total = (long)disputed["amount_total"]!;
                await Stripe.SendEventAsync("charge.dispute.created", new JsonObject
                {
                    ["id"] = $"dp_{Guid.NewGuid():N}",
                    ["object"] = "dispute",
                    ["amount"] = Math.Max(total * step.Size / 100, 1),
                    ["currency"] = currency.ToLowerInvariant(),
                    ["payment_intent"] = (string)disputed["payment_intent"]!,
                    ["reason"] = "fraudulent",
                    ["status"] = "needs_response",
                });
                break;
            case Kind.CreditNote when await OldestOpen(book, currency) is { } invoice:
                var credit = Math.Max(invoice.Balance * step.Size / 100, 1);
                await (await Erp.PostKeyed($"/api/v1/invoices/{invoice.Id}/credit-notes", new { amount = Major(credit, currency), reason = "Property" })).ShouldBe(HttpStatusCode.Created);
                break;
            case Kind.ApplyCredit:
                var applied = await Erp.PostKeyed($"/api/v1/debtors/{book.Debtor}/credit/apply", new { currency });
                Assert.That((int)applied.StatusCode, Is.AnyOf(200, 201, 422), await applied.Content.ReadAsStringAsync());
                break;
            case Kind.WriteOff when await OldestOpen(book, currency) is { } invoice:
                await (await Staff.PostAsJsonAsync($"/api/v1/invoices/{invoice.Id}/write-off", new { reason = "Property" })).ShouldBe(HttpStatusCode.OK);
                book.WrittenOff[currency] = book.WrittenOff.GetValueOrDefault(currency) + invoice.Balance;
                break;
        }
    }

    private async Task CheckCurrency(Book book, string currency, string steps)
    {
        var invoices = (await Invoices(book)).Where(i => i.GetProperty("currency").GetString() == currency).ToList();
        var payments = await Payments(book, currency);
        var charges = invoices.Sum(i => Minor(i, "total"));
        var credited = invoices.Sum(i => Minor(i, "credited"));
        var allocations = payments.SelectMany(p => p.GetProperty("allocations").EnumerateArray()).ToList();
        var allocated = allocations.Sum(a => Minor(a, "amount") + Minor(a, "discount"));
        var reversed = allocations.Sum(a => Minor(a, "reversed"));
        var balance = invoices.Sum(i => Minor(i, "balance"));

        Assert.That(balance, Is.EqualTo(charges - allocated - credited - book.WrittenOff.GetValueOrDefault(currency) + reversed), $"{currency} after {steps}");
        Assert.That(invoices.Select(i => Minor(i, "balance")), Has.All.GreaterThanOrEqualTo(0), $"{currency} after {steps}");
        Assert.That(payments.Select(p => Minor(p, "amount") - Minor(p, "refunded")), Has.All.GreaterThanOrEqualTo(0), $"{currency} after {steps}");
        Assert.That(payments.Select(p => Minor(p, "unapplied")), Has.All.GreaterThanOrEqualTo(0), $"{currency} after {steps}");

        var statement = await (await Staff.GetAsync($"/api/v1/debtors/{book.Debtor}/statement")).ShouldBe(HttpStatusCode.OK);
        var stated = statement.GetProperty("totals").EnumerateArray().Where(t => t.GetProperty("currency").GetString() == currency).Sum(t => Minor(t, "balance"));
        Assert.That(stated, Is.EqualTo(balance), $"statement, {currency} after {steps}");
        var aging = await (await Staff.GetAsync("/api/v1/reports/aging")).ShouldBe(HttpStatusCode.OK);
        var aged = aging.GetProperty("debtors").EnumerateArray()
            .Where(d => d.GetProperty("debtorId").GetString() == book.Debtor && d.GetProperty("currency").GetString() == currency)
            .Sum(d => Minor(d.GetProperty("amounts"), "total"));
        Assert.That(aged, Is.EqualTo(balance), $"aging, {currency} after {steps}");
    }

    private async Task<(string Id, long Balance)?> OldestOpen(Book book, string currency) =>
        (await Invoices(book)).Where(i => i.GetProperty("currency").GetString() == currency && Minor(i, "balance") > 0 && i.GetProperty("kind").GetString() == "invoice")
            .Select(i => ((string Id, long Balance)?)(i.Id(), Minor(i, "balance"))).FirstOrDefault();

    private async Task<List<JsonElement>> Invoices(Book book) =>
        (await (await Erp.GetAsync($"/api/v1/invoices?debtorId={book.Debtor}&limit=100")).ShouldBe(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToList();

    private async Task<List<JsonElement>> Payments(Book book, string currency) =>
        (await (await Staff.GetAsync($"/api/v1/payments?debtorId={book.Debtor}&limit=100")).ShouldBe(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Where(p => p.GetProperty("amount").GetProperty("currency").GetString() == currency).OrderBy(p => p.Id(), StringComparer.Ordinal).ToList();

    private static long Minor(JsonElement element, string property) =>
        (long)(element.GetProperty(property).GetProperty("amount").GetDecimal() * Pow10(Exponents[element.GetProperty(property).GetProperty("currency").GetString()!]));

    private static decimal Major(long minor, string currency) => minor / (decimal)Pow10(Exponents[currency]);

    /// <summary>Down to Stripe's step for the currency (tens of fils for KWD), so the amount can go through Stripe.</summary>
    private static long StepDown(long minor, string currency) => currency == "KWD" ? minor / 10 * 10 : minor;

    private static long Pow10(int exponent) => exponent switch { 0 => 1, 2 => 100, _ => 1000 };

    private sealed record Book(string Debtor, string External)
    {
        public List<string> Sessions { get; } = [];

        public HashSet<string> Disputed { get; } = [];

        public Dictionary<string, long> WrittenOff { get; } = [];
    }
}
