using Collections.Dunning.Domain;
using Collections.Dunning.Features.Runs;
using Collections.Invoicing.Contracts;
using Collections.PaymentPlans.Contracts;
using Microsoft.Extensions.Time.Testing;

namespace Collections.Dunning.Tests.Unit;

/// <summary>
/// The planner is pure: a snapshot of the book in, a plan out. These build the snapshot in memory (no database) and
/// plan it as of <see cref="Today"/> with the default options (3 days between reminders, small balances below 5.00).
/// </summary>
public sealed class RunPlannerTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public void Plan_WhenALongOverdueInvoiceIsFirstContacted_TakesTheCourteousNotice_NotTheStepItsAgeReaches()
    {
        var book = new Book();
        var debtor = book.Debtor();
        var invoice = book.Invoice(debtor, daysOverdue: 45);

        var plan = Plan(book);

        var take = plan.Takes.Single();
        var message = plan.Messages.Single();
        Assert.Multiple(() =>
        {
            Assert.That(take.Item.Id, Is.EqualTo(invoice));
            Assert.That(take.StepKey, Is.EqualTo("notice"), "45 days overdue reaches the senior call by date");
            Assert.That(take.Skipped, Is.EqualTo(new[] { "pre_due" }));
            Assert.That((message.Channel, message.Step.Tone, message.TemplateKey), Is.EqualTo((Channels.Email, Tones.Friendly, "email_notice")));
            Assert.That(plan.Tasks, Is.Empty);
        });
    }

    [Test]
    public void Plan_WritesOneMessagePerDebtorAndChannel_ListingEveryInvoiceAtAStep_InTheToneOfTheMostAdvanced()
    {
        var book = new Book();
        var debtor = book.Debtor();
        var firstNotice = book.Invoice(debtor, daysOverdue: 2, number: "A-2");
        var firm = book.Invoice(debtor, daysOverdue: 8, number: "A-1");
        book.Took(firm, "notice", daysAgo: 7);
        var finalLetter = book.Invoice(debtor, daysOverdue: 31, number: "A-0");
        book.Took(finalLetter, "pre_due", daysAgo: 34);
        book.Took(finalLetter, "notice", daysAgo: 30);
        book.Took(finalLetter, "firm", daysAgo: 24);
        book.Took(finalLetter, "call", daysAgo: 17);
        var other = book.Debtor("deb_2");
        var othersNotice = book.Invoice(other, daysOverdue: 2, number: "B-1");

        var plan = Plan(book);

        var ofDebtor = plan.Messages.Where(m => m.Debtor.Id == debtor).ToDictionary(m => m.Channel);
        Assert.Multiple(() =>
        {
            Assert.That(plan.Takes.Select(t => (t.Item.Id, t.StepKey)), Is.EquivalentTo(new[]
            {
                (firstNotice, "notice"), (firm, "firm"), (finalLetter, "final_notice"), (othersNotice, "notice"),
            }));
            Assert.That(plan.Messages, Has.Count.EqualTo(3), "an e-mail and a letter to the first debtor, an e-mail to the other");
            Assert.That(ofDebtor.Keys, Is.EquivalentTo(new[] { Channels.Email, Channels.Letter }));
            Assert.That(Ids(ofDebtor[Channels.Email]), Is.EqualTo(new[] { firm, firstNotice }), "both invoices at a step, oldest due first");
            Assert.That((ofDebtor[Channels.Email].Step.Key, ofDebtor[Channels.Email].Step.Tone, ofDebtor[Channels.Email].TemplateKey),
                Is.EqualTo(("firm", Tones.Firm, "email_firm")), "the tone and template of the most advanced step");
            Assert.That(Ids(ofDebtor[Channels.Letter]), Is.EqualTo(new[] { finalLetter }));
            Assert.That(ofDebtor[Channels.Letter].Status, Is.EqualTo(MessageStatuses.ToPrint));
            Assert.That(Ids(plan.Messages.Single(m => m.Debtor.Id == other)), Is.EqualTo(new[] { othersNotice }));
            Assert.That(plan.Takes.Select(t => t.MessageId).Distinct().Count(), Is.EqualTo(3), "each take names the message that carries it");
            Assert.That(plan.Takes.All(t => plan.Messages.Single(m => m.Id == t.MessageId).Lines.Contains(t)), Is.True);
        });
    }

    [TestCase(0, true)]
    [TestCase(1, true)]
    [TestCase(2, true)]
    [TestCase(3, false)]
    [TestCase(10, false)]
    public void Plan_InsideTheGapSinceTheDebtorsLastReminderOnTheChannel_HoldsTheStepForTheNextReminder(int daysSinceLastReminder, bool held)
    {
        var book = new Book();
        var debtor = book.Debtor();
        var invoice = book.Invoice(debtor, daysOverdue: 2);
        book.LastReminders[(debtor, Channels.Email)] = Now.AddDays(-daysSinceLastReminder);
        var other = book.Debtor("deb_2");
        var othersInvoice = book.Invoice(other, daysOverdue: 2);
        book.LastReminders[(other, Channels.Letter)] = Now.AddDays(-daysSinceLastReminder);

        var plan = Plan(book);

        Assert.Multiple(() =>
        {
            Assert.That(plan.Takes.Any(t => t.Item.Id == invoice), Is.EqualTo(!held));
            Assert.That(plan.Messages.Any(m => m.Debtor.Id == debtor), Is.EqualTo(!held));
            Assert.That(plan.Pauses, Is.EqualTo(held ? new[] { new PlannedPause(invoice, debtor, "reminder_gap") } : Array.Empty<PlannedPause>()),
                "not taken, so still due at the next run after the gap");
            Assert.That(Ids(plan.Messages.Single(m => m.Debtor.Id == other)), Is.EqualTo(new[] { othersInvoice }),
                "the gap is per debtor and channel: a letter does not hold an e-mail");
        });
    }

    [TestCase("dispute")]
    [TestCase("payment_plan")]
    [TestCase("promise")]
    [TestCase("hold")]
    [TestCase("do_not_contact")]
    [TestCase("payment_pending")]
    [TestCase("placed")]
    public void Plan_WhenAnInvoiceIsPaused_TakesNothingForIt_AndReportsWhy(string reason)
    {
        var book = new Book();
        var debtor = book.Debtor();
        var invoice = book.Invoice(debtor, daysOverdue: 8);
        Assert.That(Plan(book).Takes.Single().StepKey, Is.EqualTo("notice"), "unpaused, the invoice is due its notice");
        Pause(book, reason, debtor, invoice);

        var plan = Plan(book);

        Assert.Multiple(() =>
        {
            Assert.That(plan.Takes, Is.Empty);
            Assert.That(plan.Messages, Is.Empty);
            Assert.That(plan.Tasks, Is.Empty);
            Assert.That(plan.Pauses, Is.EqualTo(new[] { new PlannedPause(invoice, debtor, reason) }));
        });
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    public void Plan_WhenTheDueStepWasAlreadyTaken_DoesNotTakeItAgain(int daysAgo)
    {
        var book = new Book();
        var debtor = book.Debtor();
        var invoice = book.Invoice(debtor, daysOverdue: 2);
        Assert.That(Plan(book).Takes.Single().StepKey, Is.EqualTo("notice"), "not taken yet, the notice is due");
        book.Took(invoice, "notice", daysAgo);

        var plan = Plan(book);

        Assert.Multiple(() =>
        {
            Assert.That(plan.Takes, Is.Empty);
            Assert.That(plan.Messages, Is.Empty);
            Assert.That(plan.Pauses, Is.Empty, "nothing is due, so nothing is paused either");
        });
    }

    [Test]
    public void Plan_WhenAStepIsTaken_FollowsWithTheNextAtThePolicySpacing_NotBefore()
    {
        var book = new Book();
        var debtor = book.Debtor();
        var invoice = book.Invoice(debtor, daysOverdue: 8);
        book.Took(invoice, "notice", daysAgo: 5);

        var early = Plan(book);
        var due = Plan(book, Today.AddDays(1));

        Assert.That(early.Takes, Is.Empty, "notice (+1) to firm (+7) is six days after the notice");
        Assert.That(due.Takes.Single().StepKey, Is.EqualTo("firm"));
    }

    [TestCase(8, 320, "small_balance")]
    [TestCase(8, 499, "small_balance")]
    [TestCase(8, 500, "notice")]
    [TestCase(-2, 320, "pre_due")]
    public void Plan_WhenWhatIsCollectibleIsBelowTheSmallBalanceThreshold_ProposesAWriteOffOnceDue(int daysOverdue, long balanceMinor, string expected)
    {
        var book = new Book();
        var debtor = book.Debtor();
        book.Invoice(debtor, daysOverdue, balanceMinor);

        var plan = Plan(book);

        Assert.That(plan.Takes.Single().StepKey, Is.EqualTo(expected), "below 5.00 once overdue; the heads-up before the due date still goes");
        Assert.That(plan.Tasks.Select(t => (t.Kind, t.Action)), Is.EqualTo(expected == StepKeys.SmallBalance
            ? new[] { (TaskKinds.Proposal, StepActions.ProposeWriteOff) }
            : Array.Empty<(string, string)>()));
        Assert.That(plan.Messages.Count, Is.EqualTo(expected == StepKeys.SmallBalance ? 0 : 1));
    }

    [Test]
    public void Plan_AfterTheSmallBalanceWriteOffWasProposed_ProposesNothingMore_AndSendsNothing()
    {
        var book = new Book();
        var debtor = book.Debtor();
        var invoice = book.Invoice(debtor, daysOverdue: 8, balanceMinor: 320);
        var first = Plan(book);
        book.Took(invoice, first.Takes.Single().StepKey, daysAgo: 0);

        var later = Plan(book, Today.AddDays(30));

        Assert.Multiple(() =>
        {
            Assert.That(first.Tasks.Single().InvoiceIds, Is.EqualTo(new[] { invoice }));
            Assert.That(first.Messages, Is.Empty);
            Assert.That(later.Takes, Is.Empty);
            Assert.That(later.Tasks, Is.Empty);
            Assert.That(later.Messages, Is.Empty);
        });
    }

    [Test]
    public void Plan_WhenTheDebtorHasAnOpenTaskOfTheSameAction_ExtendsItRatherThanOpeningAnother()
    {
        var book = new Book();
        var debtor = book.Debtor();
        var invoice = CallDue(book, debtor);
        book.OpenTasks.Add(new OpenTaskRow { Id = "task_open", DebtorId = debtor, Action = StepActions.None, InvoiceIds = "inv_earlier" });
        var other = book.Debtor("deb_2");
        var othersInvoice = CallDue(book, other);

        var plan = Plan(book);

        var extended = plan.Tasks.Single(t => t.DebtorId == debtor);
        var opened = plan.Tasks.Single(t => t.DebtorId == other);
        Assert.Multiple(() =>
        {
            Assert.That((extended.Id, extended.Merged, extended.Kind), Is.EqualTo(("task_open", true, TaskKinds.Call)));
            Assert.That(extended.InvoiceIds, Is.EqualTo(new[] { "inv_earlier", invoice }));
            Assert.That(plan.Takes.Single(t => t.Item.Id == invoice).TaskId, Is.EqualTo("task_open"));
            Assert.That((opened.Merged, opened.InvoiceIds.Single()), Is.EqualTo((false, othersInvoice)));
            Assert.That(opened.Id, Is.Not.EqualTo("task_open"));
            Assert.That(plan.Messages, Is.Empty, "a call step writes nothing");
        });
    }

    [Test]
    public void Plan_WhenAPlanDefaultedOrAPromiseWasBroken_GoesStraightToTheNextFirmStep()
    {
        var book = new Book();
        var defaulted = book.Debtor();
        var planned = book.Invoice(defaulted, daysOverdue: 2);
        book.Flags[planned] = "plan_defaulted:plan_1";
        var promised = book.Debtor("deb_2");
        var invoice = book.Invoice(promised, daysOverdue: 2);
        var promise = Promise(promised, invoice, 1190_00, liveUntil: Today.AddDays(-1));
        book.Promises.Add(promise);

        var plan = Plan(book);

        Assert.Multiple(() =>
        {
            Assert.That(plan.Takes.Select(t => (t.Item.Id, t.StepKey)), Is.EquivalentTo(new[] { (planned, "firm"), (invoice, "firm") }),
                "not the friendly notice due by date");
            Assert.That(plan.Messages.Select(m => m.Step.Tone), Is.EqualTo(new[] { Tones.Firm, Tones.Firm }));
            Assert.That(plan.UsedFlags, Is.EqualTo(new[] { planned }), "the run clears the flag it used");
            Assert.That(plan.BrokenPromises, Is.EqualTo(new[] { promise }), "the run breaks the promise whose date has passed");
        });
    }

    private static RunPlan Plan(Book book, DateOnly? asOf = null) =>
        new RunPlanner(new DunningOptions(), new FakeTimeProvider(Now)).Plan(book.Snapshot(), asOf ?? Today);

    private static string[] Ids(PlannedMessage message) => message.Lines.Select(l => l.Item.Id).ToArray();

    /// <summary>An invoice due its first call: 15 days overdue, reminded before and after the due date and firmly 8 days ago.</summary>
    private static string CallDue(Book book, string debtorId)
    {
        var invoice = book.Invoice(debtorId, daysOverdue: 15);
        book.Took(invoice, "pre_due", daysAgo: 18);
        book.Took(invoice, "notice", daysAgo: 14);
        book.Took(invoice, "firm", daysAgo: 8);
        return invoice;
    }

    private static PromiseRow Promise(string debtorId, string invoiceId, long amountMinor, DateOnly liveUntil) => new()
    {
        Id = "pro_" + invoiceId,
        DebtorId = debtorId,
        AmountMinor = amountMinor,
        Currency = "EUR",
        PromisedDate = liveUntil.AddDays(-3),
        LiveUntil = liveUntil,
        InvoiceIds = invoiceId,
        Status = PromiseStatuses.Live,
    };

    private static void Pause(Book book, string reason, string debtorId, string invoiceId)
    {
        var balance = book.Invoices.Single(i => i.Id == invoiceId).BalanceMinor;
        switch (reason)
        {
            case "dispute":
                book.Disputed[invoiceId] = balance;
                break;
            case "payment_plan":
                book.Plans.Add(new PaymentPlanSummaryDto("plan_1", debtorId, "active", "EUR", balance, 0, [invoiceId], Today.AddDays(10),
                    Now.AddDays(-5)));
                break;
            case "promise":
                book.Promises.Add(Promise(debtorId, invoiceId, balance, Today.AddDays(5)));
                break;
            case "hold":
                book.Settings[debtorId] = new SettingsRow { DebtorId = debtorId, HoldUntil = Today.AddDays(3), HoldReason = "talks" };
                break;
            case "do_not_contact":
                book.Settings[debtorId] = new SettingsRow { DebtorId = debtorId, DoNotContact = true };
                break;
            case "payment_pending":
                book.Pending.Add(new PendingRow
                {
                    AttemptId = "att_1",
                    DebtorId = debtorId,
                    AmountMinor = balance,
                    Currency = "EUR",
                    ItemIds = invoiceId,
                    CreatedAt = Now.AddDays(-1),
                });
                break;
            case "placed":
                book.Change(invoiceId, i => i with { Placed = true });
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(reason), reason, null);
        }
    }

    /// <summary>A book of debtors as a run's snapshot holds it, built in memory.</summary>
    private sealed class Book
    {
        private static readonly IReadOnlyList<DunningPolicy> Policies =
            SeedPolicies.All.Select(p => new DunningPolicy(p.Id, p.Name, p.Description, p.Steps, 1)).ToList();

        private static readonly TemplateBook Templates = new(
            SeedTemplates.All.ToDictionary(t => t.Key, t => new TemplateRow
            {
                TemplateKey = t.Key,
                Channel = t.Channel,
                Tone = t.Tone,
                Subject = t.Subject,
                Body = t.Body,
            }),
            new Dictionary<(string Key, string Language), TemplateRow>());

        private readonly Dictionary<string, DebtorDto> debtors = [];
        private readonly Dictionary<string, Dictionary<string, DateOnly>> taken = [];

        public List<ReceivableDto> Invoices { get; } = [];

        public Dictionary<string, SettingsRow> Settings { get; } = [];

        public List<PromiseRow> Promises { get; } = [];

        public List<PendingRow> Pending { get; } = [];

        public Dictionary<string, string> Flags { get; } = [];

        public Dictionary<string, long> Disputed { get; } = [];

        public List<PaymentPlanSummaryDto> Plans { get; } = [];

        public List<OpenTaskRow> OpenTasks { get; } = [];

        public Dictionary<(string DebtorId, string Channel), DateTimeOffset> LastReminders { get; } = [];

        public string Debtor(string id = "deb_1")
        {
            debtors[id] = new DebtorDto(id, "ERP-" + id, "Acme GmbH", "DE", "Europe/Berlin", "en", "EUR", 0, 30, "standard",
                [new ContactDto("con_" + id, "Anna Schmidt", "anna@acme.example", null, "accounts_payable", true)],
                ContactWindow.Default, AllocationOrders.PrincipalFirst, Now.AddYears(-2));
            return id;
        }

        public string Invoice(string debtorId, int daysOverdue, long balanceMinor = 1190_00, string? number = null)
        {
            var id = $"inv_{Invoices.Count + 1}";
            var due = Today.AddDays(-daysOverdue);
            Invoices.Add(new ReceivableDto(id, ItemKinds.Invoice, debtorId, "ext_" + id, number ?? "R-" + id, null, null, "EUR",
                due.AddDays(-30), due, balanceMinor, balanceMinor, 0, false, false, InvoiceStatuses.Open, null));
            return id;
        }

        public void Took(string invoiceId, string stepKey, int daysAgo)
        {
            if (!taken.TryGetValue(invoiceId, out var steps))
            {
                taken[invoiceId] = steps = [];
            }

            steps[stepKey] = Today.AddDays(-daysAgo);
        }

        public void Change(string invoiceId, Func<ReceivableDto, ReceivableDto> change)
        {
            var index = Invoices.FindIndex(i => i.Id == invoiceId);
            Invoices[index] = change(Invoices[index]);
        }

        public ChaseSnapshot Snapshot() => new(
            Invoices.ToList(),
            new Dictionary<string, DebtorDto>(debtors),
            new Dictionary<string, SettingsRow>(Settings),
            Policies,
            Templates,
            taken.ToDictionary(t => t.Key, t => new Dictionary<string, DateOnly>(t.Value)),
            Promises.ToLookup(p => p.DebtorId),
            Pending.ToLookup(p => p.DebtorId),
            new Dictionary<string, string>(Flags),
            new Dictionary<string, long>(Disputed),
            Plans.ToList(),
            OpenTasks.ToLookup(t => t.DebtorId),
            new Dictionary<(string DebtorId, string Channel), DateTimeOffset>(LastReminders));
    }
}
