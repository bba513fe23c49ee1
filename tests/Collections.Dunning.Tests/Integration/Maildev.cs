using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Collections.Dunning.Tests.Integration;

/// <summary>A real SMTP server: maildev (npm, installed by test.sh into this project's node_modules) on free loopback ports.</summary>
public sealed class Maildev : IDisposable
{
    private Process? process;

    public int SmtpPort { get; } = FreePort();

    public int WebPort { get; } = FreePort();

    /// <summary>Starts maildev, or marks the calling fixture ignored when node or maildev is not installed here.</summary>
    public async Task StartAsync()
    {
        var script = Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "../../../node_modules/maildev/bin/maildev"));
        if (!File.Exists(script))
        {
            Assert.Ignore($"maildev is not installed ({script} missing): run `npm install` in tests/Collections.Dunning.Tests (test.sh does).");
        }

        try
        {
            process = Process.Start(new ProcessStartInfo("node", $"\"{script}\" --smtp {SmtpPort} --web {WebPort} --ip 127.0.0.1 --silent")
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
                if ((await http.GetAsync($"http://127.0.0.1:{WebPort}/email")).IsSuccessStatusCode)
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

    /// <summary>Every e-mail maildev has received, as its REST API lists them.</summary>
    public async Task<List<JsonElement>> InboxAsync()
    {
        using var http = new HttpClient();
        return JsonDocument.Parse(await http.GetStringAsync($"http://127.0.0.1:{WebPort}/email")).RootElement.EnumerateArray().ToList();
    }

    public void Dispose()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
        }

        process?.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
