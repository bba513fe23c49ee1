namespace Collections.Payments.Features.BankStatements;

/// <summary>An open item and the amounts that settle it: its collectible balance, and balance − discount while one is offered.</summary>
internal sealed record SettlingAmounts(string ItemId, IReadOnlyList<long> AmountsMinor);

/// <summary>The one set of items an amount settles exactly; null Parts when there is none, or more than one (no guessing).</summary>
internal sealed record Combination(IReadOnlyList<(string ItemId, long AmountMinor)>? Parts, bool Ambiguous);

/// <summary>
/// Which one to five open items of a debtor a payment pays exactly, as Stripe's reconciliation of bank transfers does.
/// Only a single combination counts: two that both fit would be a guess. The search gives up (as ambiguous) after a fixed
/// number of steps, so a debtor with hundreds of open items cannot stall an import.
/// </summary>
internal static class AmountCombinations
{
    public const int MaxItems = 5;

    private const int MaxSteps = 200_000;

    public static Combination Find(long amountMinor, IReadOnlyList<SettlingAmounts> items)
    {
        var candidates = items
            .Select(i => i with { AmountsMinor = i.AmountsMinor.Where(a => a > 0 && a <= amountMinor).Distinct().ToList() })
            .Where(i => i.AmountsMinor.Count > 0)
            .ToList();
        var found = new List<List<(string, long)>>();
        var chosen = new List<(string, long)>();
        var steps = 0;
        var exhausted = !Search(0, amountMinor);
        return exhausted || found.Count > 1
            ? new Combination(null, Ambiguous: true)
            : new Combination(found.Count == 1 ? found[0] : null, Ambiguous: false);

        // False when the step budget ran out before the search finished.
        bool Search(int from, long remaining)
        {
            for (var i = from; i < candidates.Count; i++)
            {
                foreach (var amount in candidates[i].AmountsMinor)
                {
                    if (++steps > MaxSteps)
                    {
                        return false;
                    }

                    if (amount > remaining)
                    {
                        continue;
                    }

                    chosen.Add((candidates[i].ItemId, amount));
                    if (amount == remaining)
                    {
                        found.Add([.. chosen]);
                    }
                    else if (chosen.Count < MaxItems && !Search(i + 1, remaining - amount))
                    {
                        return false;
                    }

                    chosen.RemoveAt(chosen.Count - 1);
                    if (found.Count > 1)
                    {
                        return true;
                    }
                }
            }

            return true;
        }
    }
}
