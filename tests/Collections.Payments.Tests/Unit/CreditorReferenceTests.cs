using Collections.Payments.Domain;

namespace Collections.Payments.Tests.Unit;

public sealed class CreditorReferenceTests
{
    [Test]
    public void Create_OfTheStandardsExample_HasItsCheckDigits() =>
        Assert.That(CreditorReference.Create("539007547034"), Is.EqualTo("RF18539007547034"));

    [TestCase("RF18539007547034", "RF18539007547034")]
    [TestCase("rf18 5390 0754 7034", "RF18539007547034")]
    [TestCase(" RF18 5390 0754 7034 ", "RF18539007547034")]
    public void Parse_OfAWellFormedReference_IsItsCompactForm(string text, string expected) =>
        Assert.That(CreditorReference.Parse(text), Is.EqualTo(expected));

    [TestCase("RF19539007547034", TestName = "Parse_WithWrongCheckDigits_IsNull")]
    [TestCase("RF18539007547043", TestName = "Parse_WithTwoDigitsSwapped_IsNull")]
    [TestCase("XX18539007547034", TestName = "Parse_WithoutTheRFPrefix_IsNull")]
    [TestCase("RF18", TestName = "Parse_WithoutABody_IsNull")]
    [TestCase("RF18-5390-0754-7034", TestName = "Parse_WithPunctuation_IsNull")]
    [TestCase("RF0112345678901234567890123", TestName = "Parse_WithABodyOver21Characters_IsNull")]
    [TestCase("", TestName = "Parse_OfNothing_IsNull")]
    public void Parse_OfAMalformedReference_IsNull(string text) => Assert.That(CreditorReference.Parse(text), Is.Null);

    [Test]
    public void Create_ThenParse_RoundTripsLettersAndDigits()
    {
        foreach (var body in new[] { "A", "Z9", "INV2026000123", "0000000000000000000001", "ABCDEFGHIJKLMNOPQRSTU" }.Where(b => b.Length <= 21))
        {
            var reference = CreditorReference.Create(body);
            Assert.That(CreditorReference.Parse(reference), Is.EqualTo(reference), body);
        }
    }

    [Test]
    public void Create_OfABodyThatIsNotLettersAndDigits_Throws()
    {
        Assert.Throws<ArgumentException>(() => CreditorReference.Create("INV-1"));
        Assert.Throws<ArgumentException>(() => CreditorReference.Create(new string('1', 22)));
    }

    [Test]
    public void Print_GroupsByFour() =>
        Assert.That(CreditorReference.Print("RF18539007547034"), Is.EqualTo("RF18 5390 0754 7034"));
}
