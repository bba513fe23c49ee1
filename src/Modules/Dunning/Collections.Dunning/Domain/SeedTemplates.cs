namespace Collections.Dunning.Domain;

/// <summary>The seeded wording: courteous at every stage; firmness rises by being clearer and more specific.</summary>
internal static class SeedTemplates
{
    private const string WaysForward = """
        <p>Whatever suits you best: pay now or pay part online, propose a payment plan, or tell us if something is wrong with an invoice — all in one place: {{portalLink}}</p>
        """;

    private const string Signature = """
        <p>If you have any question, simply reply to this e-mail and {{senderName}} will answer you personally.</p>
        <p>Kind regards,<br>{{senderName}}</p>
        """;

    public static readonly (string Key, string Channel, string Tone, string Subject, string Body)[] All =
    [
        ("email_pre_due", Channels.Email, Tones.Friendly, "Coming up: {{invoiceCount}} invoice(s) for {{debtorName}}", """
            <p>{{salutation}}</p>
            <p>{{relationship}} A short heads-up so that nothing slips through: the following falls due shortly.</p>
            <p>Account: {{debtorName}}</p>
            {{invoiceTable}}
            <p>Total: <strong>{{totalDue}}</strong>.{{earlyPaymentSaving}}</p>
            {{disputeNote}}
            """ + WaysForward + """
            <p>What happens next: if payment has not reached us by {{nextStepDate}}, {{nextStep}}.</p>
            """ + Signature),
        ("email_notice", Channels.Email, Tones.Friendly, "Payment reminder for {{debtorName}}: {{totalDue}}", """
            <p>{{salutation}}</p>
            <p>{{relationship}} We have not yet received payment for the invoices below. It is most likely an oversight, so here are the details:</p>
            <p>Account: {{debtorName}}</p>
            {{invoiceTable}}
            <p>Total now due: <strong>{{totalDue}}</strong>.</p>
            {{disputeNote}}
            """ + WaysForward + """
            <p>What happens next: if payment has not reached us by {{nextStepDate}}, {{nextStep}}. If you have already paid, thank you, and please ignore this message.</p>
            """ + Signature),
        ("email_firm", Channels.Email, Tones.Firm, "Overdue invoices for {{debtorName}}: please confirm a payment date", """
            <p>{{salutation}}</p>
            <p>The invoices below are now overdue, and we have not heard from you about them.</p>
            <p>Account: {{debtorName}}</p>
            {{invoiceTable}}
            <p>Total overdue: <strong>{{totalDue}}</strong>.</p>
            {{disputeNote}}
            <p>Please pay the balance, or let us know the date on which you will pay it. As set out in the payment terms of these invoices, overdue amounts may incur late-payment charges.</p>
            """ + WaysForward + """
            <p>What happens next: if payment or a payment date has not reached us by {{nextStepDate}}, {{nextStep}}.</p>
            """ + Signature),
        ("email_final", Channels.Email, Tones.Final, "Final notice for {{debtorName}}: {{totalDue}} overdue", """
            <p>{{salutation}}</p>
            <p>Despite our earlier messages, the invoices below remain unpaid.</p>
            <p>Account: {{debtorName}}</p>
            {{invoiceTable}}
            <p>Total overdue: <strong>{{totalDue}}</strong>.</p>
            {{disputeNote}}
            <p>This is our final notice before the next step. We would much rather settle this with you directly.</p>
            """ + WaysForward + """
            <p>What happens next: if the balance is not paid, or a payment plan agreed, by {{nextStepDate}}, {{nextStep}}.</p>
            """ + Signature),
        ("letter_final", Channels.Letter, Tones.Final, "Final notice: {{totalDue}} overdue", """
            <p>{{debtorName}}<br>For the attention of {{contactName}}</p>
            <p>{{salutation}}</p>
            <p>Despite our earlier reminders, the invoices below remain unpaid.</p>
            {{invoiceTable}}
            <p>Total overdue: <strong>{{totalDue}}</strong>.</p>
            {{disputeNote}}
            <p>This is our final notice. We value our relationship and would much rather settle this with you directly.</p>
            """ + WaysForward + """
            <p>What happens next: if the balance is not paid, or a payment plan agreed, by {{nextStepDate}}, {{nextStep}}.</p>
            """ + Signature),
    ];

