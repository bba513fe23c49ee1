using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Dunning.Tests.Integration;

/// <summary>Real SMTP: maildev (npm, installed by test.sh into this project's node_modules) on free loopback ports.</summary>
public sealed class SmtpDeliveryTests(DatabaseProvider provider) : DunningFixture(provider)
{
    private readonly int smtpPort = FreePort();
    private readonly int webPort = FreePort();
    private Process? maildev;

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [new("Smtp:Host", "127.0.0.1"), new("Smtp:Port", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Smtp:From", "receivables@creditor.example")];

    [OneTimeSetUp]
    public async Task StartMaildev()
    {
        var script = Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "../../../node_modules/maildev/bin/maildev"));
        if (!File.Exists(script))
        {
            Assert.Ignore($"maildev is not installed ({script} missing): run `npm install` in tests/Collections.Dunning.Tests (test.sh does).");
        }

        try
        {
            maildev = Process.Start(new ProcessStartInfo("node", $"\"{script}\" --smtp {smtpPort} --web {webPort} --ip 127.0.0.1 --silent")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            Assert.Ignore($"node is not available to run maildev: {exception.Message}");
        }

        using var http = new HttpClient();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{webPort}/email")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }

        Assert.Ignore("maildev did not start within 20 seconds.");
    }

    [OneTimeTearDown]
    public void StopMaildev()
    {
        if (maildev is { HasExited: false })
        {
            maildev.Kill(entireProcessTree: true);
        }

        maildev?.Dispose();
    }

    [Test]
    public async Task Dispatch_WhenSmtpIsConfigured_DeliversTheReminderToARealSmtpServer()
    {
        var (debtorId, ext) = await CreateDebtor(name: "Nordwind <Logistik> AG");
        await CreateInvoice(ext, Today.AddDays(-2), 2380.00m, number: "SMTP-42", po: "PO-9");
        await Run();

        Assert.That(await Dispatch(), Is.GreaterThanOrEqualTo(1));
        using var http = new HttpClient();
        var inbox = JsonDocument.Parse(await http.GetStringAsync($"http://127.0.0.1:{webPort}/email")).RootElement;
        var mail = inbox.EnumerateArray().Single(m => m.GetProperty("html").GetString()!.Contains("SMTP-42", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(mail.GetProperty("to")[0].GetProperty("address").GetString(), Is.EqualTo("anna@acme.example"));
            Assert.That(mail.GetProperty("from")[0].GetProperty("address").GetString(), Is.EqualTo("receivables@creditor.example"));
            Assert.That(mail.GetProperty("subject").GetString(), Does.Contain("Nordwind <Logistik> AG"));
            Assert.That(mail.GetProperty("html").GetString(), Does.Contain("Nordwind &lt;Logistik&gt; AG").And.Contain("2,380.00 EUR"));
            Assert.That(mail.GetProperty("text").GetString(), Does.Contain("What happens next"));
        });
        var message = (await Communications(debtorId)).EnumerateArray().Single(m => m.GetProperty("purpose").GetString() == "reminder");
        Assert.That(message.GetProperty("status").GetString(), Is.EqualTo("sent"));
    }

    [Test]
    public async Task Dispatch_WhenTheDebtorPaidAfterTheRun_DeliversOnlyTheThankYou_NeverTheReminder()
    {
        var (debtorId, ext) = await CreateDebtor(name: "Paid Before Nine GmbH");
        var invoice = await CreateInvoice(ext, Today.AddDays(-2), 640.00m, number: "SMTP-PAID");
        await Run();
        await Pay(debtorId, (invoice, 640.00m));

        await Dispatch();

        using var http = new HttpClient();
        var inbox = JsonDocument.Parse(await http.GetStringAsync($"http://127.0.0.1:{webPort}/email")).RootElement;
        var mails = inbox.EnumerateArray().Where(m => m.GetProperty("text").GetString()!.Contains("SMTP-PAID", StringComparison.Ordinal)).ToList();
        Assert.That(mails.Select(m => m.GetProperty("subject").GetString()), Is.EqualTo(new[] { "Thank you: 640.00 EUR received from Paid Before Nine GmbH" }));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
