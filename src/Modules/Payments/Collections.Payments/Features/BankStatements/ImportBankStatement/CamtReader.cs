using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Collections.SharedKernel;

namespace Collections.Payments.Features.BankStatements;

/// <summary>A file the reader refuses, and why: answered 400 before anything is written.</summary>
internal sealed class CamtFormatException(string message) : Exception(message);

/// <summary>What a camt file says: its kind (camt.053 or camt.054), message id, statements and their lines in file order.</summary>
internal sealed record CamtFile(string Kind, string MessageId, IReadOnlyList<CamtStatement> Statements)
{
    public IEnumerable<CamtLine> Lines => Statements.SelectMany(s => s.Lines);
}

/// <summary>One statement (camt.053 <c>Stmt</c>) or notification (camt.054 <c>Ntfctn</c>) of one account.</summary>
internal sealed record CamtStatement(string Id, string Account, IReadOnlyList<CamtLine> Lines);

/// <summary>
/// One entry, or one transaction of a batch entry. Credit: money arrived. Status: BOOK, PDNG or INFO. References are the
/// creditor references (<c>Strd/CdtrRefInf/Ref</c>) and referred document numbers (<c>Strd/RfrdDocInf/Nb</c>) as written.
/// </summary>
internal sealed record CamtLine(
    string StatementId,
    string Account,
    bool Credit,
    string Status,
    long AmountMinor,
    string Currency,
    DateOnly? BookedOn,
    DateOnly? ValueOn,
    string? EndToEndId,
    string? BankReference,
    string? BankTransactionCode,
    string? PayerName,
    string? PayerAccount,
    string? RemittanceText,
    IReadOnlyList<string> CreditorReferences,
    IReadOnlyList<string> DocumentNumbers,
    bool IsReturn,
    string? ReturnReason);

/// <summary>
/// Reads ISO 20022 camt.053 (<c>BkToCstmrStmt</c>) and camt.054 (<c>BkToCstmrDbtCdtNtfctn</c>), versions 001.02 to 001.08,
/// safely: no DTD, no external resolver, no entity expansion, at most the configured size. It checks the structure the
/// matching relies on (statement id, account, each entry's amount, currency, direction and status, a batch's parts) and
/// refuses anything else with the element at fault; elements it does not need are not read.
/// </summary>
internal static partial class CamtReader
{
    /// <summary>Bank transaction sub-families that return or reverse an earlier payment (ISO 20022 external code list).</summary>
    private static readonly HashSet<string> ReturnSubFamilies = new(StringComparer.Ordinal) { "RRTN", "RPCR", "UPDD", "PRDD", "ARET", "AREV" };

    public static CamtFile Read(byte[] content, long maxBytes)
    {
        if (content.Length == 0)
        {
            throw new CamtFormatException("The body is empty; send the camt.053 or camt.054 XML file.");
        }

        var document = Load(content, maxBytes);
        var root = document.Root!;
        var match = NamespacePattern().Match(root.Name.NamespaceName);
        if (root.Name.LocalName != "Document" || !root.Name.NamespaceName.StartsWith("urn:iso:std:iso:20022:tech:xsd:", StringComparison.Ordinal))
        {
            throw new CamtFormatException("This is not an ISO 20022 message: its root must be <Document> in an urn:iso:std:iso:20022:tech:xsd namespace.");
        }

        if (!match.Success)
        {
            throw new CamtFormatException($"The message {root.Name.NamespaceName[31..]} is not accepted: only camt.053 statements and camt.054 notifications, versions 001.02 to 001.08.");
        }

        var ns = root.Name.Namespace;
        var kind = $"camt.{match.Groups["kind"].Value}";
        var (body, statementName) = kind == "camt.053" ? ("BkToCstmrStmt", "Stmt") : ("BkToCstmrDbtCdtNtfctn", "Ntfctn");
        var message = root.Element(ns + body) ?? throw Missing(body, "Document");
        var messageId = Text(message.Element(ns + "GrpHdr")?.Element(ns + "MsgId")) ?? throw Missing("GrpHdr/MsgId", body);
        var statements = message.Elements(ns + statementName).Select(s => ReadStatement(ns, s, statementName)).ToList();
        if (statements.Count == 0)
        {
            throw Missing(statementName, body);
        }

        if (statements.GroupBy(s => (s.Account, s.Id)).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new CamtFormatException($"Statement {twice.Key.Id} of account {twice.Key.Account} appears twice in the file.");
        }

        return new CamtFile(kind, messageId, statements);
    }

