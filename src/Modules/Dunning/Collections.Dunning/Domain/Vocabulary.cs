namespace Collections.Dunning.Domain;

internal static class Channels
{
    public const string Email = "email";
    public const string Letter = "letter";
    public const string CallTask = "call_task";

    /// <summary>A short text through Twilio, to a contact who consented; otherwise the step goes by e-mail (<see cref="SmsReach"/>).</summary>
    public const string Sms = "sms";
    public static readonly string[] All = [Email, Letter, CallTask, Sms];

    /// <summary>How staff texts (activity, withdrawals) name a message of the channel.</summary>
    public static string Label(string channel) => channel switch
    {
        Letter => "Letter",
        Sms => "SMS",
        _ => "E-mail",
    };
}

internal static class Tones
{
    public const string Friendly = "friendly";
    public const string Firm = "firm";
    public const string Final = "final";
    public static readonly string[] All = [Friendly, Firm, Final];

    public static int Rank(string tone) => Array.IndexOf(All, tone);
}

internal static class StepActions
{
    public const string None = "none";
    public const string AssignSenior = "assign_senior";
    public const string ProposeAgency = "propose_agency";
    public const string ProposeLegal = "propose_legal";
    public const string ProposeWriteOff = "propose_write_off";
    public static readonly string[] All = [None, AssignSenior, ProposeAgency, ProposeLegal, ProposeWriteOff];

    public static bool IsProposal(string action) => action is ProposeAgency or ProposeLegal or ProposeWriteOff;
}

/// <summary>Step keys the module reserves for itself: no policy may name a step so.</summary>
internal static class StepKeys
{
    /// <summary>
    /// The write-off proposal a run takes once, instead of the step due, when what may be collected is below the
    /// small-balance threshold.
    /// </summary>
    public const string SmallBalance = "small_balance";
}

internal static class MessageStatuses
{
    public const string Queued = "queued";

    /// <summary>Claimed by a dispatcher and on its way (for the claim's lease).</summary>
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string ToPrint = "to_print";

    /// <summary>Taken back before it left: what it asked for was paid, credited, disputed, planned, promised or paused.</summary>
    public const string Withdrawn = "withdrawn";
}

/// <summary>
/// Why a message exists: a reminder climbs the ladder; anything else is a courtesy message (its template key is
/// `email_{purpose}`) that acknowledges what happened and never counts as chasing.
/// </summary>
internal static class MessagePurposes
{
    public const string Reminder = "reminder";
    public const string Receipt = "receipt";
    public const string DebitFailed = "debit_failed";
    public const string PlanAgreed = "plan_agreed";
    public const string PlanInstallmentDue = "plan_installment_due";
    public const string PlanInstallmentLate = "plan_installment_late";
    public const string DiscountEnding = "discount_ending";
    public const string PlanCompleted = "plan_completed";
    public const string PlanDefaulted = "plan_defaulted";
    public const string DisputeReceived = "dispute_received";
    public const string DisputeReplied = "dispute_replied";
    public const string DisputeResolved = "dispute_resolved";
    public const string PromiseRecorded = "promise_recorded";
    public const string PromiseBroken = "promise_broken";
    public const string PortalLink = "portal_link";
    public const string PaymentReversed = "payment_reversed";

    /// <summary>Courtesy messages that ask the debtor to pay: a payment after they were queued makes them stale.</summary>
    public static bool AsksForMoney(string purpose) => purpose is DebitFailed or PaymentReversed or PlanInstallmentDue or PlanInstallmentLate or PromiseBroken or DiscountEnding;
}

/// <summary>
/// What Twilio reports of a text after it took it, in the order the reports come. A report never takes back a later one
/// (a late "sent" after "delivered" changes nothing); delivered, undelivered and failed are final.
/// </summary>
internal static class SmsDeliveryStatuses
{
    public const int Length = 20;
    public const string Delivered = "delivered";
    public const string Undelivered = "undelivered";
    public const string Failed = "failed";
    public static readonly string[] Known = ["accepted", "queued", "sending", "sent", Delivered, Undelivered, Failed];

    public static int Rank(string? status) => status switch
    {
        "accepted" or "queued" or "sending" => 1,
        "sent" => 2,
        Delivered or Undelivered or Failed => 3,
        _ => 0,
    };

    public static bool IsFailure(string status) => status is Undelivered or Failed;
}

internal static class TaskKinds
{
    public const string Call = "call";
    public const string Proposal = "proposal";
    public const string FollowUp = "follow_up";
}

internal static class PromiseStatuses
{
    public const string Live = "live";
    public const string Kept = "kept";
    public const string Broken = "broken";

    /// <summary>A third promise in 90 days for an invoice: recorded, pausing nothing, with a call task for a collector.</summary>
    public const string Referred = "referred";
}

internal static class IdList
{
    public static string Join(IEnumerable<string> ids) => string.Join(',', ids);

    public static IReadOnlyList<string> Split(string? ids) =>
        string.IsNullOrEmpty(ids) ? [] : ids.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
