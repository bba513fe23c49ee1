using Collections.SharedKernel;
using Collections.SharedKernel.Security;

namespace Collections.Api.Tests.Kernel;

public sealed class TextClipTests
{
    [Test]
    public void TextThatFits_IsUnchanged()
    {
        Assert.That(Text.Clip("abcde", 5), Is.EqualTo("abcde"));
    }

    [Test]
    public void LongerText_EndsInAnEllipsisAtTheLimit()
    {
        var clipped = Text.Clip("abcdef", 5);

        Assert.That(clipped, Is.EqualTo("abcd…"));
        Assert.That(clipped, Has.Length.EqualTo(5));
    }

    [Test]
    public void ASurrogatePair_IsNeverSplit()
    {
        var clipped = Text.Clip("abc😀def", 5);

        Assert.That(clipped, Is.EqualTo("abc…"));
        Assert.That(clipped.EnumerateRunes().All(r => r != System.Text.Rune.ReplacementChar), Is.True);
    }

    [Test]
    public void TheActor_FitsItsColumn_EvenForTheLongestName()
    {
        var actor = new Caller("key_1", new string('n', 200), Roles.Admin).Actor;

        Assert.That(actor, Has.Length.EqualTo(Caller.ActorLength));
        Assert.That(actor, Does.StartWith("admin:nnn"));
    }
}