    private static XDocument Load(byte[] content, long maxBytes)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            MaxCharactersInDocument = maxBytes,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(content, writable: false), settings);
            return XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException exception)
        {
            throw new CamtFormatException($"The file is not well-formed XML: {exception.Message}");
        }
    }

    private static CamtStatement ReadStatement(XNamespace ns, XElement statement, string name)
    {
        var id = Text(statement.Element(ns + "Id")) ?? throw Missing("Id", name);
        if (id.Length > 35)
        {
            throw new CamtFormatException($"{name}/Id is longer than 35 characters.");
        }

        var accountId = statement.Element(ns + "Acct")?.Element(ns + "Id");
        var account = Text(accountId?.Element(ns + "IBAN")) ?? Text(accountId?.Element(ns + "Othr")?.Element(ns + "Id"))
            ?? throw Missing("Acct/Id/IBAN (or Acct/Id/Othr/Id)", $"{name} {id}");
        account = Compact(account);
        if (account.Length > 34)
        {
            throw new CamtFormatException($"The account of {name} {id} is longer than 34 characters.");
        }

        var lines = new List<CamtLine>();
        var position = 0;
        foreach (var entry in statement.Elements(ns + "Ntry"))
        {
            position++;
            lines.AddRange(ReadEntry(ns, entry, $"{name} {id}, Ntry {position}", id, account));
        }

        return new CamtStatement(id, account, lines);
    }

    private static IEnumerable<CamtLine> ReadEntry(XNamespace ns, XElement entry, string where, string statementId, string account)
    {
        var (amount, currency) = ReadAmount(entry.Element(ns + "Amt"), $"{where}: Amt");
        var credit = ReadDirection(entry.Element(ns + "CdtDbtInd"), $"{where}: CdtDbtInd") ?? throw Missing("CdtDbtInd", where);
        var statusElement = entry.Element(ns + "Sts") ?? throw Missing("Sts", where);
        var status = Text(statusElement.Element(ns + "Cd")) ?? Text(statusElement.Element(ns + "Prtry")) ?? Text(statusElement) ?? throw Missing("Sts", where);
        var bookedOn = ReadDate(ns, entry.Element(ns + "BookgDt"), $"{where}: BookgDt");
        var valueOn = ReadDate(ns, entry.Element(ns + "ValDt"), $"{where}: ValDt");
        var entryCode = ReadBankCode(ns, entry.Element(ns + "BkTxCd"));
        var reversal = string.Equals(Text(entry.Element(ns + "RvslInd")), "true", StringComparison.Ordinal);
        var entryReference = Text(entry.Element(ns + "AcctSvcrRef")) ?? Text(entry.Element(ns + "NtryRef"));
        var entryInfo = Text(entry.Element(ns + "AddtlNtryInf"));

        var transactions = entry.Elements(ns + "NtryDtls").SelectMany(d => d.Elements(ns + "TxDtls")).ToList();
        if (transactions.Count == 0)
        {
            yield return new CamtLine(statementId, account, credit, status, amount, currency, bookedOn, valueOn, null, entryReference,
                entryCode?.Code, null, null, entryInfo, [], [], reversal || entryCode?.IsReturn == true, null);
            yield break;
        }

        var parts = transactions.Select((tx, i) => (tx, Amount: transactions.Count == 1 ? (amount, currency) : TransactionAmount(ns, tx, $"{where}, TxDtls {i + 1}"))).ToList();
        if (parts.Any(p => p.Amount.currency != currency))
        {
            throw new CamtFormatException($"{where}: a transaction of the batch is not in the entry's currency {currency}.");
        }

        if (parts.Sum(p => p.Amount.amount) != amount)
        {
            throw new CamtFormatException($"{where}: the batch's transactions add up to {parts.Sum(p => p.Amount.amount)} minor units, not the entry's {amount}.");
        }

        foreach (var (tx, (txAmount, _)) in parts)
        {
            var code = ReadBankCode(ns, tx.Element(ns + "BkTxCd")) ?? entryCode;
            var refs = tx.Element(ns + "Refs");
            var endToEnd = Text(refs?.Element(ns + "EndToEndId"));
            var parties = tx.Element(ns + "RltdPties");
            var debtor = parties?.Element(ns + "Dbtr");
            var payerName = Text(debtor?.Element(ns + "Nm")) ?? Text(debtor?.Element(ns + "Pty")?.Element(ns + "Nm"));
            var payerAccountId = parties?.Element(ns + "DbtrAcct")?.Element(ns + "Id");
            var payerAccount = Text(payerAccountId?.Element(ns + "IBAN")) ?? Text(payerAccountId?.Element(ns + "Othr")?.Element(ns + "Id"));
            var remittance = tx.Element(ns + "RmtInf");
            var unstructured = remittance?.Elements(ns + "Ustrd").Select(Text).OfType<string>().ToList() ?? [];
            var structured = remittance?.Elements(ns + "Strd").ToList() ?? [];
            var creditorReferences = structured.Select(s => Text(s.Element(ns + "CdtrRefInf")?.Element(ns + "Ref"))).OfType<string>().ToList();
            var documentNumbers = structured.SelectMany(s => s.Elements(ns + "RfrdDocInf")).Select(d => Text(d.Element(ns + "Nb"))).OfType<string>().ToList();
            var returned = tx.Element(ns + "RtrInf");
            var returnReason = returned is null ? null : string.Join(": ", new[]
            {
                Text(returned.Element(ns + "Rsn")?.Element(ns + "Cd")) ?? Text(returned.Element(ns + "Rsn")?.Element(ns + "Prtry")),
                string.Join(" ", returned.Elements(ns + "AddtlInf").Select(Text).OfType<string>()),
            }.Where(s => !string.IsNullOrEmpty(s)));
            var text = unstructured.Count > 0 ? string.Join(" ", unstructured) : entryInfo;
            yield return new CamtLine(statementId, account, Direction(ns, tx) ?? credit, status, txAmount, currency, bookedOn, valueOn,
                endToEnd is null || endToEnd.Equals("NOTPROVIDED", StringComparison.OrdinalIgnoreCase) ? null : endToEnd,
                Text(refs?.Element(ns + "AcctSvcrRef")) ?? entryReference, code?.Code, payerName, payerAccount is null ? null : Compact(payerAccount),
                text, creditorReferences, documentNumbers, reversal || returned is not null || code?.IsReturn == true,
                string.IsNullOrEmpty(returnReason) ? null : returnReason);
        }
    }

    /// <summary>A batch transaction's own amount: <c>Amt</c> (001.03 on) or <c>AmtDtls/TxAmt/Amt</c> (001.02).</summary>
    private static (long amount, string currency) TransactionAmount(XNamespace ns, XElement tx, string where) =>
        ReadAmount(tx.Element(ns + "Amt") ?? tx.Element(ns + "AmtDtls")?.Element(ns + "TxAmt")?.Element(ns + "Amt"), $"{where}: Amt (or AmtDtls/TxAmt/Amt)");

    private static bool? Direction(XNamespace ns, XElement tx) => ReadDirection(tx.Element(ns + "CdtDbtInd"), "TxDtls/CdtDbtInd");

    private static bool? ReadDirection(XElement? element, string where) => Text(element) switch
    {
        null => null,
        "CRDT" => true,
        "DBIT" => false,
        var other => throw new CamtFormatException($"{where} is '{other}'; it must be CRDT or DBIT."),
    };

    /// <summary>An ActiveOrHistoricCurrencyAndAmount: a known currency and a non-negative decimal with no more decimals than the currency has.</summary>
    private static (long amount, string currency) ReadAmount(XElement? element, string where)
    {
        if (element is null)
        {
            throw new CamtFormatException($"{where} is missing.");
        }

        var code = element.Attribute("Ccy")?.Value;
        if (!Currency.TryFind(code, out var currency))
        {
            throw new CamtFormatException($"{where} has the currency '{code}', which is not a known ISO 4217 currency.");
        }

        var text = element.Value.Trim();
        if (!AmountPattern().IsMatch(text) || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            throw new CamtFormatException($"{where} is '{Clip(text)}', not a decimal amount (digits and a point, at most 18 digits and 5 decimals).");
        }

        if (!Money.HasValidScale(value, currency))
        {
            throw new CamtFormatException($"{where} is {text} {currency}: more decimals than {currency} has ({currency.Decimals}), or more than any amount can be.");
        }

        return (Money.FromMajor(value, currency).Minor, currency.Code);
    }

    private static DateOnly? ReadDate(XNamespace ns, XElement? element, string where)
    {
        if (element is null)
        {
            return null;
        }

        if (Text(element.Element(ns + "Dt")) is { } date)
        {
            return DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? day
                : throw new CamtFormatException($"{where}/Dt is '{Clip(date)}', not an ISO date.");
        }

        if (Text(element.Element(ns + "DtTm")) is { } instant)
        {
            return DateTimeOffset.TryParse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? DateOnly.FromDateTime(at.DateTime)
                : throw new CamtFormatException($"{where}/DtTm is '{Clip(instant)}', not an ISO date and time.");
        }

        throw new CamtFormatException($"{where} holds neither Dt nor DtTm.");
    }

    /// <summary>The ISO bank transaction code as Domain/Family/SubFamily (PMNT/RCDT/ESCT), else the proprietary code.</summary>
    private static BankCode? ReadBankCode(XNamespace ns, XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        var domain = element.Element(ns + "Domn");
        if (domain is not null)
        {
            var family = domain.Element(ns + "Fmly");
            var sub = Text(family?.Element(ns + "SubFmlyCd"));
            var code = string.Join('/', new[] { Text(domain.Element(ns + "Cd")), Text(family?.Element(ns + "Cd")), sub }.OfType<string>());
            return new BankCode(code, sub is not null && ReturnSubFamilies.Contains(sub));
        }

        return Text(element.Element(ns + "Prtry")?.Element(ns + "Cd")) is { } proprietary ? new BankCode(proprietary, false) : null;
    }

    private static string? Text(XElement? element) => element is null || string.IsNullOrWhiteSpace(element.Value) ? null : element.Value.Trim();

    private static string Compact(string account) => new string(account.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static CamtFormatException Missing(string element, string where) => new($"{where} has no {element}, which a camt file must carry.");

    private sealed record BankCode(string Code, bool IsReturn);

    [GeneratedRegex(@"^urn:iso:std:iso:20022:tech:xsd:camt\.(?<kind>053|054)\.001\.0[2-8]$")]
    private static partial Regex NamespacePattern();

    [GeneratedRegex(@"^[0-9]{1,18}(\.[0-9]{1,5})?$")]
    private static partial Regex AmountPattern();
}
