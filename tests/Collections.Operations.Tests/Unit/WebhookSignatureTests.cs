using System.Security.Cryptography;
using System.Text;
using Collections.Webhooks.Domain;

namespace Collections.Operations.Tests.Unit;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_test";
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public void Create_WhenSigned_IsHmacSha256OfTimestampDotBody()
    {
        var t = Now.ToUnixTimeSeconds();
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{t}.{{\"a\":1}}")));

        Assert.That(WebhookSignature.Create(Secret, t, "{\"a\":1}"), Is.EqualTo($"t={t},v1={expected}"));
    }

    [Test]
    public void Verify_WhenUntouched_Passes() =>
        Assert.That(WebhookSignature.Verify(Secret, WebhookSignature.Create(Secret, Now.ToUnixTimeSeconds(), "body"), "body", Now.AddSeconds(30), TimeSpan.FromMinutes(5)), Is.True);

    [Test]
    public void Verify_WhenBodyChanged_Fails() =>
        Assert.That(WebhookSignature.Verify(Secret, WebhookSignature.Create(Secret, Now.ToUnixTimeSeconds(), "body"), "bodY", Now, TimeSpan.FromMinutes(5)), Is.False);

    [Test]
    public void Verify_WhenOtherSecret_Fails() =>
        Assert.That(WebhookSignature.Verify("whsec_other", WebhookSignature.Create(Secret, Now.ToUnixTimeSeconds(), "body"), "body", Now, TimeSpan.FromMinutes(5)), Is.False);

    [Test]
    public void Verify_WhenTimestampTooOld_FailsAsReplay() =>
        Assert.That(WebhookSignature.Verify(Secret, WebhookSignature.Create(Secret, Now.ToUnixTimeSeconds(), "body"), "body", Now.AddMinutes(6), TimeSpan.FromMinutes(5)), Is.False);

    [Test]
    public void Verify_WhenTimestampSwappedForFreshOne_Fails()
    {
        var header = WebhookSignature.Create(Secret, Now.ToUnixTimeSeconds(), "body").Replace($"t={Now.ToUnixTimeSeconds()}", $"t={Now.AddHours(1).ToUnixTimeSeconds()}");
        Assert.That(WebhookSignature.Verify(Secret, header, "body", Now.AddHours(1), TimeSpan.FromMinutes(5)), Is.False);
    }

    [Test]
    public void NewSecret_WhenCalledTwice_DiffersAndCarries256Bits()
    {
        var a = WebhookSignature.NewSecret();
        Assert.That(a, Does.StartWith("whsec_").And.Length.EqualTo(6 + 64));
        Assert.That(WebhookSignature.NewSecret(), Is.Not.EqualTo(a));
    }
}
