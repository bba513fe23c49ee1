using Collections.Dunning.Domain;
using Collections.SharedKernel.Data;

namespace Collections.Dunning.Features.Runs;

/// <summary>
/// Part of every run that writes: tells a debtor, <see cref="DunningOptions.DueSoonNoticeDays"/> ahead, that an
/// early-payment discount is about to end (nothing paid yet, the invoice not paused, no reminder for it in this run)
/// or that a plan installment falls due. Courtesy messages, one per invoice's discount and per installment date.
/// </summary>
internal sealed class DueSoonNotices(CourtesyOutbox outbox, DbSession db, DunningOptions options, TimeProvider time)
{
    private const string AlreadySentSql = "SELECT run_id FROM dunning_messages WHERE purpose IN @Purposes AND run_id IN @Causes";

    public async Task QueueAsync(ChaseSnapshot snapshot, RunPlan plan, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var remindedNow = plan.Takes.Select(t => t.Item.Id).ToHashSet(StringComparer.Ordinal);
        var notes = new List<CourtesyNote>();
        foreach (var item in snapshot.Invoices)
        {
            if (item.EarlyPayment is not { DiscountMinor: > 0 } discount || item.BalanceMinor != item.TotalMinor || remindedNow.Contains(item.Id)
                || !snapshot.Debtors.TryGetValue(item.DebtorId, out var debtor))
            {
                continue;
            }

            var today = ContactWindow.LocalDate(now, ContactWindow.Zone(debtor.TimeZone));
            var daysLeft = discount.PayBy.DayNumber - today.DayNumber;
            if (daysLeft < 0 || daysLeft > options.DueSoonNoticeDays
                || new ChaseState(snapshot, debtor.Id, today, now, options.PendingPaymentExpiryDays).Judge(item).PauseReason is not null)
            {
                continue;
            }

            notes.Add(new CourtesyNote(MessagePurposes.DiscountEnding, $"{item.Id}:discount", debtor.Id, discount.DiscountMinor, item.Currency, [item.Id],
                account => new CourtesyContent(
                    [account.Say("discount.line", ("number", item.Number), ("discounted", account.Amount(item.BalanceMinor - discount.DiscountMinor, item.Currency)),
                        ("full", account.Amount(item.BalanceMinor, item.Currency)))],
                    account.Say("discount.next", ("full", account.Amount(item.BalanceMinor, item.Currency)), ("dueDate", account.Date(item.DueDate))),
                    discount.PayBy)));
        }

        foreach (var planDue in snapshot.ActivePlans)
        {
            if (planDue is not { NextDueDate: { } dueOn, NextDueMinor: > 0 } || !snapshot.Debtors.TryGetValue(planDue.DebtorId, out var debtor))
            {
                continue;
            }

            var daysLeft = dueOn.DayNumber - ContactWindow.LocalDate(now, ContactWindow.Zone(debtor.TimeZone)).DayNumber;
            if (daysLeft < 0 || daysLeft > options.DueSoonNoticeDays)
            {
                continue;
            }

            notes.Add(new CourtesyNote(MessagePurposes.PlanInstallmentDue, $"{planDue.Id}:due:{dueOn:yyyyMMdd}", debtor.Id, planDue.NextDueMinor!.Value, planDue.Currency, planDue.InvoiceIds,
                account => new CourtesyContent(
                    [account.Say("plan.due.next", ("amount", account.Amount(planDue.NextDueMinor!.Value, planDue.Currency))),
                     account.Say("plan.due.paid", ("paid", account.Amount(planDue.PaidMinor, planDue.Currency)), ("total", account.Amount(planDue.TotalMinor, planDue.Currency)))],
                    account.Say("plan.due.nextStep"),
                    dueOn)));
        }

        if (notes.Count == 0)
        {
            return;
        }

        // The hourly run sees the same candidates for days: skip those already told without composing them again.
        var told = new HashSet<string>(StringComparer.Ordinal);
        foreach (var causes in notes.Select(n => CourtesyOutbox.CauseKey(n.Cause)).Chunk(500))
        {
            told.UnionWith(await db.QueryAsync<string>(AlreadySentSql, new { Purposes = new[] { MessagePurposes.DiscountEnding, MessagePurposes.PlanInstallmentDue }, Causes = causes }, ct));
        }

        foreach (var note in notes.Where(n => !told.Contains(CourtesyOutbox.CauseKey(n.Cause))))
        {
            await outbox.QueueAsync(note, ct);
        }
    }
}
