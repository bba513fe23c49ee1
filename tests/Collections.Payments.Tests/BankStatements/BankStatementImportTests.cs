using System.Net;
using System.Net.Http.Json;
using System.Text;
using Collections.Payments.Contracts;
using Collections.Payments.Tests.Integration;
using Collections.SharedKernel.Data;
using Collections.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Payments.Tests.BankStatements;

/// <summary>
/// camt imports end to end. The fixture's book is shared, so every test makes its own debtors, invoice numbers, payer
/// names and amounts; the sample amounts 77.77 and 100.00 are never an open item here (they are the lines nobody can place).
/// </summary>
public sealed class BankStatementImportTests(DatabaseProvider provider) : ApiFixture(provider)
{
    private readonly NotificationRecorder published = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Payments:BankTransferInstructions:EUR:AccountHolder"] = "Creditor AG",
        ["Payments:BankTransferInstructions:EUR:Iban"] = "DE89370400440532013000",
        ["Payments:BankTransferInstructions:EUR:Bic"] = "COBADEFFXXX",
    };

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddPaymentsTestServices(published);

    [Test]
    public async Task Import_SepaCreditTransfers_MatchesByReferenceThenInvoiceNumberThenAmount()
    {
        var s = await SepaBookAsync();

        var import = await Erp.Import(BankStatementSamples.Bytes(BankStatementSamples.SepaCreditTransfers, s.Values));

        Assert.That(import.GetProperty("format").GetString(), Is.EqualTo("camt.053"));
        var counts = import.GetProperty("counts");
        Assert.That((counts.GetProperty("matched").GetInt32(), counts.GetProperty("unmatched").GetInt32(), counts.GetProperty("ignored").GetInt32()), Is.EqualTo((3, 1, 1)));
        Assert.Multiple(() =>
        {
            Assert.That(import.Line(1).Text("matchedBy"), Is.EqualTo("reference"));
            Assert.That(import.Line(1).Text("debtorId"), Is.EqualTo(s.ByReference));
            Assert.That(import.Line(2).Text("matchedBy"), Is.EqualTo("invoice_number"));
            Assert.That(import.Line(3).Text("matchedBy"), Is.EqualTo("amount"));
            Assert.That(import.Line(4).Text("status"), Is.EqualTo("unmatched"));
            Assert.That(import.Line(4).Text("note"), Does.Contain("No open item"));
            Assert.That(import.Line(5).Text("status"), Is.EqualTo("ignored"));
            Assert.That(import.Line(5).Text("note"), Does.Contain("debit"));
        });
        Assert.That(await Erp.Balance(s.ReferenceInvoice), Is.EqualTo(0m));
        Assert.That(await Erp.Balance(s.NumberedInvoice), Is.EqualTo(0m));
        Assert.That(await Erp.Balance(s.ExactInvoice), Is.EqualTo(0m));
        Assert.That(await Erp.Balance(s.OtherInvoiceOfPayer), Is.EqualTo(500m), "only the item the amount settles");
        var payment = (await Erp.PaymentsOf(s.ByReference)).Single();
        Assert.That(payment.Text("method"), Is.EqualTo("bank_transfer"));
        Assert.That(payment.Text("reference"), Is.EqualTo($"Bank statement {s.StatementId} line 1, ref {s.StatementId}-E2E-1"));
        Assert.That(published.Of<PaymentSucceeded>().Count(p => p.DebtorId == s.ByReference), Is.EqualTo(1), "announced like any payment");
    }

    [Test]
    public async Task Import_WhenTheValueDateIsWithinTheDiscount_TakesTheEarlyPaymentDiscountThoughTodayIsPastIt()
    {
        var (debtor, ext) = await Erp.CreateDebtor();
        // 2 % of 1,214.29 is 24.29, so 1,190.00 settles it; pay by 1 March (the line's value date), imported on 2 March.
        var invoice = await Erp.NewInvoice(ext, 1214.29m, "2026-02-19", "2026-03-21", terms: new { netDays = 30, earlyPaymentDiscount = new { percent = 2m, withinDays = 10 } });
        var values = SepaValues(await App.ReferenceOf(debtor));

        var import = await Erp.Import(BankStatementSamples.Bytes(BankStatementSamples.SepaCreditTransfers, values));

        Assert.That(import.Line(1).Text("matchedBy"), Is.EqualTo("reference"));
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(0m));
        var allocation = (await Erp.PaymentsOf(debtor)).Single().GetProperty("allocations")[0];
        Assert.That(allocation.Amount("discount"), Is.EqualTo(24.29m));
    }

    [Test]
    public async Task Import_WhenOnlyOneOpenItemInTheBookHasTheDiscountedAmount_BooksItWithTheDiscount()
    {
        var (debtor, ext) = await Erp.CreateDebtor();
        var total = 2000m + Random.Shared.Next(1, 99_999) / 100m;
        var invoice = await Erp.NewInvoice(ext, total, "2026-02-25", "2026-03-27", terms: new { netDays = 30, earlyPaymentDiscount = new { percent = 2m, withinDays = 10 } });
        var discounted = total - Math.Round(total * 0.02m, 2, MidpointRounding.AwayFromZero);

        var import = await Erp.Import(Notification(discounted, "Danke"));

        Assert.That(import.Line(1).Text("matchedBy"), Is.EqualTo("amount"), import.Line(1).ToString());
        Assert.That(import.Line(1).Text("debtorId"), Is.EqualTo(debtor));
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(0m));
    }

    [Test]
    public async Task Import_WhenTwoOpenItemsOfTheBookHaveTheAmount_GuessesNothing()
    {
        var amount = 3000m + Random.Shared.Next(1, 99_999) / 100m;
        var first = await Erp.CreateDebtor();
        var second = await Erp.CreateDebtor();
        var one = await Erp.NewInvoice(first.ExternalId, amount);
        var other = await Erp.NewInvoice(second.ExternalId, amount);

        var import = await Erp.Import(Notification(amount, "Danke"));

        Assert.That(import.Line(1).Text("status"), Is.EqualTo("unmatched"));
        Assert.That(import.Line(1).Text("note"), Does.Contain("2 open items"));
        Assert.That((await Erp.Balance(one), await Erp.Balance(other)), Is.EqualTo((amount, amount)));
    }

    [Test]
    public async Task Import_WhenTheReferenceIsWrittenInTheText_FindsItsDebtor()
    {
        var (debtor, ext) = await Erp.CreateDebtor();
        var invoice = await Erp.NewInvoice(ext, 640.50m);
        var printed = Collections.Payments.Domain.CreditorReference.Print(await App.ReferenceOf(debtor));

        var import = await Erp.Import(Notification(640.50m, $"Kd {printed} Danke"));

        Assert.That(import.GetProperty("format").GetString(), Is.EqualTo("camt.054"));
        Assert.That(import.Line(1).Text("matchedBy"), Is.EqualTo("reference"));
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(0m));
    }

    [Test]
    public async Task Import_BatchBooking_BooksEachTransactionOnItsOwn()
    {
        var (byReference, referenceExt) = await Erp.CreateDebtor();
        var referenceInvoice = await Erp.NewInvoice(referenceExt, 1000m);
        var numbered = await Erp.CreateDebtor();
        var number = Unique("INV");
        var numberedInvoice = await Erp.NewInvoice(numbered.ExternalId, 800m, number: number);
        var statementId = BankStatementSamples.NewStatementId();

        var import = await Erp.Import(BankStatementSamples.Bytes(BankStatementSamples.BatchBooking, new Dictionary<string, string>
        {
            ["STATEMENT_ID"] = statementId,
            ["RF_REFERENCE"] = await App.ReferenceOf(byReference),
            ["INVOICE_NUMBER"] = number.ToLowerInvariant(),
        }));

        Assert.That(import.GetProperty("lines").GetArrayLength(), Is.EqualTo(3));
        Assert.That(new[] { import.Line(1).Text("matchedBy"), import.Line(2).Text("matchedBy") }, Is.EqualTo(new[] { "reference", "invoice_number" }));
        Assert.That(import.Line(3).Text("status"), Is.EqualTo("unmatched"));
        Assert.That((await Erp.Balance(referenceInvoice), await Erp.Balance(numberedInvoice)), Is.EqualTo((0m, 0m)));
        Assert.That((await Erp.PaymentsOf(numbered.Id)).Single().Amount("amount"), Is.EqualTo(800m));
    }

    [Test]
    public async Task Import_WhenTheTextNamesTwoInvoices_PaysThemInTheOrderWritten()
    {
        var (debtor, ext) = await Erp.CreateDebtor();
        var (later, earlier) = (Unique("R"), Unique("R"));
        var laterInvoice = await Erp.NewInvoice(ext, 700m, dueDate: "2026-04-01", number: later);
        var earlierInvoice = await Erp.NewInvoice(ext, 700m, dueDate: "2026-03-01", number: earlier);

        var import = await Erp.Import(Notification(1000m, $"Rechnungen {later} und {earlier}"));

        Assert.That(import.Line(1).Text("matchedBy"), Is.EqualTo("invoice_number"));
        Assert.That((await Erp.Balance(laterInvoice), await Erp.Balance(earlierInvoice)), Is.EqualTo((0m, 400m)), "the first named is paid first, whatever its due date");
        Assert.That((await Erp.PaymentsOf(debtor)).Single().Amount("unapplied"), Is.EqualTo(0m));
    }

    [Test]
    public async Task Import_WhenTheNumberIsOnlyPartOfAWord_IsNoMatch()
    {
        var (_, ext) = await Erp.CreateDebtor();
        var number = Unique("Q");
        var invoice = await Erp.NewInvoice(ext, 4111.11m, number: number);

        var import = await Erp.Import(Notification(50.01m, $"{number}9"));

        Assert.That(import.Line(1).Text("status"), Is.EqualTo("unmatched"));
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(4111.11m));
    }

    [Test]
    public async Task Import_WhenTheInvoiceIsInAnotherCurrency_DoesNotPayIt()
    {
        var (_, ext) = await Erp.CreateDebtor();
        var number = Unique("USD");
        var invoice = await Erp.NewInvoice(ext, 640.51m, currency: "USD", number: number);

        var import = await Erp.Import(Notification(640.51m, number));

        Assert.That(import.Line(1).Text("status"), Is.EqualTo("unmatched"));
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(640.51m));
    }

    [Test]
    public async Task Import_Twice_Is409NamingTheEarlierImportAndBooksNothingMore()
    {
        var s = await SepaBookAsync();
        var content = BankStatementSamples.Bytes(BankStatementSamples.SepaCreditTransfers, s.Values);
        var first = await Erp.Import(content);

        var again = await (await Erp.PostStatement(content)).ShouldBeProblem(HttpStatusCode.Conflict);

        Assert.That(again.Text("detail"), Does.Contain(first.Id()));
        Assert.That(await Erp.PaymentsOf(s.ByReference), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task Import_TwiceAtOnce_BooksOnce()
    {
        var s = await SepaBookAsync();
        var content = BankStatementSamples.Bytes(BankStatementSamples.SepaCreditTransfers, s.Values);

        var responses = await Task.WhenAll(Erp.PostStatement(content), Erp.PostStatement(content));

        Assert.That(responses.Select(r => r.StatusCode).Order(), Is.EqualTo(new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.That(await Erp.PaymentsOf(s.ByReference), Has.Length.EqualTo(1));
        Assert.That(await Erp.PaymentsOf(s.ByNumber), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task Import_WhenTheSameEntryComesInANotificationAndThenTheStatement_BooksItOnce()
    {
        var (debtor, ext) = await Erp.CreateDebtor();
        await Erp.NewInvoice(ext, 640.52m);
        var statementId = BankStatementSamples.NewStatementId();
        var text = NotificationText(640.52m, CreditorReferenceText(await App.ReferenceOf(debtor)), statementId);
        await Erp.Import(Encoding.UTF8.GetBytes(text));

        var later = await Erp.Import(Encoding.UTF8.GetBytes(text.Replace($"<Id>{statementId}</Id>", $"<Id>{statementId}-EOD</Id>", StringComparison.Ordinal)));

        Assert.That(later.Line(1).Text("status"), Is.EqualTo("ignored"));
        Assert.That(later.Line(1).Text("note"), Does.Contain("imported before"));
        Assert.That(await Erp.PaymentsOf(debtor), Has.Length.EqualTo(1));
    }

    [TestCase(BankStatementSamples.Malformed, TestName = "Import_MalformedFile_Is400AndBooksNothing")]
    [TestCase(BankStatementSamples.AccountReport, TestName = "Import_Camt052_Is400AndBooksNothing")]
    public async Task Import_WhenTheFileIsNoStatement_Is400(string sample)
    {
        var problem = await (await Erp.PostStatement(BankStatementSamples.Bytes(sample, new Dictionary<string, string> { ["STATEMENT_ID"] = BankStatementSamples.NewStatementId() })))
            .ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.That(problem.FieldErrors("file"), Is.Not.Empty);
    }

    [Test]
    public async Task Import_WhenALaterEntryIsBroken_Is400AndBooksNotEvenTheGoodLines()
    {
        var s = await SepaBookAsync();
        var text = BankStatementSamples.Text(BankStatementSamples.SepaCreditTransfers, s.Values).Replace("<CdtDbtInd>DBIT</CdtDbtInd>", "<CdtDbtInd>DEBIT</CdtDbtInd>", StringComparison.Ordinal);

        await (await Erp.PostStatement(Encoding.UTF8.GetBytes(text))).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.That(await Erp.PaymentsOf(s.ByReference), Is.Empty);
        Assert.That(await Erp.Balance(s.ReferenceInvoice), Is.EqualTo(1190m));
        await Erp.Import(BankStatementSamples.Bytes(BankStatementSamples.SepaCreditTransfers, s.Values));
    }

    [Test]
    public async Task Import_WithADtd_Is400()
    {
        var text = NotificationText(10m, "x", BankStatementSamples.NewStatementId()).Replace("<Document ", "<!DOCTYPE Document [<!ENTITY e \"x\">]>\n<Document ", StringComparison.Ordinal);

        await (await Erp.PostStatement(Encoding.UTF8.GetBytes(text))).ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Import_AsJson_Is415()
    {
        await (await Erp.PostStatement(Encoding.UTF8.GetBytes("{}"), "application/json")).ShouldBeProblem(HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task Import_WithoutAnApiKey_Is401()
    {
        await (await Anonymous.PostStatement(Notification(10m, "x"))).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Import_ReturnOfABookedCredit_RefundsThePaymentAndReopensTheInvoice()
    {
        var s = await SepaBookAsync();
        await Erp.Import(BankStatementSamples.Bytes(BankStatementSamples.SepaCreditTransfers, s.Values));

        var returned = await Erp.Import(BankStatementSamples.Bytes(BankStatementSamples.Return, new Dictionary<string, string>
        {
            ["STATEMENT_ID"] = BankStatementSamples.NewStatementId(),
            ["AMOUNT"] = "1190.00",
            ["END_TO_END_ID"] = $"{s.StatementId}-E2E-1",
        }));

        var line = returned.Line(1);
        Assert.That((line.Text("status"), line.GetProperty("isReturn").GetBoolean(), line.Text("returnReason")), Is.EqualTo(("reversed", true, "FOCR: Recall accepted")));
        Assert.That(await Erp.Balance(s.ReferenceInvoice), Is.EqualTo(1190m));
        var payment = (await Erp.PaymentsOf(s.ByReference)).Single();
        Assert.That((payment.Text("status"), payment.Text("id")), Is.EqualTo(("refunded", line.Text("paymentId"))));
        Assert.That(published.Of<PaymentRefunded>().Count(r => r.PaymentId == payment.Id()), Is.EqualTo(1));
    }

    [Test]
    public async Task Import_ReturnOfNothingBooked_WaitsForStaffAsAReturn()
    {
        var returned = await Erp.Import(BankStatementSamples.Bytes(BankStatementSamples.Return, new Dictionary<string, string>
        {
            ["STATEMENT_ID"] = BankStatementSamples.NewStatementId(),
            ["AMOUNT"] = "12.34",
            ["END_TO_END_ID"] = "E2E-NEVER-SEEN",
        }));

        var line = returned.Line(1);
        Assert.That((line.Text("status"), line.GetProperty("isReturn").GetBoolean()), Is.EqualTo(("unmatched", true)));
        await (await Staff.PostKeyed($"/api/v1/bank-statements/lines/{line.Id()}/match", new { debtorId = "deb_any" })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
    }

    [Test]
    public async Task UnmatchedLine_MatchedByStaff_IsBookedOnceAsAPayment()
    {
        var s = await SepaBookAsync();
        var import = await Erp.Import(BankStatementSamples.Bytes(BankStatementSamples.SepaCreditTransfers, s.Values));
        var lineId = import.Line(4).Id();
        var (debtor, ext) = await Erp.CreateDebtor();
        var invoice = await Erp.NewInvoice(ext, 90m);

        var queue = await ReadQueueAsync();
        Assert.That(queue, Does.Contain(lineId));

        var matched = await (await Staff.PostKeyed($"/api/v1/bank-statements/lines/{lineId}/match", new { debtorId = debtor, allocations = new[] { new { invoiceId = invoice, amount = 77.77m } } }))
            .ShouldBe(HttpStatusCode.OK);

        Assert.That(matched.GetProperty("line").Text("status"), Is.EqualTo("matched"));
        Assert.That(matched.GetProperty("line").Text("matchedBy"), Is.EqualTo("staff"));
        Assert.That(matched.GetProperty("payment").Text("method"), Is.EqualTo("bank_transfer"));
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(12.23m));
        await (await Staff.PostKeyed($"/api/v1/bank-statements/lines/{lineId}/match", new { debtorId = debtor })).ShouldBeProblem(HttpStatusCode.Conflict);
        Assert.That(await Erp.PaymentsOf(debtor), Has.Length.EqualTo(1));
        Assert.That(await ReadQueueAsync(), Does.Not.Contain(lineId));
        var again = await (await Erp.GetAsync($"/api/v1/bank-statements/{import.Id()}")).ShouldBe(HttpStatusCode.OK);
        Assert.That(again.GetProperty("counts").GetProperty("matched").GetInt32(), Is.EqualTo(4));
    }

    [Test]
    public async Task UnmatchedLine_MatchedToAnUnknownDebtorOrTooMuch_IsRefusedAndStaysInTheQueue()
    {
        var s = await SepaBookAsync();
        var import = await Erp.Import(BankStatementSamples.Bytes(BankStatementSamples.SepaCreditTransfers, s.Values));
        var lineId = import.Line(4).Id();
        var (debtor, ext) = await Erp.CreateDebtor();
        var invoice = await Erp.NewInvoice(ext, 50m);

        await (await Staff.PostKeyed($"/api/v1/bank-statements/lines/{lineId}/match", new { debtorId = "deb_nobody" })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        await (await Staff.PostKeyed($"/api/v1/bank-statements/lines/{lineId}/match", new { debtorId = debtor, allocations = new[] { new { invoiceId = invoice, amount = 60m } } }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        await (await Staff.PostKeyed($"/api/v1/bank-statements/lines/{lineId}/match", new { debtorId = debtor, allocations = new object?[] { null } })).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await Erp.PostKeyed($"/api/v1/bank-statements/lines/{lineId}/match", new { debtorId = debtor })).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await Staff.PostKeyed("/api/v1/bank-statements/lines/bsl_missing/match", new { debtorId = debtor })).ShouldBeProblem(HttpStatusCode.NotFound);

        Assert.That(await ReadQueueAsync(), Does.Contain(lineId));
        Assert.That(await Erp.PaymentsOf(debtor), Is.Empty);
    }

    [Test]
    public async Task UnmatchedLine_Ignored_LeavesTheQueueWithItsReasonAndCannotBeMatchedAfter()
    {
        var s = await SepaBookAsync();
        var import = await Erp.Import(BankStatementSamples.Bytes(BankStatementSamples.SepaCreditTransfers, s.Values));
        var lineId = import.Line(4).Id();

        await (await Staff.PostAsJsonAsync($"/api/v1/bank-statements/lines/{lineId}/ignore", new { reason = "" })).ShouldBeProblem(HttpStatusCode.BadRequest);
        var ignored = await (await Staff.PostAsJsonAsync($"/api/v1/bank-statements/lines/{lineId}/ignore", new { reason = "Club membership, not a receivable" })).ShouldBe(HttpStatusCode.OK);

        Assert.That((ignored.Text("status"), ignored.Text("note")), Is.EqualTo(("ignored", "Club membership, not a receivable")));
        Assert.That(await ReadQueueAsync(), Does.Not.Contain(lineId));
        await (await Staff.PostKeyed($"/api/v1/bank-statements/lines/{lineId}/match", new { debtorId = s.ByReference })).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await Staff.PostAsJsonAsync($"/api/v1/bank-statements/lines/{import.Line(1).Id()}/ignore", new { reason = "x" })).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task UnmatchedQueue_PagesWithACursor()
    {
        await Erp.Import(Notification(11.11m, "eins"));
        await Erp.Import(Notification(11.12m, "zwei"));

        var first = await (await Staff.GetAsync("/api/v1/bank-statements/unmatched?limit=1")).ShouldBe(HttpStatusCode.OK);
        var second = await (await Staff.GetAsync($"/api/v1/bank-statements/unmatched?limit=1&cursor={first.Text("nextCursor")}")).ShouldBe(HttpStatusCode.OK);

        Assert.That(first.GetProperty("items")[0].Id(), Is.Not.EqualTo(second.GetProperty("items")[0].Id()));
        await (await Staff.GetAsync("/api/v1/bank-statements/unmatched?limit=0")).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await Erp.GetAsync("/api/v1/bank-statements/unmatched")).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await Erp.GetAsync("/api/v1/bank-statements/bsi_missing")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    /// <summary>Done when: a debtor pays the reference its instructions show, and the next import books it with no human step.</summary>
    [Test]
    public async Task Import_OfATransferQuotingTheInstructionsReference_BooksItWithNoHumanStep()
    {
        var (debtor, ext) = await Erp.CreateDebtor();
        var invoice = await Erp.NewInvoice(ext, 1190m);
        var instructions = await (await Erp.GetAsync($"/api/v1/payments/instructions?currency=EUR&debtorId={debtor}")).ShouldBe(HttpStatusCode.OK);
        var shown = instructions[0].Text("paymentReference");

        var import = await Erp.Import(BankStatementSamples.Bytes(BankStatementSamples.SepaCreditTransfers, SepaValues(shown.Replace(" ", "", StringComparison.Ordinal))));

        Assert.That(import.Line(1).Text("status"), Is.EqualTo("matched"));
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(0m));
        Assert.That((await Erp.PaymentsOf(debtor)).Single().GetProperty("receivedOn").GetString(), Is.EqualTo("2026-03-01"), "received on the value date");
    }

    private async Task<List<string>> ReadQueueAsync()
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await Staff.GetAsync($"/api/v1/bank-statements/unmatched?limit=200{(cursor is null ? "" : $"&cursor={cursor}")}")).ShouldBe(HttpStatusCode.OK);
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.Id()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return ids;
    }

    /// <summary>
    /// The book the SEPA sample pays: a debtor whose reference line 1 quotes (1,190.00), one whose invoice number line 2 names
    /// (600.00), and one whose name line 3 carries with an invoice of exactly 321.09 and another of 500.00.
    /// </summary>
    private async Task<SepaBook> SepaBookAsync()
    {
        var (byReference, referenceExt) = await Erp.CreateDebtor();
        var referenceInvoice = await Erp.NewInvoice(referenceExt, 1190m);
        var (byNumber, numberExt) = await Erp.CreateDebtor();
        var number = Unique("INV");
        var numberedInvoice = await Erp.NewInvoice(numberExt, 600m, number: number);
        var payerName = $"Bergmann Maschinenbau {Guid.NewGuid():N}"[..34];
        var (_, payerExt) = await Erp.CreateDebtor(TestData.DebtorBody(name: payerName));
        var exact = await Erp.NewInvoice(payerExt, 321.09m);
        var other = await Erp.NewInvoice(payerExt, 500m);
        var statementId = BankStatementSamples.NewStatementId();
        var values = SepaValues(await App.ReferenceOf(byReference), statementId, number, payerName.ToUpperInvariant());
        return new SepaBook(statementId, values, byReference, referenceInvoice, byNumber, numberedInvoice, exact, other);
    }

    private static Dictionary<string, string> SepaValues(string reference, string? statementId = null, string? number = null, string? payerName = null) => new()
    {
        ["STATEMENT_ID"] = statementId ?? BankStatementSamples.NewStatementId(),
        ["RF_REFERENCE"] = reference,
        ["INVOICE_NUMBER"] = number ?? Unique("NONE"),
        ["PAYER_NAME"] = payerName ?? "Niemand Bekannt",
        ["PAYER_IBAN"] = BankStatementApi.NewPayerIban(),
    };

    private static byte[] Notification(decimal amount, string text) => Encoding.UTF8.GetBytes(NotificationText(amount, text, BankStatementSamples.NewStatementId()));

    private static string NotificationText(decimal amount, string text, string statementId) =>
        BankStatementSamples.Text(BankStatementSamples.Notification, new Dictionary<string, string>
        {
            ["STATEMENT_ID"] = statementId,
            ["AMOUNT"] = amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
            ["USTRD"] = text,
        });

    private static string CreditorReferenceText(string reference) => Collections.Payments.Domain.CreditorReference.Print(reference);

    private sealed record SepaBook(
        string StatementId, Dictionary<string, string> Values, string ByReference, string ReferenceInvoice, string ByNumber, string NumberedInvoice,
        string ExactInvoice, string OtherInvoiceOfPayer);
}

/// <summary>A host whose statement limit is small, to see the limit hold.</summary>
public sealed class BankStatementLimitTests(DatabaseProvider provider) : ApiFixture(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Payments:BankStatements:MaxBytes"] = "4096" };

    [Test]
    public async Task Import_WhenTheFileIsOverTheLimit_Is413AndBooksNothing()
    {
        var (debtor, ext) = await Erp.CreateDebtor();
        var invoice = await Erp.NewInvoice(ext, 1190m);
        var content = BankStatementSamples.Bytes(BankStatementSamples.SepaCreditTransfers, new Dictionary<string, string>
        {
            ["STATEMENT_ID"] = BankStatementSamples.NewStatementId(),
            ["RF_REFERENCE"] = await App.ReferenceOf(debtor),
        });

        await (await Erp.PostStatement(content)).ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge);

        Assert.That(await Erp.Balance(invoice), Is.EqualTo(1190m));
    }
}
