using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Dunning.Tests.Integration;

/// <summary>A few days ahead, the run tells the debtor that its early-payment discount ends, or that a plan installment is due: once.</summary>
public sealed class DueSoonTests(DatabaseProvider provider) : DunningFixture(provider)
{
    /// <summary>One debtor per batch: each debtor's notices are decided in a transaction of their own.</summary>
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Dunning:RunBatchSize", "1")];

    [Test]
    public async Task Run_WhenAnEarlyPaymentDiscountEndsInTwoDays_TellsTheDebtorOnce_AndNotForAnInvoicePaidInPart()
    {
        var (debtorId, ext) = await CreateDebtor();
        await DiscountedInvoice(ext, "DS-1");
        var partPaid = await DiscountedInvoice(ext, "DS-2");
        await Erp.Pay(TestData.PaymentBody(debtorId, 100.00m, method: "bank_transfer", receivedAt: Today.ToString("yyyy-MM-dd"), reference: "PART-1",
            allocations: [new { invoiceId = partPaid, amount = 100.00m }]));

        await Run();
        await Run();

        var notice = (await Of(debtorId, "discount_ending")).Single();
        Assert.That(notice.GetProperty("subject").GetString(), Is.EqualTo("Save €20.00: your early-payment discount ends soon"));
        Assert.That(Text(notice), Does.Contain("Invoice DS-1: pay €980.00 instead of €1,000.00").And.Contain($"Last day for the discount: {Today.AddDays(2):d MMMM yyyy}"));
        Assert.That(Text(notice), Does.Not.Contain("DS-2"));
    }

    [Test]
    public async Task Run_WhenAPlanInstallmentFallsDueInThreeDays_SendsAHeadsUpOnce()
    {
        var (debtorId, ext) = await CreateDebtor();
        var invoice = await CreateInvoice(ext, Today.AddDays(-10), 600.00m, number: "DS-P");
        var plan = await PostKeyed(Staff, "/api/v1/payment-plans", new
        {
            invoiceIds = new[] { invoice },
            installmentCount = 2,
            frequency = "monthly",
            firstPaymentDate = Today.AddDays(3).ToString("yyyy-MM-dd"),
        });
        if (plan.GetProperty("status").GetString() == "proposed")
        {
            await (await Staff.PostAsJsonAsync($"/api/v1/payment-plans/{plan.GetProperty("id").GetString()}/approve", new { })).ShouldBe(HttpStatusCode.OK);
        }

        await Run();
        await Run();

        var heads = (await Of(debtorId, "plan_installment_due")).Single();
        Assert.That(heads.GetProperty("subject").GetString(), Is.EqualTo($"Your payment plan: €300.00 due on {Today.AddDays(3):d MMMM yyyy}"));
        Assert.That(Text(heads), Does.Contain("Next instalment: €300.00").And.Contain("Paid so far: €0.00 of €600.00"));
        Assert.That((await Of(debtorId, "plan_agreed")).Count(), Is.EqualTo(1));
    }

    /// <summary>1,000.00 EUR issued eight days ago, 2 % off within 10 days: the discount (20.00) ends in two days.</summary>
    private async Task<string> DiscountedInvoice(string debtorExternalId, string number)
    {
        return await Erp.NewInvoice(debtorExternalId, 1000.00m, Today.AddDays(-8).ToString("yyyy-MM-dd"), Today.AddDays(22).ToString("yyyy-MM-dd"),
            terms: new { netDays = 30, earlyPaymentDiscount = new { percent = 2m, withinDays = 10 } }, poNumber: null, number: number);
    }

    private async Task<IEnumerable<JsonElement>> Of(string debtorId, string purpose) =>
        (await Communications(debtorId)).EnumerateArray().Where(m => m.GetProperty("purpose").GetString() == purpose).ToList();

    private static string Text(JsonElement message) => message.GetProperty("bodyText").GetString()!;

}
