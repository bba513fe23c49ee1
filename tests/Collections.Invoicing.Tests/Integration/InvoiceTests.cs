using System.Net;
using System.Net.Http.Json;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Invoicing.Tests.Integration;

public sealed class InvoiceTests(DatabaseProvider provider) : ApiFixture(provider)
{
    private string debtor = null!;

    [OneTimeSetUp]
    public async Task CreateDebtor()
    {
        debtor = Unique("deb");
        await Erp.PutDebtor(debtor);
    }

    [Test]
    public async Task Upsert_WhenNew_OpensWithBalanceEqualToTotal()
    {
        var invoice = await Erp.PutInvoice(Unique("inv"), TestData.InvoiceBody(debtor, 1190.00m));

        Assert.That(invoice.GetProperty("balance").Amount(), Is.EqualTo(1190.00m));
        Assert.That(invoice.GetProperty("status").GetString(), Is.EqualTo("open"));
        Assert.That(invoice.GetProperty("total").GetProperty("amount").GetRawText(), Is.EqualTo("1190.00"), "amounts carry the currency's decimals");
    }

    [Test]
    public async Task Upsert_WhenSameBodyResent_IsUnchangedWithSameVersion()
    {
        var externalId = Unique("inv");
        var body = TestData.InvoiceBody(debtor);
        await Erp.PutInvoice(externalId, body);

        var again = await (await Erp.PutAsJsonAsync($"/api/v1/invoices/by-external-id/{externalId}", body)).ShouldBe(HttpStatusCode.OK);

        Assert.That(again.GetProperty("version").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task Upsert_WhenTotalChangesAfterCreditNote_Is409AndUnchanged()
    {
        var externalId = Unique("inv");
        var created = await Erp.PutInvoice(externalId, TestData.InvoiceBody(debtor, 100m));
        var id = created.GetProperty("id").GetString();
        var credit = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/invoices/{id}/credit-notes") { Content = JsonContent.Create(new { amount = 10m, reason = "Damaged item" }) };
        credit.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        await (await Erp.SendAsync(credit)).ShouldBe(HttpStatusCode.Created);

        await (await Erp.PutAsJsonAsync($"/api/v1/invoices/by-external-id/{externalId}", TestData.InvoiceBody(debtor, 200m))).ShouldBeProblem(HttpStatusCode.Conflict);

        var after = await (await Erp.GetAsync($"/api/v1/invoices/{id}")).ShouldBe(HttpStatusCode.OK);
        Assert.That(after.GetProperty("total").Amount(), Is.EqualTo(100m));
        Assert.That(after.GetProperty("balance").Amount(), Is.EqualTo(90m));
    }

    [Test]
    public async Task CreditNote_WhenAboveBalance_Is422AndNothingChanges()
    {
        var id = (await Erp.PutInvoice(Unique("inv"), TestData.InvoiceBody(debtor, 50m))).GetProperty("id").GetString();
        var credit = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/invoices/{id}/credit-notes") { Content = JsonContent.Create(new { amount = 50.01m, reason = "Too much" }) };
        credit.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        await (await Erp.SendAsync(credit)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);

        var after = await (await Erp.GetAsync($"/api/v1/invoices/{id}")).ShouldBe(HttpStatusCode.OK);
        Assert.That(after.GetProperty("balance").Amount(), Is.EqualTo(50m));
    }

    [Test]
    public async Task CreditNote_WhenReplayedWithSameKey_IsIssuedOnce()
    {
        var id = (await Erp.PutInvoice(Unique("inv"), TestData.InvoiceBody(debtor, 100m))).GetProperty("id").GetString();
        var key = Guid.NewGuid().ToString();
        HttpRequestMessage Credit(decimal amount)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/invoices/{id}/credit-notes") { Content = JsonContent.Create(new { amount, reason = "Goodwill" }) };
            request.Headers.Add("Idempotency-Key", key);
            return request;
        }

        var first = await (await Erp.SendAsync(Credit(30m))).ShouldBe(HttpStatusCode.Created);
        var replay = await (await Erp.SendAsync(Credit(30m))).ShouldBe(HttpStatusCode.Created);
        await (await Erp.SendAsync(Credit(31m))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);

        Assert.That(replay.GetProperty("number").GetString(), Is.EqualTo(first.GetProperty("number").GetString()));
        var after = await (await Erp.GetAsync($"/api/v1/invoices/{id}")).ShouldBe(HttpStatusCode.OK);
        Assert.That(after.GetProperty("balance").Amount(), Is.EqualTo(70m));
    }

    [Test]
    public async Task CreditNote_WhenTwoIssuedOnOneInvoice_BothAreNumberedAndReduceTheBalance()
    {
        var id = (await Erp.PutInvoice(Unique("inv"), TestData.InvoiceBody(debtor, 100m))).GetProperty("id").GetString();
        async Task<System.Text.Json.JsonElement> Credit(decimal amount)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/invoices/{id}/credit-notes") { Content = JsonContent.Create(new { amount, reason = "Partial return" }) };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            return await (await Erp.SendAsync(request)).ShouldBe(HttpStatusCode.Created);
        }

        var first = await Credit(10m);
        var second = await Credit(15m);

        Assert.Multiple(() =>
        {
            Assert.That(first.GetProperty("invoiceId").GetString(), Is.EqualTo(id));
            Assert.That(second.GetProperty("invoiceId").GetString(), Is.EqualTo(id));
            Assert.That(first.GetProperty("number").GetString(), Does.StartWith("CN-"));
            Assert.That(second.GetProperty("number").GetString(), Is.Not.EqualTo(first.GetProperty("number").GetString()));
            Assert.That(second.GetProperty("invoiceBalance").Amount(), Is.EqualTo(75m));
        });
    }