    private const string CourtesyClose = """
        <p>Your invoices, payments and agreements are always available here: {{portalLink}}</p>
        """ + Signature;

    /// <summary>The answer to a debtor who asked for a new portal link (added by migration 600_020).</summary>
    public static readonly (string Key, string Channel, string Tone, string Subject, string Body) PortalLink =
        ("email_portal_link", Channels.Email, Tones.Friendly, "Your new link to your account with {{senderName}}", """
            <p>{{salutation}}</p>
            <p>You asked for a new link to your account. Here it is: {{portalLink}}</p>
            <p>The link is personal to you and works for a limited time. If you did not ask for it, you can ignore this e-mail: nothing changes on your account.</p>
            """ + Signature);

    /// <summary>The message to a debtor whose bank reversed a payment for good (a chargeback the creditor lost; migration 600_020).</summary>
    public static readonly (string Key, string Channel, string Tone, string Subject, string Body) PaymentReversed =
        ("email_payment_reversed", Channels.Email, Tones.Friendly, "Your bank has reversed your payment of {{amount}}", """
            <p>{{salutation}}</p>
            <p>Your bank has returned a payment you made to us, after you disputed it with them, so the invoices it paid are open again:</p>
            {{details}}
            <p>Open on your account on {{nextStepDate}}: <strong>{{totalDue}}</strong>.</p>
            <p>What happens next: {{nextStep}}.</p>
            """ + CourtesyClose);

    /// <summary>Every template a courtesy message may be written with.</summary>
    public static IEnumerable<(string Key, string Channel, string Tone, string Subject, string Body)> AllCourtesy => [.. Courtesy, PortalLink, PaymentReversed];

