using System.Net;
using Collections.Webhooks.Domain;

namespace Collections.Operations.Tests.Unit;

public sealed class PublicAddressesTests
{
    [TestCase("127.0.0.1", "loopback")]
    [TestCase("127.255.0.9", "loopback")]
    [TestCase("10.0.0.5", "private")]
    [TestCase("172.16.0.1", "private")]
    [TestCase("172.31.255.255", "private")]
    [TestCase("192.168.1.1", "private")]
    [TestCase("169.254.169.254", "link-local (cloud metadata)")]
    [TestCase("100.64.0.1", "carrier-grade NAT")]
    [TestCase("100.127.255.254", "carrier-grade NAT")]
    [TestCase("224.0.0.251", "multicast")]
    [TestCase("0.0.0.0", "unspecified")]
    [TestCase("255.255.255.255", "broadcast")]
    [TestCase("::1", "loopback")]
    [TestCase("::", "unspecified")]
    [TestCase("fc00::1", "private (unique local)")]
    [TestCase("fd12:3456::1", "private (unique local)")]
    [TestCase("fe80::1", "link-local")]
    [TestCase("ff02::1", "multicast")]
    [TestCase("::ffff:127.0.0.1", "loopback")]
    [TestCase("::ffff:169.254.169.254", "link-local (cloud metadata)")]
    [TestCase("::ffff:10.0.0.5", "private")]
    public void RefusalKind_OfANonPublicAddress_NamesWhatItIs(string address, string kind) =>
        Assert.That(PublicAddresses.RefusalKind(IPAddress.Parse(address)), Is.EqualTo(kind));

    [TestCase("93.184.215.14")]
    [TestCase("8.8.8.8")]
    [TestCase("100.63.255.255")]
    [TestCase("100.128.0.0")]
    [TestCase("172.32.0.1")]
    [TestCase("169.255.0.1")]
    [TestCase("2606:2800:21f:cb07:6820:80da:af6b:8b2c")]
    [TestCase("::ffff:93.184.215.14")]
    public void RefusalKind_OfAPublicAddress_IsNull(string address) =>
        Assert.That(PublicAddresses.RefusalKind(IPAddress.Parse(address)), Is.Null);
}
