using Collections.Invoicing.Contracts;
using Collections.Payments.Domain;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using MediatR;

namespace Collections.Payments.Features.BankStatements;

/// <summary>Whose money a credit is and where it goes: null Allocations means the debtor's normal allocation order.</summary>
internal sealed record LineMatch(string DebtorId, string Rule, IReadOnlyList<(string ItemId, long AmountMinor)>? Allocations, string Note);

/// <summary>A match, or none and why (the note staff read in the unmatched queue).</summary>
internal sealed record LineMatchResult(LineMatch? Match, string Note);

/// <summary>
/// Finds the debtor and items of a booked credit, trying the rules in order (docs/payments.md, "Bank statements"):
/// (1) a creditor reference issued to a debtor, structured or written in the text; (2) numbers of open invoices of one
/// debtor in the text, those invoices in the order written; (3) the exact amount of one to five open items of the debtor
/// the payer's name or account identifies, or, with no debtor identified, of the single open item in the whole book with
/// that amount. Amounts count early-payment discounts still offered on the day the money arrived; only items in the
/// line's currency are considered. Anything else is no match: nothing is guessed.
/// </summary>
internal sealed class LineMatcher(DbSession db, DebtorReferences references, IMediator mediator)
{
    private const string DebtorsOfAccountSql = """
        SELECT DISTINCT debtor_id FROM payments_bank_lines
        WHERE payer_account = @Account AND status = 'matched' AND debtor_id IS NOT NULL
        """;

    public async Task<LineMatchResult> MatchAsync(CamtLine line, DateOnly receivedOn, CancellationToken ct)
    {
        var notes = new List<string>();
        if (await ByReferenceAsync(line, notes, ct) is { } byReference)
        {
            return new LineMatchResult(byReference, byReference.Note);
        }

        if (await ByInvoiceNumbersAsync(line, receivedOn, notes, ct) is { } byNumbers)
        {
            return new LineMatchResult(byNumbers, byNumbers.Note);
        }

        if (await ByAmountAsync(line, receivedOn, notes, ct) is { } byAmount)
        {
            return new LineMatchResult(byAmount, byAmount.Note);
        }

        return new LineMatchResult(null, string.Join(" ", notes));
    }

    private async Task<LineMatch?> ByReferenceAsync(CamtLine line, List<string> notes, CancellationToken ct)
    {
        var candidates = line.CreditorReferences.Select(CreditorReference.Parse).OfType<string>()
            .Concat(RemittanceText.CreditorReferences(line.RemittanceText))
            .Distinct(StringComparer.Ordinal);
        var issued = new List<(string Reference, string DebtorId)>();
        foreach (var reference in candidates)
        {
            if (await references.DebtorOfAsync(reference, ct) is { } debtorId)
            {
                issued.Add((reference, debtorId));
            }
        }

        var debtors = issued.Select(i => i.DebtorId).Distinct(StringComparer.Ordinal).ToList();
        if (debtors.Count == 1)
        {
            return new LineMatch(debtors[0], MatchRules.Reference, null,
                $"Creditor reference {CreditorReference.Print(issued[0].Reference)} is debtor {debtors[0]}'s; allocated in the debtor's allocation order.");
        }

        if (debtors.Count > 1)
        {
            notes.Add($"The line quotes the creditor references of {debtors.Count} debtors ({string.Join(", ", debtors)}).");
        }
        else if (line.CreditorReferences.Count > 0)
        {
            notes.Add($"Creditor reference {string.Join(", ", line.CreditorReferences)} was not issued to any debtor.");
        }

        return null;
    }