    /// <summary>
    /// Acknowledgements (added by migration 600_011, after the reminders were seeded, so not in <see cref="All"/>). Merge
    /// fields: the reminders' names, {{portalLink}} and {{senderName}}, plus {{amount}}, {{details}} (the event's lines),
    /// {{totalDue}} (open on the account now), {{nextStep}} and {{nextStepDate}}.
    /// </summary>
    public static readonly (string Key, string Channel, string Tone, string Subject, string Body)[] Courtesy =
    [
        ("email_receipt", Channels.Email, Tones.Friendly, "Thank you: {{amount}} received from {{debtorName}}", """
            <p>{{salutation}}</p>
            <p>Thank you: we received your payment of <strong>{{amount}}</strong> and applied it as follows.</p>
            <p>Account: {{debtorName}}</p>
            {{details}}
            <p>Open on your account on {{nextStepDate}}: <strong>{{totalDue}}</strong>.</p>
            <p>What happens next: {{nextStep}}.</p>
            """ + CourtesyClose),
        ("email_debit_failed", Channels.Email, Tones.Friendly, "Your bank debit of {{amount}} did not go through", """
            <p>{{salutation}}</p>
            <p>We are sorry to tell you that your bank debit did not go through, so the invoices below are still open.</p>
            {{details}}
            <p>What happens next: {{nextStep}} (as of {{nextStepDate}}, {{totalDue}} is open on your account).</p>
            """ + CourtesyClose),
        ("email_plan_agreed", Channels.Email, Tones.Friendly, "Your payment plan with us: {{amount}}", """
            <p>{{salutation}}</p>
            <p>Thank you for agreeing a payment plan with us. Here is what we agreed:</p>
            {{details}}
            <p>First instalment due: <strong>{{nextStepDate}}</strong>.</p>
            <p>What happens next: {{nextStep}}.</p>
            """ + CourtesyClose),
        ("email_discount_ending", Channels.Email, Tones.Friendly, "Save {{amount}}: your early-payment discount ends soon", """
            <p>{{salutation}}</p>
            <p>A short note so that you do not miss it: paying early still saves you money.</p>
            {{details}}
            <p>What happens next: {{nextStep}}. Last day for the discount: <strong>{{nextStepDate}}</strong>.</p>
            """ + CourtesyClose),
        ("email_plan_installment_due", Channels.Email, Tones.Friendly, "Your payment plan: {{amount}} due on {{nextStepDate}}", """
            <p>{{salutation}}</p>
            <p>A friendly heads-up: the next instalment of your payment plan falls due soon.</p>
            {{details}}
            <p>What happens next: {{nextStep}}. Due date: <strong>{{nextStepDate}}</strong>.</p>
            """ + CourtesyClose),
        ("email_plan_installment_late", Channels.Email, Tones.Friendly, "Your payment plan: an instalment has not reached us", """
            <p>{{salutation}}</p>
            <p>An instalment of your payment plan has not reached us yet. It may simply be on its way:</p>
            {{details}}
            <p>What happens next: {{nextStep}}. Please pay by {{nextStepDate}}.</p>
            """ + CourtesyClose),
        ("email_plan_completed", Channels.Email, Tones.Friendly, "Your payment plan is complete: thank you", """
            <p>{{salutation}}</p>
            <p>Thank you: every instalment of your payment plan has been paid.</p>
            {{details}}
            <p>Open on your account on {{nextStepDate}}: <strong>{{totalDue}}</strong>. What happens next: {{nextStep}}.</p>
            """ + CourtesyClose),
        ("email_plan_defaulted", Channels.Email, Tones.Friendly, "Your payment plan has ended", """
            <p>{{salutation}}</p>
            <p>An instalment of your payment plan stayed unpaid, so the plan ended on {{nextStepDate}}. These invoices are open again:</p>
            {{details}}
            <p>What happens next: {{nextStep}}.</p>
            """ + CourtesyClose),
        ("email_dispute_received", Channels.Email, Tones.Friendly, "We received your query about {{amount}}", """
            <p>{{salutation}}</p>
            <p>Thank you for telling us. We have opened a case for your query:</p>
            {{details}}
            <p>We will reply by <strong>{{nextStepDate}}</strong>. What happens next: {{nextStep}}.</p>
            """ + CourtesyClose),
        ("email_dispute_replied", Channels.Email, Tones.Friendly, "A reply to your query", """
            <p>{{salutation}}</p>
            <p>We have answered in your case, on {{nextStepDate}}:</p>
            {{details}}
            <p>What happens next: {{nextStep}}.</p>
            """ + CourtesyClose),
        ("email_dispute_resolved", Channels.Email, Tones.Friendly, "Your query has been resolved", """
            <p>{{salutation}}</p>
            <p>We have looked into your query, as of {{nextStepDate}}:</p>
            {{details}}
            <p>What happens next: {{nextStep}}.</p>
            """ + CourtesyClose),
        ("email_promise_recorded", Channels.Email, Tones.Friendly, "Thank you: your payment date is noted", """
            <p>{{salutation}}</p>
            <p>Thank you for letting us know when you will pay. We have noted:</p>
            {{details}}
            <p>What happens next: {{nextStep}}. Promised date: {{nextStepDate}}.</p>
            """ + CourtesyClose),
        ("email_promise_broken", Channels.Email, Tones.Friendly, "Your promised payment has not reached us", """
            <p>{{salutation}}</p>
            <p>The payment you promised has not reached us in full:</p>
            {{details}}
            <p>What happens next: {{nextStep}} (as of {{nextStepDate}}, {{totalDue}} is open on your account).</p>
            """ + CourtesyClose),
    ];

    public static readonly string[] RequiredFields = ["{{nextStep}}", "{{nextStepDate}}", "{{portalLink}}"];

    /// <summary>The SMS reminders, one per tone (added by migration 600_023, with their wording in every language).</summary>
    public static readonly (string Key, string Channel, string Tone, string Subject, string Body)[] Sms =
        [.. Languages.SmsTexts.ByLanguage[Languages.Languages.Fallback].Select(t => (t.Key, Channels.Sms, ToneOf(t.Key), t.Subject, t.Body))];

    private static string ToneOf(string smsKey) => smsKey switch
    {
        "sms_notice" => Tones.Friendly,
        "sms_firm" => Tones.Firm,
        _ => Tones.Final,
    };

    /// <summary>Every seeded template's English wording: the text each other language translates.</summary>
    public static IReadOnlyList<Languages.TemplateText> AllTexts => [.. All.Concat(AllCourtesy).Select(t => new Languages.TemplateText(t.Key, t.Subject, t.Body))];
}
