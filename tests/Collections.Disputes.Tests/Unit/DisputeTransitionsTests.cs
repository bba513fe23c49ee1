using Collections.Disputes.Contracts;
using Collections.Disputes.Domain;
using Collections.SharedKernel.Errors;

namespace Collections.Disputes.Tests.Unit;

public sealed class DisputeTransitionsTests
{
    private static DisputeRow In(string status) => new()
    {
        Id = "dsp_1",
        Number = "DSP-000001",
        DebtorId = "deb_1",
        InvoiceId = "inv_1",
        InvoiceNumber = "N-1",
        Status = status,
        Category = "pricing",
        Description = "d",
        Currency = "EUR",
        OpenedBy = "staff:x",
        DueBy = new DateOnly(2026, 3, 16),
    };

    [TestCase(DisputeStatuses.Open)]
    [TestCase(DisputeStatuses.UnderReview)]
    public void Assign_WhenActive_GoesUnderReview(string from) =>
        Assert.That(DisputeTransitions.Assign(In(from)), Is.EqualTo(DisputeStatuses.UnderReview));

    [TestCase(DisputeStatuses.Open)]
    [TestCase(DisputeStatuses.UnderReview)]
    public void Withdraw_WhenActive_IsWithdrawn(string from) =>
        Assert.That(DisputeTransitions.Withdraw(In(from)), Is.EqualTo(DisputeStatuses.Withdrawn));

    [Test]
    public void Resolve_WhenUnderReview_IsResolved() =>
        Assert.That(DisputeTransitions.Resolve(In(DisputeStatuses.UnderReview)), Is.EqualTo(DisputeStatuses.Resolved));

    [TestCase(DisputeStatuses.Open)]
    [TestCase(DisputeStatuses.Resolved)]
    [TestCase(DisputeStatuses.Withdrawn)]
    public void Resolve_WhenNotUnderReview_Conflicts(string from) =>
        Assert.Throws<ConflictException>(() => DisputeTransitions.Resolve(In(from)));

    [TestCase(DisputeStatuses.Resolved)]
    [TestCase(DisputeStatuses.Withdrawn)]
    public void AssignOrWithdraw_WhenClosed_Conflicts(string from)
    {
        Assert.Throws<ConflictException>(() => DisputeTransitions.Assign(In(from)));
        Assert.Throws<ConflictException>(() => DisputeTransitions.Withdraw(In(from)));
    }

    [Test]
    public void IsOverdue_OnlyWhenActiveAndPastDueBy()
    {
        var due = new DateOnly(2026, 3, 16);
        Assert.Multiple(() =>
        {
            Assert.That(In(DisputeStatuses.Open).IsOverdue(due), Is.False, "due today is not yet overdue");
            Assert.That(In(DisputeStatuses.Open).IsOverdue(due.AddDays(1)), Is.True);
            Assert.That(In(DisputeStatuses.UnderReview).IsOverdue(due.AddDays(1)), Is.True);
            Assert.That(In(DisputeStatuses.Resolved).IsOverdue(due.AddDays(1)), Is.False);
        });
    }
}