    [Test]
    public async Task Void_WhenNothingPaid_ClosesTheInvoice()
    {
        var id = (await Erp.PutInvoice(Unique("inv"), TestData.InvoiceBody(debtor))).GetProperty("id").GetString();

        var voided = await (await Erp.PostAsJsonAsync($"/api/v1/invoices/{id}/void", new { reason = "Issued twice" })).ShouldBe(HttpStatusCode.OK);

        Assert.That(voided.GetProperty("status").GetString(), Is.EqualTo("void"));
        Assert.That(voided.GetProperty("balance").Amount(), Is.Zero);
    }

    [Test]
    public async Task Get_WhenEarlyPaymentDiscountApplies_ShowsDiscountAndPayBy()
    {
        // 2/10 net 30 on 1,190.00 issued 2026-02-25; the test clock is 2026-03-02: pay by 2026-03-07, save 23.80.
        var invoice = await Erp.PutInvoice(Unique("inv"), TestData.InvoiceBody(debtor, 1190.00m, "2026-02-25", null, terms: new { netDays = 30, earlyPaymentDiscount = new { percent = 2, withinDays = 10 } }));

        var offer = invoice.GetProperty("earlyPayment");
        Assert.That(offer.GetProperty("discount").Amount(), Is.EqualTo(23.80m));
        Assert.That(offer.GetProperty("payBy").GetString(), Is.EqualTo("2026-03-07"));
        Assert.That(offer.GetProperty("amountToPay").Amount(), Is.EqualTo(1166.20m));
        Assert.That(invoice.GetProperty("dueDate").GetString(), Is.EqualTo("2026-03-27"), "due date from net days when none is sent");
    }

    private static readonly object[] BadInvoices =
    [
        new object[] { "negative total", new { number = "1", currency = "EUR", issueDate = "2026-01-01", dueDate = "2026-02-01", total = -5m }, "total" },
        new object[] { "too precise total", new { number = "1", currency = "EUR", issueDate = "2026-01-01", dueDate = "2026-02-01", total = 1.005m }, "total" },
        new object[] { "decimals on a 0-decimal currency", new { number = "1", currency = "JPY", issueDate = "2026-01-01", dueDate = "2026-02-01", total = 100.5m }, "total" },
        new object[] { "unknown currency", new { number = "1", currency = "ABC", issueDate = "2026-01-01", dueDate = "2026-02-01", total = 5m }, "currency" },
        new object[] { "due before issue", new { number = "1", currency = "EUR", issueDate = "2026-02-01", dueDate = "2026-01-01", total = 5m }, "dueDate" },
        new object[] { "lines not summing to total", new { number = "1", currency = "EUR", issueDate = "2026-01-01", dueDate = "2026-02-01", total = 10m, lines = new[] { new { description = "a", quantity = 1m, unitPrice = 4m, amount = 4m } } }, "lines" },
        new object[] { "line amount not quantity times price", new { number = "1", currency = "EUR", issueDate = "2026-01-01", dueDate = "2026-02-01", total = 10m, lines = new[] { new { description = "a", quantity = 2m, unitPrice = 4m, amount = 10m } } }, "lines[0]" },
        new object[] { "discount longer than terms", new { number = "1", currency = "EUR", issueDate = "2026-01-01", total = 10m, terms = new { netDays = 10, earlyPaymentDiscount = new { percent = 2, withinDays = 20 } } }, "terms.earlyPaymentDiscount.withinDays" },
    ];

    [TestCaseSource(nameof(BadInvoices))]
    public async Task Upsert_WhenInputIsBad_Is400WithFieldErrorAndNothingStored(string why, object body, string field)
    {
        var externalId = Unique("bad");
        var withDebtor = System.Text.Json.JsonSerializer.SerializeToNode(body)!.AsObject();
        withDebtor["debtorExternalId"] = debtor;

        var problem = await (await Erp.PutAsJsonAsync($"/api/v1/invoices/by-external-id/{externalId}", withDebtor)).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.That(problem.FieldErrors(field), Is.Not.Empty, why);
    }

    [TestCase("{\"debtorExternalId\": \"x\", \"issueDate\": \"2026-02-30\"}", TestName = "Upsert_WhenDateDoesNotExist_Is400")]
    [TestCase("{\"debtorExternalId\": \"x\", \"total\": \"ten\"}", TestName = "Upsert_WhenTotalIsText_Is400")]
    public async Task Upsert_WhenJsonCannotBeRead_Is400(string json)
    {
        var response = await Erp.PutAsync($"/api/v1/invoices/by-external-id/{Unique("bad")}", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Upsert_WhenDebtorUnknown_Is422()
    {
        await (await Erp.PutAsJsonAsync($"/api/v1/invoices/by-external-id/{Unique("inv")}", TestData.InvoiceBody("nobody"))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
    }

    [Test]
    public async Task Upsert_WhenCallerIsAnonymous_Is401()
    {
        await (await Anonymous.PutAsJsonAsync($"/api/v1/invoices/by-external-id/{Unique("inv")}", TestData.InvoiceBody(debtor))).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }
}
