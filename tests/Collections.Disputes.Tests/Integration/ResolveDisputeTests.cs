using System.Net;
using Collections.Disputes.Contracts;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Disputes.Tests.Integration;

public sealed class ResolveDisputeTests(DatabaseProvider provider) : DisputesFixture(provider)
{
    private async Task<(string DebtorId, string InvoiceId, string DisputeId)> UnderReview(decimal total, decimal disputed)
    {
        var (debtorId, debtor) = await Erp.CreateDebtor();
        var invoiceId = await Erp.NewInvoice(debtor, total);
        var dispute = await Opened(App.DebtorSession(debtorId), invoiceId, disputed);
        var assigned = await (await Assign(dispute.Text("id"))).ShouldBe(HttpStatusCode.OK);
        Assert.That(assigned.Text("status"), Is.EqualTo("under_review"));
        return (debtorId, invoiceId, dispute.Text("id"));
    }

    [Test]
    public async Task Resolve_WhenStillOpen_Is409()
    {
        var (_, debtor) = await Erp.CreateDebtor();
        var dispute = await Opened(Staff, await Erp.NewInvoice(debtor, 1000.00m), 10m);

        await (await Resolve(Staff, dispute.Text("id"), "rejected")).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Resolve_WhenAccepted_CreditsTheDisputedAmountAndReleasesHold()
    {
        var (debtorId, invoiceId, disputeId) = await UnderReview(1000m, 300m);

        var resolved = await (await Resolve(Staff, disputeId, "accepted")).ShouldBe(HttpStatusCode.OK);

        var invoice = await Invoice(invoiceId);
        Assert.That((resolved.Text("status"), resolved.Text("outcome"), resolved.Amount("credited")), Is.EqualTo(("resolved", "upheld", 300m)));
        Assert.That(resolved.Text("creditNoteId"), Does.StartWith("crn_"));
        Assert.That((invoice.Amount("balance"), invoice.Amount("credited"), invoice.Amount("disputed")), Is.EqualTo((700m, 300m, 0m)));
        var published = Published.All.OfType<DisputeResolved>().Single(r => r.DisputeId == disputeId);
        Assert.That((published.DebtorId, published.Outcome, published.CreditedMinor), Is.EqualTo((debtorId, "upheld", 30000L)));
    }

    [Test]
    public async Task Resolve_WithTheLongestNote_KeepsItWholeAndQuotesItClippedOnTheCreditNote()
    {
        var (_, _, disputeId) = await UnderReview(1000m, 300m);
        var note = string.Concat(Enumerable.Repeat("Checked line by line against the signed order. ", 100))[..4000];

        var resolved = await (await Staff.PostKeyed($"/api/v1/disputes/{disputeId}/resolve", new { outcome = "accepted", resolutionNote = note })).ShouldBe(HttpStatusCode.OK);

        var credit = Published.All.OfType<CreditNoteIssued>().Single(c => c.CreditNote.Id == resolved.Text("creditNoteId")).CreditNote;
        Assert.That(resolved.Text("resolutionNote"), Is.EqualTo(note));
        Assert.That(credit.Reason, Has.Length.EqualTo(500).And.StartWith($"Dispute {resolved.Text("number")}: Checked line by line").And.EndWith("…"));
    }

    [Test]
    public async Task Resolve_WhenPartiallyAccepted_CreditsOnlyTheGrantedPart()
    {
        var (_, invoiceId, disputeId) = await UnderReview(1000m, 300m);

        var resolved = await (await Resolve(Staff, disputeId, "partially_accepted", 120.25m)).ShouldBe(HttpStatusCode.OK);

        var invoice = await Invoice(invoiceId);
        Assert.That((resolved.Text("outcome"), resolved.Amount("credited")), Is.EqualTo(("partially_upheld", 120.25m)));
        Assert.That((invoice.Amount("balance"), invoice.Amount("disputed")), Is.EqualTo((879.75m, 0m)));
    }

    [TestCase(300)]
    [TestCase(300.01)]
    public async Task Resolve_WhenPartialCreditNotBelowDisputed_Is422AndNothingChanges(decimal credit)
    {
        var (_, invoiceId, disputeId) = await UnderReview(1000m, 300m);

        await (await Resolve(Staff, disputeId, "partially_accepted", credit)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);

        var invoice = await Invoice(invoiceId);
        Assert.That((invoice.Amount("balance"), invoice.Amount("disputed")), Is.EqualTo((1000m, 300m)));
        Assert.That((await Dispute(Staff, disputeId)).Text("status"), Is.EqualTo("under_review"));
    }

    [Test]
    public async Task Resolve_WhenPartialWithoutAmount_Is400()
    {
        var (_, _, disputeId) = await UnderReview(1000m, 300m);

        var problem = await (await Resolve(Staff, disputeId, "partially_accepted")).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.That(problem.FieldErrors("creditAmount"), Is.Not.Empty);
    }

    [Test]
    public async Task Resolve_WhenRejected_CreditsNothingReleasesHoldAndShowsNoteToDebtor()
    {
        var (debtorId, invoiceId, disputeId) = await UnderReview(1000m, 300m);

        await (await Resolve(Staff, disputeId, "rejected")).ShouldBe(HttpStatusCode.OK);

        var invoice = await Invoice(invoiceId);
        Assert.That((invoice.Amount("balance"), invoice.Amount("credited"), invoice.Amount("disputed")), Is.EqualTo((1000m, 0m, 0m)));
        var seen = await Dispute(App.DebtorSession(debtorId), disputeId);
        Assert.That((seen.Text("outcome"), seen.Text("resolutionNote")), Is.EqualTo(("rejected", "Checked against the order confirmation.")));
        Assert.That(Published.All.OfType<DisputeResolved>().Single(r => r.DisputeId == disputeId).CreditedMinor, Is.Zero);
    }

    [Test]
    public async Task Resolve_WhenRejectedWithCreditAmount_Is400()
    {
        var (_, _, disputeId) = await UnderReview(1000m, 300m);

        await (await Resolve(Staff, disputeId, "rejected", 10m)).ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Resolve_WhenInvoicePaidDownMeanwhile_CreditsNoMoreThanBalance()
    {
        var (_, invoiceId, disputeId) = await UnderReview(100m, 100m);
        await (await Staff.PostKeyed($"/api/v1/invoices/{invoiceId}/credit-notes", new { amount = 60m, reason = "Returned goods" })).ShouldBe(HttpStatusCode.Created);

        var resolved = await (await Resolve(Staff, disputeId, "accepted")).ShouldBe(HttpStatusCode.OK);

        var invoice = await Invoice(invoiceId);
        Assert.That(resolved.Amount("credited"), Is.EqualTo(40m));
        Assert.That((invoice.Amount("balance"), invoice.Text("status")), Is.EqualTo((0m, "paid")));
    }

    [Test]
    public async Task Resolve_WhenReplayedWithSameKey_IssuesOneCreditNote()
    {
        var (_, invoiceId, disputeId) = await UnderReview(1000m, 300m);
        var key = Guid.NewGuid().ToString();

        var first = await (await Resolve(Staff, disputeId, "accepted", key: key)).ShouldBe(HttpStatusCode.OK);
        var again = await (await Resolve(Staff, disputeId, "accepted", key: key)).ShouldBe(HttpStatusCode.OK);

        Assert.That(again.Text("creditNoteId"), Is.EqualTo(first.Text("creditNoteId")));
        Assert.That((await Invoice(invoiceId)).Amount("balance"), Is.EqualTo(700m));
        await (await Resolve(Staff, disputeId, "accepted")).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Resolve_WhenTwoRace_OneWinsAndOneCreditNoteIsIssued()
    {
        var (_, invoiceId, disputeId) = await UnderReview(1000m, 300m);

        var responses = await Task.WhenAll(Resolve(Staff, disputeId, "accepted"), Resolve(Staff, disputeId, "partially_accepted", 100m));

        var statuses = responses.Select(r => r.StatusCode).OrderBy(s => s).ToList();
        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(HttpStatusCode.OK);
        Assert.That((await Invoice(invoiceId)).Amount("balance"), Is.EqualTo(1000m - winner.Amount("credited")));
        Assert.That(Published.All.OfType<DisputeResolved>().Count(r => r.DisputeId == disputeId), Is.EqualTo(1));
    }

    [Test]
    public async Task Transitions_AfterResolved_AreAll409()
    {
        var (_, _, disputeId) = await UnderReview(1000m, 300m);
        await (await Resolve(Staff, disputeId, "rejected")).ShouldBe(HttpStatusCode.OK);

        await (await Assign(disputeId)).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await Staff.PostAsync($"/api/v1/disputes/{disputeId}/withdraw", null)).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await Resolve(Staff, disputeId, "accepted")).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await Staff.PostKeyed($"/api/v1/disputes/{disputeId}/messages", new { body = "late" })).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Withdraw_WhenUnderReview_ReleasesHoldAndLogsHistory()
    {
        var (debtorId, invoiceId, disputeId) = await UnderReview(1000m, 300m);

        var withdrawn = await (await App.DebtorSession(debtorId).PostAsync($"/api/v1/disputes/{disputeId}/withdraw", null)).ShouldBe(HttpStatusCode.OK);

        Assert.That(withdrawn.Text("status"), Is.EqualTo("withdrawn"));
        Assert.That(withdrawn.GetProperty("closedAt").ValueKind, Is.Not.EqualTo(System.Text.Json.JsonValueKind.Null));
        Assert.That(withdrawn.GetProperty("history").EnumerateArray().Select(h => h.Text("toStatus")), Is.EqualTo(new[] { "open", "under_review", "withdrawn" }));
        Assert.That((await Invoice(invoiceId)).Amount("disputed"), Is.Zero);
        Assert.That(Published.All.OfType<DisputeWithdrawn>().Count(w => w.DisputeId == disputeId), Is.EqualTo(1));
        await (await App.DebtorSession(debtorId).PostAsync($"/api/v1/disputes/{disputeId}/withdraw", null)).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Assign_WhenAlreadyUnderReview_ReassignsAndStaysUnderReview()
    {
        var (_, _, disputeId) = await UnderReview(1000m, 300m);

        var reassigned = await (await Staff.PostAsync($"/api/v1/disputes/{disputeId}/assign", System.Net.Http.Json.JsonContent.Create(new { assignee = "li@creditor.example" }))).ShouldBe(HttpStatusCode.OK);

        Assert.That((reassigned.Text("status"), reassigned.Text("assignee")), Is.EqualTo(("under_review", "li@creditor.example")));
    }

    [Test]
    public async Task Aging_ShowsTheDisputedPartInItsOwnColumnUntilResolved()
    {
        var (debtorId, invoiceId, disputeId) = await UnderReview(1000m, 300m);

        var during = await AgingOf(debtorId);
        await (await Resolve(Staff, disputeId, "partially_accepted", 100m)).ShouldBe(HttpStatusCode.OK);
        var after = await AgingOf(debtorId);

        Assert.That((during.Amount("disputed"), during.Amount("total")), Is.EqualTo((300m, 1000m)));
        Assert.That((after.Amount("disputed"), after.Amount("total")), Is.EqualTo((0m, 900m)));
    }

    private async Task<System.Text.Json.JsonElement> AgingOf(string debtorId)
    {
        var report = await (await Staff.GetAsync("/api/v1/reports/aging")).ShouldBe(HttpStatusCode.OK);
        return report.GetProperty("debtors").EnumerateArray().Single(d => d.Text("debtorId") == debtorId).GetProperty("amounts");
    }

    [Test]
    public async Task ContractQueries_ReturnOpenAndAllDisputesOfDebtor()
    {
        var (debtorId, debtor) = await Erp.CreateDebtor();
        var first = await Opened(Staff, await Erp.NewInvoice(debtor, 1000.00m), 10m);
        var second = await Opened(Staff, await Erp.NewInvoice(debtor, 1000.00m), 20m);
        await (await Staff.PostAsync($"/api/v1/disputes/{first.Text("id")}/withdraw", null)).ShouldBe(HttpStatusCode.OK);

        var open = await App.Send(new GetOpenDisputesQuery(debtorId));
        var all = await App.Send(new GetDisputesQuery(debtorId));

        Assert.That(open.Select(d => d.Id), Is.EqualTo(new[] { second.Text("id") }));
        Assert.That(all.Select(d => d.Id), Is.EqualTo(new[] { second.Text("id"), first.Text("id") }), "newest first");
        Assert.That(all[1].Status, Is.EqualTo(DisputeStatuses.Withdrawn));
    }
}
