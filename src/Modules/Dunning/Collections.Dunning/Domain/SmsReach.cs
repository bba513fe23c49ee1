using System.Text.RegularExpressions;
using Collections.Invoicing.Contracts;

namespace Collections.Dunning.Domain;

/// <summary>A STOP a phone number sent (and a START after it, which is noted but consents to nothing).</summary>
internal sealed record SmsOptOutRow
{
    public const string Columns = "phone AS Phone, opted_out_at AS OptedOutAt, keyword AS Keyword, restarted_at AS RestartedAt";

    public string Phone { get; init; } = "";
    public DateTimeOffset OptedOutAt { get; init; }
    public string Keyword { get; init; } = "";
    public DateTimeOffset? RestartedAt { get; init; }
}

/// <summary>The contact an SMS goes to, or why none may be texted (and the step goes by e-mail instead).</summary>
internal sealed record SmsRecipient(ContactDto? Contact, string? Refusal);

/// <summary>
/// Who may be sent an SMS: a contact whose consent the ERP recorded, with an E.164 phone number, that has not sent STOP since
/// that consent. A STOP wins over consent until the ERP records consent anew, after the STOP; a START only notes that the
/// contact asked to hear from us again.
/// </summary>
internal static partial class SmsReach
{
    public const string NotConfigured = "sms_not_configured";
    public const string NoConsent = "no_sms_consent";
    public const string OptedOut = "sms_opted_out";
    public const string NoMobileNumber = "no_mobile_number";
    public const string NoLegalHours = "no_sms_hours";

    public static bool IsE164(string? phone) => phone is not null && E164().IsMatch(phone);

    /// <summary>The primary contact first, then the others, in order: the first one who may be texted.</summary>
    public static SmsRecipient Of(DebtorDto debtor, IReadOnlyDictionary<string, SmsOptOutRow> optOuts, bool configured)
    {
        if (!configured)
        {
            return new SmsRecipient(null, NotConfigured);
        }

        if (SmsHours.Window(debtor.ContactHours) is null)
        {
            return new SmsRecipient(null, NoLegalHours);
        }

        var consenting = debtor.Contacts.Where(c => c.SmsConsent is { Given: true }).OrderByDescending(c => c.IsPrimary).ToList();
        if (consenting.Count == 0)
        {
            return new SmsRecipient(null, NoConsent);
        }

        var refusals = consenting.Select(c => (Contact: c, Refusal: RefusalFor(c, optOuts))).ToList();
        return refusals.FirstOrDefault(r => r.Refusal is null) is { Contact: { } reachable }
            ? new SmsRecipient(reachable, null)
            : new SmsRecipient(null, refusals[0].Refusal);
    }

    /// <summary>Why this contact may not be texted now, or null when it may.</summary>
    public static string? RefusalFor(ContactDto contact, IReadOnlyDictionary<string, SmsOptOutRow> optOuts)
    {
        if (contact.SmsConsent is not { Given: true, GivenAt: { } givenAt })
        {
            return NoConsent;
        }

        if (!IsE164(contact.Phone))
        {
            return NoMobileNumber;
        }

        return optOuts.TryGetValue(contact.Phone!, out var stop) && stop.OptedOutAt >= givenAt ? OptedOut : null;
    }

    /// <summary>What the run result and the withdrawn message say.</summary>
    public static string Explain(string refusal) => refusal switch
    {
        NotConfigured => "SMS is not configured (Sms:Twilio settings)",
        NoConsent => "no contact has consented to SMS",
        OptedOut => "the contact's number replied STOP after its consent",
        NoMobileNumber => "the consenting contact has no E.164 phone number",
        NoLegalHours => "the debtor's contact hours leave no time between 08:00 and 21:00",
        _ => refusal,
    };

    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}$")]
    private static partial Regex E164();
}
