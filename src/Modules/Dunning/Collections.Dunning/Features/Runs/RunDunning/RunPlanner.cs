using Collections.Dunning.Delivery;
using Collections.Dunning.Domain;
using Collections.Dunning.Domain.Languages;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel;

namespace Collections.Dunning.Features.Runs;

/// <summary>Decides, without writing anything, what a run takes for every open invoice (a dry run stops here).</summary>
internal sealed class RunPlanner(DunningOptions options, TimeProvider time, ISmsSender? sms = null)
{
    public RunPlan Plan(ChaseSnapshot snapshot, DateOnly? asOf)
    {
        var now = time.GetUtcNow();
        var takes = new List<PlannedTake>();
        var messages = new List<PlannedMessage>();
        var tasks = new List<PlannedTask>();
        var pauses = new List<PlannedPause>();
        var broken = new List<PromiseRow>();
        var usedFlags = new List<string>();
        var fallbacks = new List<PlannedFallback>();
        foreach (var group in snapshot.Invoices.GroupBy(i => i.DebtorId))
        {
            if (!snapshot.Debtors.TryGetValue(group.Key, out var debtor))
            {
                continue;
            }

            var zone = ContactWindow.Zone(debtor.TimeZone);
            var today = asOf ?? ContactWindow.LocalDate(now, zone);
            var state = new ChaseState(snapshot, debtor.Id, today, now, options.PendingPaymentExpiryDays);
            broken.AddRange(state.BrokenPromises);
            var policy = snapshot.PolicyOf(debtor, state.Settings);
            var debtorTakes = new List<PlannedTake>();
            foreach (var item in group)
            {
                var verdict = state.Judge(item);
                if (verdict.PauseReason is { } reason)
                {
                    pauses.Add(new PlannedPause(item.Id, debtor.Id, reason));
                    continue;
                }

                var taken = snapshot.Taken.TryGetValue(item.Id, out var steps) ? steps : [];
                if (taken.ContainsKey(StepKeys.SmallBalance))
                {
                    continue;
                }

                var flagged = snapshot.Flags.ContainsKey(item.Id) || state.BrokenPromises.Any(p => p.Covers(item.Id));
                var daysSinceTaken = taken.ToDictionary(t => t.Key, t => today.DayNumber - t.Value.DayNumber);
                var decision = Cadence.Decide(policy.Steps, today.DayNumber - item.DueDate.DayNumber, daysSinceTaken, flagged);
                if (decision.Step is not { } step)
                {
                    continue;
                }

                if (snapshot.Flags.ContainsKey(item.Id))
                {
                    usedFlags.Add(item.Id);
                }

                if (step.OffsetDays > 0 && verdict.CollectibleMinor < options.SmallBalanceMinor(item.Currency))
                {
                    step = new PolicyStep(StepKeys.SmallBalance, step.OffsetDays, Channels.CallTask, "call_script", step.Tone, StepActions.ProposeWriteOff);
                }

                debtorTakes.Add(new PlannedTake(item, step, decision.Skipped, decision.NextStep, verdict, today));
            }

            var texting = debtorTakes.Any(t => t.Step.Channel == Channels.Sms)
                ? SmsReach.Of(debtor, snapshot.SmsOptOuts, sms?.IsConfigured == true)
                : null;
            if (texting is { Refusal: { } refusal })
            {
                fallbacks.AddRange(FallBackToEmail(snapshot, debtor, debtorTakes, refusal));
            }

            debtorTakes.RemoveAll(take =>
            {
                var tooSoon = take.Step.SendsMessage && snapshot.LastReminders.TryGetValue((debtor.Id, take.Step.Channel), out var last)
                    && today.DayNumber - ContactWindow.LocalDate(last, zone).DayNumber < options.MinDaysBetweenReminders;
                if (tooSoon)
                {
                    // Not taken: the step is still due at the next run after the gap and joins that reminder.
                    pauses.Add(new PlannedPause(take.Item.Id, debtor.Id, "reminder_gap"));
                }

                return tooSoon;
            });
            takes.AddRange(debtorTakes);
            messages.AddRange(PlanMessages(snapshot, debtor, policy, debtorTakes, texting?.Contact, now, zone));
            tasks.AddRange(PlanTasks(snapshot, debtor, debtorTakes, now));
        }

        return new RunPlan(asOf, snapshot.Invoices.Count, takes, messages, tasks, pauses, broken, usedFlags, fallbacks);
    }

    /// <summary>
    /// SMS steps for a debtor nobody may be texted at are taken by e-mail, with the e-mail template of the same stage
    /// (sms_firm → email_firm, else the first e-mail template of the step's tone), and the run says so.
    /// </summary>
    private static IEnumerable<PlannedFallback> FallBackToEmail(ChaseSnapshot snapshot, DebtorDto debtor, List<PlannedTake> takes, string refusal)
    {
        for (var i = 0; i < takes.Count; i++)
        {
            var take = takes[i];
            if (take.Step.Channel != Channels.Sms)
            {
                continue;
            }

            var templates = snapshot.Templates.ByKey;
            var sameStage = Channels.Email + take.Step.Template[(take.Step.Template.IndexOf('_') + 1)..];
            var template = templates.GetValueOrDefault(sameStage) is { Channel: Channels.Email } ? sameStage
                : templates.Values.Where(t => t.Channel == Channels.Email && t.Tone == take.Step.Tone).OrderBy(t => t.TemplateKey, StringComparer.Ordinal).FirstOrDefault()?.TemplateKey
                ?? "email_notice";
            takes[i] = take with { Step = take.Step with { Channel = Channels.Email, Template = template } };
            yield return new PlannedFallback(take.Item.Id, debtor.Id, take.StepKey, Channels.Sms, Channels.Email, refusal);
        }
    }

