using System.Text;
using Collections.Payments.Features.BankStatements;

namespace Collections.Payments.Tests.BankStatements;

public sealed class CamtReaderTests
{
    private const long Limit = 10 * 1024 * 1024;

    private static readonly Dictionary<string, string> Filled = new()
    {
        ["STATEMENT_ID"] = "STMT-1",
        ["RF_REFERENCE"] = "RF18539007547034",
        ["INVOICE_NUMBER"] = "INV-2026-0042",
        ["PAYER_NAME"] = "Bergmann KG",
        ["PAYER_IBAN"] = "DE44500105175407324931",
        ["AMOUNT"] = "1190.00",
        ["END_TO_END_ID"] = "STMT-0-E2E-1",
        ["USTRD"] = "RF18 5390 0754 7034",
    };

    [Test]
    public void Read_SepaCreditTransfers_GivesOneLinePerEntryWithItsParts()
    {
        var file = CamtReader.Read(BankStatementSamples.Bytes(BankStatementSamples.SepaCreditTransfers, Filled), Limit);

        Assert.That(file.Kind, Is.EqualTo("camt.053"));
        var statement = file.Statements.Single();
        Assert.That((statement.Id, statement.Account), Is.EqualTo(("STMT-1", "DE89370400440532013000")));
        var lines = statement.Lines;
        Assert.That(lines.Select(l => l.AmountMinor), Is.EqualTo(new long[] { 119000, 60000, 32109, 7777, 4500 }));
        Assert.That(lines.Select(l => l.Credit), Is.EqualTo(new[] { true, true, true, true, false }));
        Assert.Multiple(() =>
        {
            Assert.That(lines[0].CreditorReferences, Is.EqualTo(new[] { "RF18539007547034" }));
            Assert.That(lines[0].EndToEndId, Is.EqualTo("STMT-1-E2E-1"));
            Assert.That(lines[0].PayerAccount, Is.EqualTo("DE02120300000000202051"));
            Assert.That(lines[0].BankTransactionCode, Is.EqualTo("PMNT/RCDT/ESCT"));
            Assert.That(lines[0].ValueOn, Is.EqualTo(new DateOnly(2026, 3, 1)));
            Assert.That(lines[1].EndToEndId, Is.Null, "NOTPROVIDED is no end-to-end id");
            Assert.That(lines[1].RemittanceText, Is.EqualTo("Rechnung INV-2026-0042, vielen Dank"));
            Assert.That(lines[2].PayerName, Is.EqualTo("Bergmann KG"));
            Assert.That(lines.All(l => l.Status == "BOOK" && !l.IsReturn), Is.True);
        });
    }

    [Test]
    public void Read_BatchBookingOfVersion08_GivesOneLinePerTransaction()
    {
        var file = CamtReader.Read(BankStatementSamples.Bytes(BankStatementSamples.BatchBooking, Filled), Limit);

        var lines = file.Lines.ToList();
        Assert.That(lines.Select(l => l.AmountMinor), Is.EqualTo(new long[] { 100000, 80000, 10000 }));
        Assert.Multiple(() =>
        {
            Assert.That(lines[0].PayerName, Is.EqualTo("Batch Zahler Eins"), "Dbtr/Pty/Nm from 001.08 on");
            Assert.That(lines[1].DocumentNumbers, Is.EqualTo(new[] { "INV-2026-0042" }));
            Assert.That(lines.All(l => l.Status == "BOOK"), Is.True, "Sts/Cd from 001.08 on");
        });
    }

    [Test]
    public void Read_WhenABatchDoesNotAddUp_IsRefused()
    {
        var text = BankStatementSamples.Text(BankStatementSamples.BatchBooking, Filled).Replace("<Amt Ccy=\"EUR\">100.00</Amt>", "<Amt Ccy=\"EUR\">101.00</Amt>");

        Assert.That(() => CamtReader.Read(Encoding.UTF8.GetBytes(text), Limit), Throws.TypeOf<CamtFormatException>().With.Message.Contains("add up"));
    }

    [Test]
    public void Read_Return_IsADebitMarkedAsReturnWithItsReason()
    {
        var line = CamtReader.Read(BankStatementSamples.Bytes(BankStatementSamples.Return, Filled), Limit).Lines.Single();

        Assert.That((line.Credit, line.IsReturn, line.EndToEndId, line.ReturnReason), Is.EqualTo((false, true, "STMT-0-E2E-1", "FOCR: Recall accepted")));
    }

    [Test]
    public void Read_Notification_IsCamt054()
    {
        var file = CamtReader.Read(BankStatementSamples.Bytes(BankStatementSamples.Notification, Filled), Limit);

        Assert.That((file.Kind, file.Statements.Single().Id, file.Lines.Single().AmountMinor), Is.EqualTo(("camt.054", "STMT-1", 119000L)));
    }

