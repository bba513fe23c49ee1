using Collections.Payments.Features.BankStatements;

namespace Collections.Payments.Tests.BankStatements;

public sealed class RemittanceTextTests
{
    [TestCase("RF18 5390 0754 7034", TestName = "CreditorReferences_WhenPrintedInGroups_FindsTheReference")]
    [TestCase("rf18539007547034", TestName = "CreditorReferences_WhenCompactAndLowerCase_FindsTheReference")]
    [TestCase("Zahlung RF18 5390 0754 7034. Danke", TestName = "CreditorReferences_AmidText_FindsTheReference")]
    public void CreditorReferences_OfAWrittenReference_FindsIt(string text) =>
        Assert.That(RemittanceText.CreditorReferences(text), Does.Contain("RF18539007547034"));

    [Test]
    public void CreditorReferences_WhenCheckDigitsAreWrong_FindsNothing() =>
        Assert.That(RemittanceText.CreditorReferences("RF19 5390 0754 7034"), Is.Empty);

    [Test]
    public void Tokens_AreWholeWordsInOrder_WithSlashPartsAfterTheWord() =>
        Assert.That(RemittanceText.Tokens("Rechnungen INV-1/INV-2, INV-3."), Is.EqualTo(new[] { "Rechnungen", "INV-1/INV-2", "INV-1", "INV-2", "INV-3" }));

    [Test]
    public void Tokens_NeverSplitAWord_SoAPrefixIsNoMatch() =>
        Assert.That(RemittanceText.Tokens("INV-100"), Does.Not.Contain("INV-10"));
}

public sealed class AmountCombinationsTests
{
    [Test]
    public void Find_WhenOneItemHasTheAmount_IsThatItem() =>
        Assert.That(AmountCombinations.Find(500, [new("a", [300]), new("b", [500])]).Parts, Is.EqualTo(new[] { ("b", 500L) }));

    [Test]
    public void Find_WhenSeveralItemsAddUp_IsThoseItems() =>
        Assert.That(AmountCombinations.Find(600, [new("a", [100]), new("b", [200]), new("c", [300]), new("d", [1000])]).Parts,
            Is.EqualTo(new[] { ("a", 100L), ("b", 200L), ("c", 300L) }));

    [Test]
    public void Find_WhenTwoCombinationsFit_IsAmbiguous()
    {
        var result = AmountCombinations.Find(300, [new("a", [100]), new("b", [200]), new("c", [300])]);

        Assert.That((result.Parts, result.Ambiguous), Is.EqualTo(((IReadOnlyList<(string, long)>?)null, true)));
    }

    [Test]
    public void Find_WhenOnlyTheDiscountedAmountFits_TakesIt() =>
        Assert.That(AmountCombinations.Find(980, [new("a", [1000, 980])]).Parts, Is.EqualTo(new[] { ("a", 980L) }));

    [Test]
    public void Find_NeverTakesMoreThanFiveItems()
    {
        var six = Enumerable.Range(1, 6).Select(i => new SettlingAmounts($"i{i}", [100])).ToList();

        Assert.That(AmountCombinations.Find(600, six).Parts, Is.Null);
        Assert.That(AmountCombinations.Find(500, six.Take(5).ToList()).Parts, Has.Count.EqualTo(5));
    }

    [Test]
    public void Find_WhenNothingFits_IsNoneAndNotAmbiguous()
    {
        var result = AmountCombinations.Find(250, [new("a", [100]), new("b", [200])]);

        Assert.That((result.Parts, result.Ambiguous), Is.EqualTo(((IReadOnlyList<(string, long)>?)null, false)));
    }

    [Test]
    public void Find_OverHundredsOfItems_GivesUpAsAmbiguousInsteadOfSearchingForever()
    {
        var many = Enumerable.Range(1, 400).Select(i => new SettlingAmounts($"i{i}", [1000 + i])).ToList();

        Assert.That(AmountCombinations.Find(1, many).Ambiguous, Is.False, "nothing small enough is skipped at once");
        Assert.That(AmountCombinations.Find(5_000_000, many).Ambiguous, Is.True);
    }
}