    private async Task<LineMatch?> ByInvoiceNumbersAsync(CamtLine line, DateOnly receivedOn, List<string> notes, CancellationToken ct)
    {
        var tokens = line.DocumentNumbers
            .Concat(line.CreditorReferences.Where(r => CreditorReference.Parse(r) is null))
            .Concat(RemittanceText.Tokens(line.RemittanceText))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (tokens.Count == 0)
        {
            return null;
        }

        var items = await mediator.Send(new FindOpenItemsByNumberQuery(tokens, line.Currency, receivedOn), ct);
        var debtors = items.Select(i => i.DebtorId).Distinct(StringComparer.Ordinal).ToList();
        if (debtors.Count != 1)
        {
            if (debtors.Count > 1)
            {
                notes.Add($"The text names open invoices of {debtors.Count} debtors ({string.Join(", ", items.Select(i => i.Number).Distinct())}).");
            }

            return null;
        }

        var inOrder = items
            .OrderBy(i => tokens.FindIndex(t => string.Equals(t, i.Number, StringComparison.OrdinalIgnoreCase)))
            .ThenBy(i => i.DueDate).ThenBy(i => i.Id, StringComparer.Ordinal)
            .ToList();
        var remaining = line.AmountMinor;
        var allocations = new List<(string ItemId, long AmountMinor)>();
        foreach (var item in inOrder)
        {
            if (remaining == 0)
            {
                break;
            }

            var apply = item.EarlyPayment is { } offer && remaining >= item.BalanceMinor - offer.DiscountMinor
                ? item.BalanceMinor - offer.DiscountMinor
                : Math.Min(remaining, item.BalanceMinor);
            allocations.Add((item.Id, apply));
            remaining -= apply;
        }

        return new LineMatch(debtors[0], MatchRules.InvoiceNumber, allocations,
            $"The text names invoice {string.Join(", ", inOrder.Take(allocations.Count).Select(i => i.Number))} of debtor {debtors[0]}"
            + (remaining > 0 ? $"; {new Money(remaining, Currency.Of(line.Currency))} left over is account credit." : "."));
    }

    private async Task<LineMatch?> ByAmountAsync(CamtLine line, DateOnly receivedOn, List<string> notes, CancellationToken ct)
    {
        var amount = new Money(line.AmountMinor, Currency.Of(line.Currency));
        var debtorId = await PayerAsync(line, notes, ct);
        if (debtorId is not null)
        {
            var open = (await mediator.Send(new GetOpenItemsQuery(debtorId, receivedOn), ct))
                .Where(i => i.Currency == line.Currency && i.Status == InvoiceStatuses.Open && i.CollectibleMinor > 0)
                .ToList();
            var combination = AmountCombinations.Find(line.AmountMinor, open.Select(Settling).ToList());
            if (combination.Parts is { } parts)
            {
                var numbers = parts.Select(p => open.First(i => i.Id == p.ItemId).Number);
                return new LineMatch(debtorId, MatchRules.Amount, parts, $"The payer is debtor {debtorId}, and {amount} settles exactly invoice {string.Join(", ", numbers)}.");
            }

            notes.Add(combination.Ambiguous
                ? $"The payer is debtor {debtorId}, but more than one combination of its open items adds up to {amount}."
                : $"The payer is debtor {debtorId}, but no combination of up to {AmountCombinations.MaxItems} of its open {line.Currency} items adds up to {amount}.");
            return null;
        }

        var payable = await mediator.Send(new FindOpenItemsPayableWithQuery(line.AmountMinor, line.Currency, receivedOn), ct);
        if (payable.Count == 1)
        {
            var item = payable[0];
            return new LineMatch(item.DebtorId, MatchRules.Amount, [(item.Id, line.AmountMinor)],
                $"Invoice {item.Number} of debtor {item.DebtorId} is the only open item in the book that {amount} settles exactly.");
        }

        notes.Add(payable.Count == 0
            ? $"No open item is settled by exactly {amount}."
            : $"{payable.Count} open items of different debtors are settled by exactly {amount}; none is chosen.");
        return null;
    }

    /// <summary>The debtor the payer is: an account that paid only one debtor before, or a name only one debtor has; null when they disagree.</summary>
    private async Task<string?> PayerAsync(CamtLine line, List<string> notes, CancellationToken ct)
    {
        var byAccount = line.PayerAccount is null ? [] : await db.QueryAsync<string>(DebtorsOfAccountSql, new { Account = line.PayerAccount }, ct);
        var byName = line.PayerName is null ? [] : await mediator.Send(new FindDebtorsByNameQuery(line.PayerName), ct);
        var fromAccount = byAccount.Count == 1 ? byAccount[0] : null;
        var fromName = byName.Count == 1 ? byName[0] : null;
        if (fromAccount is not null && fromName is not null && fromAccount != fromName)
        {
            notes.Add($"The payer's account paid debtor {fromAccount} before, but its name is debtor {fromName}'s.");
            return null;
        }

        return fromAccount ?? fromName;
    }

    private static SettlingAmounts Settling(ReceivableDto item) =>
        new(item.Id, item.EarlyPayment is { } offer ? [item.CollectibleMinor, item.BalanceMinor - offer.DiscountMinor] : [item.CollectibleMinor]);
}