    [TestCase(BankStatementSamples.Malformed, "not well-formed", TestName = "Read_MalformedFile_IsRefused")]
    [TestCase(BankStatementSamples.AccountReport, "camt.052.001.02 is not accepted", TestName = "Read_Camt052_IsRefused")]
    public void Read_OfAFileThatIsNoStatement_IsRefused(string sample, string reason) =>
        Assert.That(() => CamtReader.Read(BankStatementSamples.Bytes(sample, Filled), Limit), Throws.TypeOf<CamtFormatException>().With.Message.Contains(reason));

    [TestCase("<Amt Ccy=\"EUR\">1190.00</Amt>", "<Amt Ccy=\"EUR\">1190.001</Amt>", "more decimals", TestName = "Read_WhenAnAmountHasMoreDecimalsThanItsCurrency_IsRefused")]
    [TestCase("<Amt Ccy=\"EUR\">1190.00</Amt>", "<Amt Ccy=\"XXY\">1190.00</Amt>", "not a known ISO 4217 currency", TestName = "Read_WhenACurrencyIsUnknown_IsRefused")]
    [TestCase("<Amt Ccy=\"EUR\">1190.00</Amt>", "<Amt Ccy=\"EUR\">1,190.00</Amt>", "not a decimal amount", TestName = "Read_WhenAnAmountIsNotDecimal_IsRefused")]
    [TestCase("<Amt Ccy=\"EUR\">1190.00</Amt>", "<Amt Ccy=\"EUR\">-1190.00</Amt>", "not a decimal amount", TestName = "Read_WhenAnAmountIsNegative_IsRefused")]
    [TestCase("<CdtDbtInd>DBIT</CdtDbtInd>", "<CdtDbtInd>CREDIT</CdtDbtInd>", "CRDT or DBIT", TestName = "Read_WhenTheDirectionIsUnknown_IsRefused")]
    [TestCase("<Sts>BOOK</Sts>", "", "has no Sts", TestName = "Read_WhenAnEntryHasNoStatus_IsRefused")]
    [TestCase("<IBAN>DE89370400440532013000</IBAN>", "", "has no Acct/Id/IBAN", TestName = "Read_WhenTheAccountIsMissing_IsRefused")]
    [TestCase("<Id>STMT-1</Id>", "", "has no Id", TestName = "Read_WhenTheStatementHasNoId_IsRefused")]
    [TestCase("<ValDt>", "<ValDt><Dt>01.03.2026</Dt>", "not an ISO date", TestName = "Read_WhenADateIsNotIso_IsRefused")]
    public void Read_WhenTheStructureIsBroken_IsRefusedNamingTheElement(string element, string replacement, string reason)
    {
        var text = BankStatementSamples.Text(BankStatementSamples.SepaCreditTransfers, Filled);
        var index = text.IndexOf(element, StringComparison.Ordinal);
        var broken = text[..index] + replacement + text[(index + element.Length)..];

        Assert.That(() => CamtReader.Read(Encoding.UTF8.GetBytes(broken), Limit), Throws.TypeOf<CamtFormatException>().With.Message.Contains(reason));
    }

    [Test]
    public void Read_WhenAmountsAreInYen_TakesNoDecimals()
    {
        var text = BankStatementSamples.Text(BankStatementSamples.Notification, Filled).Replace("Ccy=\"EUR\">1190.00", "Ccy=\"JPY\">70000");

        Assert.That(CamtReader.Read(Encoding.UTF8.GetBytes(text), Limit).Lines.Single(), Has.Property("AmountMinor").EqualTo(70000).And.Property("Currency").EqualTo("JPY"));
    }

    [Test]
    public void Read_WhenTheFileDeclaresADtdOrEntity_IsRefusedWithoutResolvingIt()
    {
        var text = BankStatementSamples.Text(BankStatementSamples.Notification, Filled)
            .Replace("<Document ", "<!DOCTYPE Document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<Document ")
            .Replace("<Ustrd>RF18 5390 0754 7034</Ustrd>", "<Ustrd>&xxe;</Ustrd>");

        Assert.That(() => CamtReader.Read(Encoding.UTF8.GetBytes(text), Limit), Throws.TypeOf<CamtFormatException>().With.Message.Contains("DTD"));
    }

    [Test]
    public void Read_WhenTheDocumentIsLargerThanTheLimit_IsRefused()
    {
        var content = BankStatementSamples.Bytes(BankStatementSamples.SepaCreditTransfers, Filled);

        Assert.That(() => CamtReader.Read(content, 2_000), Throws.TypeOf<CamtFormatException>());
    }

    [Test]
    public void Read_WhenAnEntryIsPending_KeepsItsStatus()
    {
        var text = BankStatementSamples.Text(BankStatementSamples.Notification, Filled).Replace("<Sts>BOOK</Sts>", "<Sts>PDNG</Sts>");

        Assert.That(CamtReader.Read(Encoding.UTF8.GetBytes(text), Limit).Lines.Single().Status, Is.EqualTo("PDNG"));
    }
}