    private IEnumerable<PlannedMessage> PlanMessages(ChaseSnapshot snapshot, DebtorDto debtor, DunningPolicy policy, List<PlannedTake> takes, ContactDto? texted, DateTimeOffset now, TimeZoneInfo zone)
    {
        foreach (var channel in takes.Where(t => t.Step.SendsMessage).GroupBy(t => t.Step.Channel))
        {
            var lines = channel.OrderBy(t => t.Item.DueDate).ThenBy(t => t.Item.Number, StringComparer.Ordinal).ToList();
            var strongest = lines.MaxBy(t => IndexOf(policy, t.Step))!.Step;
            var today = lines[0].Today;
            var next = lines.Select(t => (Step: t.Next, On: t.Next is null ? today.AddDays(14) : today.AddDays(t.Next.OffsetDays - t.Step.OffsetDays)))
                .OrderBy(n => n.On).First();
            var nextOn = next.On > today ? next.On : today.AddDays(7);
            var templates = snapshot.Templates.ByKey;
            // A text is never written with an e-mail's HTML, nor an e-mail with a text's two lines.
            var template = templates.GetValueOrDefault(strongest.Template) is { } named && (named.Channel == Channels.Sms) == (channel.Key == Channels.Sms)
                ? named
                : templates.Values.FirstOrDefault(t => t.Channel == channel.Key && t.Tone == strongest.Tone)
                ?? templates.Values.First(t => t.Tone == strongest.Tone);
            var isSms = channel.Key == Channels.Sms;
            var contact = isSms ? texted : Addressee.Of(debtor);
            var recipient = Voice.For(debtor, contact, options.DefaultLanguage);
            var wording = snapshot.Templates.InLanguageOf(template, recipient);
            var voice = recipient.WritingIn(wording.Language);
            var content = MessageComposer.Compose(wording.Subject, wording.Body, new MessageInput(
                debtor, contact, lines.Select(l => l.Line).ToList(),
                Cadence.Describe(next.Step, options.SenderName, voice), nextOn, options.SenderName, today, voice));
            var isEmail = channel.Key == Channels.Email;
            var noAddress = isEmail && string.IsNullOrWhiteSpace(contact?.Email);
            var id = Ids.New("msg", time);
            foreach (var line in lines)
            {
                line.MessageId = id;
            }

            var holidays = options.HolidaysOf(debtor.CountryCode);
            yield return new PlannedMessage(id, debtor, channel.Key, strongest, template.TemplateKey, contact, content, lines,
                isEmail ? ContactWindow.NextOpening(now, zone, debtor.ContactHours, holidays)
                    : isSms ? SmsHours.NextOpening(now, zone, debtor.ContactHours, holidays) ?? now
                    : now,
                nextOn,
                noAddress ? MessageStatuses.Failed : isEmail || isSms ? MessageStatuses.Queued : MessageStatuses.ToPrint,
                noAddress ? "The debtor has no contact with an e-mail address." : null);
        }
    }

    private IEnumerable<PlannedTask> PlanTasks(ChaseSnapshot snapshot, DebtorDto debtor, List<PlannedTake> takes, DateTimeOffset now)
    {
        foreach (var byAction in takes.Where(t => t.Step.MakesTask).GroupBy(t => t.Step.Action))
        {
            var invoiceIds = byAction.Select(t => t.Item.Id).ToList();
            var existing = snapshot.OpenTasks[debtor.Id].FirstOrDefault(t => t.Action == byAction.Key);
            var id = existing?.Id ?? Ids.New("task", time);
            foreach (var take in byAction)
            {
                take.TaskId = id;
            }

            var kind = StepActions.IsProposal(byAction.Key) ? TaskKinds.Proposal : TaskKinds.Call;
            var steps = string.Join(", ", byAction.Select(t => t.Step.Key).Distinct());
            var allIds = existing is null ? invoiceIds : IdList.Split(existing.InvoiceIds).Union(invoiceIds).ToList();
            yield return new PlannedTask(id, debtor.Id, kind, byAction.Key, byAction.First().Step.Key, allIds,
                $"Dunning step {steps} for {invoiceIds.Count} invoice(s) of {debtor.Name}.", existing is not null);
        }
    }

    private static int IndexOf(DunningPolicy policy, PolicyStep step)
    {
        for (var i = 0; i < policy.Steps.Count; i++)
        {
            if (policy.Steps[i].Key == step.Key)
            {
                return i;
            }
        }

        return -1;
    }
}
