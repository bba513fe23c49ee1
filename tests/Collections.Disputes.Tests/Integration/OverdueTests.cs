using System.Net;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Disputes.Tests.Integration;

/// <summary>Moves the fixture's clock, so it has a fixture of its own.</summary>
public sealed class OverdueTests(DatabaseProvider provider) : DisputesFixture(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Disputes:ResponseBusinessDays"] = "3" };

    [Test]
    public async Task List_WhenPastResponseDeadline_ShowsOnlyUnresolvedAsOverdue()
    {
        var (debtorId, debtor) = await Erp.CreateDebtor();
        var late = await Opened(Staff, await Erp.NewInvoice(debtor, 1000.00m), 10m);
        var withdrawn = await Opened(Staff, await Erp.NewInvoice(debtor, 1000.00m), 10m);
        await (await Staff.PostAsync($"/api/v1/disputes/{withdrawn.Text("id")}/withdraw", null)).ShouldBe(HttpStatusCode.OK);
        Assert.That(late.Text("dueBy"), Is.EqualTo("2026-03-05"), "Monday + 3 business days");

        var before = await (await Staff.GetAsync($"/api/v1/disputes?debtorId={debtorId}&overdue=true")).ShouldBe(HttpStatusCode.OK);
        App.Time.Advance(TimeSpan.FromDays(4));
        var after = await (await Staff.GetAsync($"/api/v1/disputes?debtorId={debtorId}&overdue=true")).ShouldBe(HttpStatusCode.OK);

        Assert.That(before.GetProperty("items").GetArrayLength(), Is.Zero);
        var items = after.GetProperty("items").EnumerateArray().ToList();
        Assert.That(items.Select(i => i.Text("id")), Is.EqualTo(new[] { late.Text("id") }));
        Assert.That(items[0].GetProperty("overdue").GetBoolean(), Is.True);
    }

    [Test]
    public async Task List_WhenBadStatusOrLimit_Is400()
    {
        await (await Staff.GetAsync("/api/v1/disputes?status=pending")).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await Staff.GetAsync("/api/v1/disputes?limit=0")).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await Staff.GetAsync("/api/v1/disputes?overdue=maybe")).ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task List_PagesWithCursor()
    {
        var (debtorId, debtor) = await Erp.CreateDebtor();
        for (var i = 0; i < 3; i++)
        {
            await Opened(Staff, await Erp.NewInvoice(debtor, 1000.00m), 1m);
        }

        var first = await (await Staff.GetAsync($"/api/v1/disputes?debtorId={debtorId}&limit=2")).ShouldBe(HttpStatusCode.OK);
        var second = await (await Staff.GetAsync($"/api/v1/disputes?debtorId={debtorId}&limit=2&cursor={first.Text("nextCursor")}")).ShouldBe(HttpStatusCode.OK);

        Assert.That(first.GetProperty("items").GetArrayLength(), Is.EqualTo(2));
        Assert.That(second.GetProperty("items").GetArrayLength(), Is.EqualTo(1));
        Assert.That(second.GetProperty("nextCursor").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
    }
}
