using System.Net;
using System.Net.Http.Json;
using Collections.Dunning.Domain;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Dunning.Tests.Integration;

/// <summary>Template edits: a merge field the composer does not know would reach the debtor as a blank, so it is refused.</summary>
public sealed class TemplateTests(DatabaseProvider provider) : DunningFixture(provider)
{
    [Test]
    public void SeededTemplates_UseOnlyTheMergeFieldsTheirComposerFills()
    {
        foreach (var (key, _, _, subject, body) in SeedTemplates.All)
        {
            Assert.That(MessageComposer.FieldsUsedIn(subject + body).Distinct(), Is.SubsetOf(MessageComposer.FieldNames), key);
        }

        foreach (var (key, _, _, subject, body) in SeedTemplates.Courtesy)
        {
            Assert.That(MessageComposer.FieldsUsedIn(subject + body).Distinct(), Is.SubsetOf(CourtesyOutbox.FieldNames), key);
        }
    }

    [TestCase("email_notice", "{{invoiceNumber}}")]
    [TestCase("email_receipt", "{{invoiceTable}}")]
    public async Task Save_WithAnUnknownMergeField_Is400NamingIt_AndChangesNothing(string key, string field)
    {
        var before = (await (await Staff.GetAsync("/api/v1/dunning/templates")).ShouldBe(HttpStatusCode.OK)).EnumerateArray().Single(t => t.GetProperty("key").GetString() == key);

        var problem = await (await Admin.PutAsJsonAsync($"/api/v1/dunning/templates/{key}", new
        {
            channel = "email",
            tone = "friendly",
            subject = "Hello {{debtorName}}",
            body = $"<p>{field}</p><p>{{{{nextStep}}}} {{{{nextStepDate}}}} {{{{portalLink}}}}</p>",
        })).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.That(problem.GetProperty("errors").GetProperty("body")[0].GetString(), Does.Contain($"Unknown merge field(s): {field}"));
        var after = (await (await Staff.GetAsync("/api/v1/dunning/templates")).ShouldBe(HttpStatusCode.OK)).EnumerateArray().Single(t => t.GetProperty("key").GetString() == key);
        Assert.That(after.GetProperty("version").GetInt32(), Is.EqualTo(before.GetProperty("version").GetInt32()));
    }

    [Test]
    public async Task Save_WithKnownFields_IsAccepted()
    {
        var saved = await (await Admin.PutAsJsonAsync("/api/v1/dunning/templates/email_receipt", new
        {
            channel = "email",
            tone = "friendly",
            subject = "Thanks, {{debtorName}}: {{amount}}",
            body = "<p>{{details}}</p><p>{{nextStep}} {{nextStepDate}} {{portalLink}} {{totalDue}}</p>",
        })).ShouldBe(HttpStatusCode.OK);

        Assert.That(saved.GetProperty("version").GetInt32(), Is.EqualTo(2));
    }
}
