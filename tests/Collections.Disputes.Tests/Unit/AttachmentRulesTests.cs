using Collections.Disputes.Features.Attachments;

namespace Collections.Disputes.Tests.Unit;

public sealed class AttachmentRulesTests
{
    [TestCase(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "application/pdf")]
    [TestCase(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "image/png")]
    [TestCase(new byte[] { 0xFF, 0xD8, 0xFF, 0xDB }, "image/jpeg")]
    public void Sniff_RecognisesAllowedTypes(byte[] content, string expected) =>
        Assert.That(AttachmentRules.SniffContentType(content), Is.EqualTo(expected));

    [TestCase(new byte[] { 0x4D, 0x5A, 0x90, 0x00 })] // Windows executable
    [TestCase(new byte[] { 0x50, 0x4B, 0x03, 0x04 })] // zip / docx
    [TestCase(new byte[] { 0x25, 0x50, 0x44 })] // truncated %PD
    [TestCase(new byte[] { 0x89, 0x50, 0x4E, 0x47 })] // truncated PNG signature
    [TestCase(new byte[] { 0x3C, 0x73, 0x76, 0x67 })] // <svg
    [TestCase(new byte[0])]
    public void Sniff_RefusesEverythingElse(byte[] content) =>
        Assert.That(AttachmentRules.SniffContentType(content), Is.Null);

    [TestCase("../../etc/passwd", "passwd")]
    [TestCase("C:\\Users\\x\\scan.pdf", "scan.pdf")]
    [TestCase("a\"b.pdf", "ab.pdf")]
    [TestCase("", "attachment")]
    [TestCase(null, "attachment")]
    public void SafeFileName_KeepsOnlyTheName(string? given, string expected) =>
        Assert.That(AttachmentRules.SafeFileName(given), Is.EqualTo(expected));
}
