using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Dunning.Tests.Integration;

/// <summary>
/// A debtor's own session reads its messages without internal delivery details; no stored message holds a magic link:
/// each is minted as the message leaves.
/// </summary>
public sealed class CommunicationsPrivacyTests(DatabaseProvider provider) : DunningFixture(provider)
{
    private static readonly string[] Internal = ["attempts", "lastError", "notBefore"];

    [Test]
    public async Task Communications_ForTheDebtorsOwnSession_HideTheErrorAttemptsAndSchedule_ButKeepTheTrueStatus()
    {
        // No contact with an e-mail address: the reminder e-mail fails with an internal error; the letter waits to be printed.
        var (debtorId, ext) = await CreateDebtor("Private Post GmbH", contacts: new object[]
        {
            new { name = "Jo Post", phone = "+49 30 555555", role = "accounts_payable", isPrimary = true },
        });
        await CreateInvoice(ext, Today.AddDays(-2), number: "PRIV-1");
        await CreateInvoice(ext, Today.AddDays(-31), number: "PRIV-2");
        var letterId = (await RunUntilLetter(debtorId)).GetProperty("id").GetString()!;
        using var session = await App.PortalSession(Staff, debtorId);

        var staffView = (await Communications(debtorId)).EnumerateArray().ToDictionary(m => m.GetProperty("id").GetString()!);
        var debtorView = (await (await session.GetAsync($"/api/v1/debtors/{debtorId}/communications")).ShouldBe(HttpStatusCode.OK))
            .EnumerateArray().ToDictionary(m => m.GetProperty("id").GetString()!);
        var emailId = staffView.Values.First(m => m.GetProperty("channel").GetString() == "email").GetProperty("id").GetString()!;

        Assert.That(staffView[emailId].GetProperty("status").GetString(), Is.EqualTo("failed"));
        Assert.That(staffView[emailId].GetProperty("lastError").GetString(), Does.Contain("no contact with an e-mail address"));
        Assert.That(staffView[emailId].GetProperty("attempts").GetInt32(), Is.EqualTo(0));
        Assert.That(staffView[emailId].GetProperty("notBefore").ValueKind, Is.EqualTo(JsonValueKind.String));
        Assert.That(debtorView.Keys, Is.EquivalentTo(staffView.Keys));
        Assert.That((debtorView[emailId].GetProperty("status").GetString(), debtorView[letterId].GetProperty("status").GetString()),
            Is.EqualTo(("failed", "to_print")), "the status is shown as it is, not disguised");
        foreach (var (id, message) in debtorView)
        {
            foreach (var field in Internal)
            {
                Assert.That(message.TryGetProperty(field, out var value) ? value.ValueKind : JsonValueKind.Null, Is.EqualTo(JsonValueKind.Null), $"{id}.{field}");
            }

            Assert.That(message.GetProperty("subject").GetString(), Is.EqualTo(staffView[id].GetProperty("subject").GetString()));
            Assert.That(message.GetProperty("bodyText").GetString(), Is.EqualTo(staffView[id].GetProperty("bodyText").GetString()));
        }

        Assert.That(debtorView[letterId].GetProperty("bodyText").GetString(), Does.Contain("PRIV-2"));
    }

    [Test]
    public async Task StoredMessages_CarryNoMagicLink_TheSentOneCarriesItsOwn_RevocableByTheMessagesId()
    {
        var (debtorId, ext) = await CreateDebtor("Linked GmbH");
        await CreateInvoice(ext, Today.AddDays(-2), number: "LINK-1");
        await Run();
        await Dispatch();

        var staff = (await Communications(debtorId)).EnumerateArray().First(m => m.GetProperty("channel").GetString() == "email");
        var id = staff.GetProperty("id").GetString()!;
        var erp = (await (await Erp.GetAsync($"/api/v1/debtors/{debtorId}/communications")).ShouldBe(HttpStatusCode.OK))
            .EnumerateArray().Single(m => m.GetProperty("id").GetString() == id);
        foreach (var body in new[] { staff.GetProperty("bodyText"), staff.GetProperty("bodyHtml"), erp.GetProperty("bodyText"), erp.GetProperty("bodyHtml") })
        {
            Assert.That(body.GetString(), Does.Contain("https://pay.example.com/portal/#/").And.Not.Contain("token="));
        }

        var activity = (await (await Staff.GetAsync($"/api/v1/debtors/{debtorId}/activity")).ShouldBe(HttpStatusCode.OK)).ToString();
        Assert.That(activity, Does.Contain("dunning.email").And.Not.Contain("token="), "nor in the activity's snapshot of the message");

        var sent = MimeKit.MimeMessage.Load(Path.Combine(OutboxDirectory, id + ".eml")).TextBody!;
        var token = Uri.UnescapeDataString(sent[(sent.IndexOf("token=", StringComparison.Ordinal) + 6)..].Split('&', ' ', '\r', '\n')[0]);
        await (await Anonymous.PostAsJsonAsync("/api/v1/portal/sessions", new { token })).ShouldBe(HttpStatusCode.Created);
        await (await Staff.PostAsync($"/api/v1/debtors/{debtorId}/portal-links/{id}/revoke", null)).ShouldBe(HttpStatusCode.OK);
        var refused = await (await Anonymous.PostAsJsonAsync("/api/v1/portal/sessions", new { token })).ShouldBeProblem(HttpStatusCode.Unauthorized);
        Assert.That(refused.GetProperty("reason").GetString(), Is.EqualTo("revoked"));
    }

    [Test]
    public async Task Communications_OfAnotherDebtor_AreNotFoundForASession()
    {
        var (debtorId, ext) = await CreateDebtor("Mine AG");
        var (otherId, otherExt) = await CreateDebtor("Theirs AG");
        await CreateInvoice(ext, Today.AddDays(-2));
        await CreateInvoice(otherExt, Today.AddDays(-2));
        await Run();
        using var session = await App.PortalSession(Staff, debtorId);

        await (await session.GetAsync($"/api/v1/debtors/{otherId}/communications")).ShouldBeProblem(HttpStatusCode.NotFound);
        var mine = await (await session.GetAsync($"/api/v1/debtors/{debtorId}/communications")).ShouldBe(HttpStatusCode.OK);
        Assert.That(mine.GetArrayLength(), Is.EqualTo(1));
    }
}
