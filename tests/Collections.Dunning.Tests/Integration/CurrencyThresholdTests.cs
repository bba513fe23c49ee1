using System.Net;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Dunning.Tests.Integration;

/// <summary>
/// Thresholds and rankings across currencies go through the indicative rates: 1 JPY = 0.0062 EUR, so the 5 EUR small
/// balance is 806 JPY, and 700 JPY (4.34 EUR) ranks below 4.90 EUR though it is more minor units.
/// </summary>
public sealed class CurrencyThresholdTests(DatabaseProvider provider) : DunningFixture(provider)
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [new("Collections:FxRates:JPY", "0.0062")];

    [Test]
    public async Task SmallBalances_InEachCurrency_AreProposedForWriteOff_AndRankedInTheReportingCurrency()
    {
        var (euros, eurosExt) = await CreateDebtor("Euro Kleinbetrag GmbH");
        var (yen, yenExt) = await CreateDebtor("Yen Small KK");
        var (rest, restExt) = await CreateDebtor("Yen Not Small KK");
        await CreateInvoice(eurosExt, Today.AddDays(-8), 4.90m);
        await CreateInvoice(yenExt, Today.AddDays(-8), 700m, currency: "JPY");
        await CreateInvoice(restExt, Today.AddDays(-8), 900m, currency: "JPY");

        var run = await Run();

        Assert.That(Of(run, "tasks", euros).Single().GetProperty("action").GetString(), Is.EqualTo("propose_write_off"));
        Assert.That(Of(run, "tasks", yen).Single().GetProperty("action").GetString(), Is.EqualTo("propose_write_off"), "700 JPY is below 806 JPY");
        Assert.That(Of(run, "tasks", rest), Is.Empty, "900 JPY is above the scaled threshold: it is chased");
        Assert.That(Of(run, "messages", rest), Is.Not.Empty);

        var worklist = (await (await Staff.GetAsync("/api/v1/worklist?limit=500")).ShouldBe(HttpStatusCode.OK)).EnumerateArray()
            .Select(w => w.GetProperty("task").GetProperty("debtorId").GetString()).Where(id => id == euros || id == yen).ToList();
        Assert.That(worklist, Is.EqualTo(new[] { euros, yen }), "4.90 EUR outranks 700 JPY (4.34 EUR)");
    }
}
