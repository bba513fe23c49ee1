using System.Net;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Dunning.Tests.Integration;

/// <summary>
/// Where a letter goes: its page prints the recipient's address block (the contact's own address, else the debtor's billing
/// address; the country line only abroad, the creditor being in Germany here), and the case file shows the addresses.
/// </summary>
public sealed class PostalAddressTests(DatabaseProvider provider) : DunningFixture(provider)
{
    private static readonly object Billing = new { lines = new[] { "Invalidenstraße 117", "Hof <2>" }, postalCode = "10115", city = "Berlin", country = "DE" };

    private static readonly object Dublin = new { lines = new[] { "1 Grand Canal Square" }, postalCode = "d02 p820", city = "Dublin", region = "Co. Dublin", country = "IE" };

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Dunning:HomeCountry", "DE")];

    [Test]
    public async Task Letter_ToAContactWithItsOwnAddress_PrintsThatAddressWithItsCountry()
    {
        var (debtorId, ext) = await Erp.CreateDebtor(Body("Liffey Trading Ltd", Billing, Dublin));
        await CreateInvoice(ext, Today.AddDays(-31), number: "AD-1");

        var html = await Letter(debtorId);

        Assert.That(AddressBlock(html), Is.EqualTo("Liffey Trading Ltd<br>Anna Schmidt<br>1 Grand Canal Square<br>Dublin<br>Co. Dublin<br>D02 P820<br>IRELAND"));
    }

    [Test]
    public async Task Letter_WhenTheContactHasNoAddress_PrintsTheBillingAddressEscaped_AndNoCountryAtHome()
    {
        var (debtorId, ext) = await Erp.CreateDebtor(Body("Spree & Söhne <KG>", Billing, null));
        await CreateInvoice(ext, Today.AddDays(-31), number: "AD-2");

        var html = await Letter(debtorId);

        Assert.That(AddressBlock(html),
            Is.EqualTo("Spree &amp; S&#246;hne &lt;KG&gt;<br>Anna Schmidt<br>Invalidenstra&#223;e 117<br>Hof &lt;2&gt;<br>10115 Berlin"));
    }

    [Test]
    public async Task Letter_WithoutAnyAddress_HasNoAddressBlock()
    {
        var (debtorId, ext) = await CreateDebtor("Nowhere GmbH");
        await CreateInvoice(ext, Today.AddDays(-31), number: "AD-3");

        var html = await Letter(debtorId);

        Assert.That(html, Does.Not.Contain("<address"));
    }

    [Test]
    public async Task CaseFile_ShowsTheBillingAddressAndEachContactsAddress_InJsonAndHtml()
    {
        var (debtorId, _) = await Erp.CreateDebtor(Body("Liffey Trading Ltd", Billing, Dublin));

        var json = await (await Staff.GetAsync($"/api/v1/debtors/{debtorId}/case-file")).ShouldBe(HttpStatusCode.OK);
        var html = await (await Staff.GetAsync($"/api/v1/debtors/{debtorId}/case-file?format=html&language=en")).Content.ReadAsStringAsync();

        var debtor = json.GetProperty("debtor");
        Assert.Multiple(() =>
        {
            Assert.That(debtor.GetProperty("billingAddress").GetProperty("city").GetString(), Is.EqualTo("Berlin"));
            Assert.That(debtor.GetProperty("contacts")[0].GetProperty("address").GetProperty("postalCode").GetString(), Is.EqualTo("D02 P820"));
            Assert.That(html, Does.Contain("Billing address: Invalidenstra&#223;e 117, Hof &lt;2&gt;, 10115 Berlin, GERMANY"));
            Assert.That(html, Does.Contain("<th>Address</th>").And.Contain("1 Grand Canal Square, Dublin, Co. Dublin, D02 P820, IRELAND"));
        });
    }

    [Test]
    public async Task CaseFile_WithoutABillingAddress_SaysSo()
    {
        var (debtorId, _) = await CreateDebtor(language: "de");

        var html = await (await Staff.GetAsync($"/api/v1/debtors/{debtorId}/case-file?format=html")).Content.ReadAsStringAsync();

        Assert.That(html, Does.Contain("Keine Rechnungsanschrift hinterlegt."));
    }

    private async Task<string> Letter(string debtorId)
    {
        var letter = await RunUntilLetter(debtorId);
        var response = await Staff.GetAsync($"/api/v1/dunning/letters/{letter.GetProperty("id").GetString()}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await response.Content.ReadAsStringAsync();
    }

    private static string AddressBlock(string html)
    {
        const string Start = "<address class=\"recipient\">";
        var from = html.IndexOf(Start, StringComparison.Ordinal);
        Assert.That(from, Is.GreaterThanOrEqualTo(0), html);
        var content = html[(from + Start.Length)..];
        return content[..content.IndexOf("</address>", StringComparison.Ordinal)];
    }

    private static object Body(string name, object? billingAddress, object? contactAddress) => new
    {
        name,
        countryCode = "DE",
        timeZone = "Europe/Berlin",
        language = "en",
        currency = "EUR",
        creditLimit = 50000m,
        paymentTermsDays = 30,
        contacts = new[] { new { name = "Anna Schmidt", email = "anna@acme.example", role = "accounts_payable", isPrimary = true, address = contactAddress } },
        billingAddress,
    };
}
