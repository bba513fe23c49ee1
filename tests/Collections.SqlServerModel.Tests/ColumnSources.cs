using System.Reflection;
using System.Text.RegularExpressions;
using Collections.SharedKernel.Security;

namespace Collections.SqlServerModel.Tests;

public enum SampleKind
{
    Text,
    Email,
    Url,
}

/// <summary>Where the text of every bounded text column comes from. Read by <see cref="StringLimitTests"/>.</summary>
public static class ColumnSources
{
    public abstract record Source(string Column);

    /// <summary>A request field: <paramref name="Request"/> is the command its endpoint sends, <paramref name="Path"/> the field as JSON names it.</summary>
    public sealed record Input(string Column, string Request, string Path, SampleKind Kind = SampleKind.Text) : Source(Column);

    /// <summary>Text the code composes and clips to <paramref name="Limit"/> (named by <paramref name="By"/>) before writing it.</summary>
    public sealed record Clip(string Column, int Limit, string By) : Source(Column);

    /// <summary>Values the code writes itself, and why they fit.</summary>
    public sealed record Written(string Column, string Why) : Source(Column);

    public static IReadOnlyList<Input> Inputs { get; } =
    [
        new("platform_api_keys.name", "CreateApiKeyCommand", "name"),
        new("platform_idempotency_keys.idempotency_key", "RecordPaymentCommand", "idempotencyKey"),

        new("invoicing_debtors.external_id", "UpsertDebtorCommand", "externalId"),
        new("invoicing_debtors.name", "UpsertDebtorCommand", "body.name"),
        new("invoicing_debtors.country_code", "UpsertDebtorCommand", "body.countryCode"),
        new("invoicing_debtors.time_zone", "UpsertDebtorCommand", "body.timeZone"),
        new("invoicing_debtors.language", "UpsertDebtorCommand", "body.language"),
        new("invoicing_debtors.currency", "UpsertDebtorCommand", "body.currency"),
        new("invoicing_debtors.contact_hours_start", "UpsertDebtorCommand", "body.contactHours.start"),
        new("invoicing_debtors.contact_hours_end", "UpsertDebtorCommand", "body.contactHours.end"),
        new("invoicing_contacts.name", "UpsertDebtorCommand", "body.contacts[].name"),
        new("invoicing_contacts.email", "UpsertDebtorCommand", "body.contacts[].email", SampleKind.Email),
        new("invoicing_contacts.phone", "UpsertDebtorCommand", "body.contacts[].phone"),
        new("invoicing_contacts.language", "UpsertDebtorCommand", "body.contacts[].language"),
        new("invoicing_debtors.billing_line1", "UpsertDebtorCommand", "body.billingAddress.lines[]"),
        new("invoicing_debtors.billing_line2", "UpsertDebtorCommand", "body.billingAddress.lines[]"),
        new("invoicing_debtors.billing_line3", "UpsertDebtorCommand", "body.billingAddress.lines[]"),
        new("invoicing_debtors.billing_postal_code", "UpsertDebtorCommand", "body.billingAddress.postalCode"),
        new("invoicing_debtors.billing_city", "UpsertDebtorCommand", "body.billingAddress.city"),
        new("invoicing_debtors.billing_region", "UpsertDebtorCommand", "body.billingAddress.region"),
        new("invoicing_debtors.billing_country", "UpsertDebtorCommand", "body.billingAddress.country"),
        new("invoicing_contacts.address_line1", "UpsertDebtorCommand", "body.contacts[].address.lines[]"),
        new("invoicing_contacts.address_line2", "UpsertDebtorCommand", "body.contacts[].address.lines[]"),
        new("invoicing_contacts.address_line3", "UpsertDebtorCommand", "body.contacts[].address.lines[]"),
        new("invoicing_contacts.address_postal_code", "UpsertDebtorCommand", "body.contacts[].address.postalCode"),
        new("invoicing_contacts.address_city", "UpsertDebtorCommand", "body.contacts[].address.city"),
        new("invoicing_contacts.address_region", "UpsertDebtorCommand", "body.contacts[].address.region"),
        new("invoicing_contacts.address_country", "UpsertDebtorCommand", "body.contacts[].address.country"),
        new("invoicing_receivables.external_id", "UpsertInvoiceCommand", "externalId"),
        new("invoicing_receivables.number", "UpsertInvoiceCommand", "body.number"),
        new("invoicing_receivables.po_number", "UpsertInvoiceCommand", "body.poNumber"),
        new("invoicing_receivables.currency", "UpsertInvoiceCommand", "body.currency"),
        new("invoicing_invoice_lines.description", "UpsertInvoiceCommand", "body.lines[].description"),
        new("invoicing_credit_notes.reason", "IssueCreditNoteHttpCommand", "reason"),

        new("payments_payments.currency", "RecordPaymentCommand", "payment.currency"),
        new("payments_payments.method", "RecordPaymentCommand", "payment.method"),
        new("payments_payments.reference", "RecordPaymentCommand", "payment.reference"),
        new("payments_refunds.reason", "RefundPaymentCommand", "reason"),
        new("payments_refund_intents.reason", "RefundPaymentCommand", "reason"),
        new("payments_bank_lines.note", "IgnoreBankLineCommand", "reason"),

        new("disputes_disputes.category", "OpenDisputeCommand", "reason"),
        new("disputes_disputes.description", "OpenDisputeCommand", "description"),
        new("disputes_disputes.resolution_note", "ResolveDisputeCommand", "resolutionNote"),
        new("disputes_disputes.assignee", "AssignDisputeCommand", "assignee"),
        new("disputes_messages.body", "PostDisputeMessageCommand", "body"),

        new("paymentplans_plans.close_reason", "RejectPaymentPlanCommand", "reason"),
        new("paymentplans_plans.close_reason", "CancelPaymentPlanCommand", "reason"),

        new("dunning_policies.name", "SavePolicyCommand", "body.name"),
        new("dunning_policies.description", "SavePolicyCommand", "body.description"),
        new("dunning_step_log.step_key", "SavePolicyCommand", "body.steps[].key"),
        new("dunning_templates.template_key", "SaveTemplateCommand", "key"),
        new("dunning_templates.channel", "SaveTemplateCommand", "body.channel"),
        new("dunning_templates.tone", "SaveTemplateCommand", "body.tone"),
        new("dunning_templates.subject", "SaveTemplateCommand", "body.subject"),
        new("dunning_template_translations.template_key", "SaveTemplateCommand", "key"),
        new("dunning_template_translations.language", "SaveTemplateCommand", "language"),
        new("dunning_template_translations.subject", "SaveTemplateCommand", "body.subject"),
        new("dunning_debtor_settings.hold_reason", "SetCollectionHoldCommand", "body.reason"),
        new("dunning_tasks.outcome", "CompleteTaskCommand", "body.outcome"),
        new("dunning_tasks.note", "CompleteTaskCommand", "body.note"),
        new("dunning_escalations.escalation_type", "EscalateDebtorCommand", "body.type"),
        new("dunning_escalations.agency_name", "EscalateDebtorCommand", "body.agencyName"),
        new("dunning_escalations.note", "EscalateDebtorCommand", "body.note"),

        new("webhooks_endpoints.url", "CreateWebhookEndpointCommand", "url", SampleKind.Url),
        new("webhooks_endpoints.description", "CreateWebhookEndpointCommand", "description"),
    ];

    public static IReadOnlyList<Clip> Clips { get; } =
    [
        .. new[]
        {
            "invoicing_activity.actor", "disputes_disputes.opened_by", "disputes_messages.author", "disputes_attachments.uploaded_by",
            "disputes_history.actor", "dunning_runs.started_by", "dunning_tasks.completed_by", "dunning_promises.created_by",
            "dunning_escalations.created_by",
        }.Select(column => new Clip(column, Caller.ActorLength, "Caller.Actor")),
        new("invoicing_ledger_entries.reason", Const("ReceivableLedger", "ReasonLength"), "ReceivableLedger.ReasonLength"),
        new("invoicing_credit_notes.reason", Const("ReceivableLedger", "ReasonLength"), "ReceivableLedger.ReasonLength"),
        new("disputes_attachments.file_name", Const("AttachmentRules", "FileNameLength"), "AttachmentRules.FileNameLength"),
        new("payments_stripe_events.outcome", Const("HandleStripeEventHandler", "OutcomeLength"), "HandleStripeEventHandler.OutcomeLength"),
        new("dunning_messages.subject", Const("MessageComposer", "SubjectLength"), "MessageComposer.SubjectLength"),
        new("dunning_messages.last_error", Const("OutboxDispatcher", "ErrorLength"), "OutboxDispatcher.ErrorLength"),
        new("dunning_messages.withdrawn_reason", Const("MessageRecheck", "WithdrawnReasonLength"), "MessageRecheck.WithdrawnReasonLength"),
        new("insights_alerts.message", Const("AlertBook", "MessageLength"), "AlertBook.MessageLength"),
        new("payments_bank_imports.imported_by", Caller.ActorLength, "Caller.Actor"),
        new("payments_bank_lines.decided_by", Caller.ActorLength, "Caller.Actor"),
        .. new[] { "payments_bank_imports.message_ref", "payments_bank_lines.end_to_end_ref", "payments_bank_lines.bank_ref", "payments_bank_lines.creditor_ref" }
            .Select(column => new Clip(column, Const("BankLineText", "ReferenceLength"), "BankLineText.ReferenceLength")),
        new("payments_bank_lines.bank_code", Const("BankLineText", "BankCodeLength"), "BankLineText.BankCodeLength"),
        new("payments_bank_lines.payer_name", Const("BankLineText", "PayerNameLength"), "BankLineText.PayerNameLength"),
        new("payments_bank_lines.payer_account", Const("BankLineText", "AccountLength"), "BankLineText.AccountLength"),
        new("payments_bank_lines.remittance", Const("BankLineText", "RemittanceLength"), "BankLineText.RemittanceLength"),
        new("payments_bank_lines.return_reason", Const("BankLineText", "ReturnReasonLength"), "BankLineText.ReturnReasonLength"),
    ];

    public static IReadOnlyList<Written> Writes { get; } =
    [
        new("platform_idempotency_keys.scope", "the caller's id (an id) and the command's type name"),
        new("payments_refund_intents.request_key", "the caller's id (an id), a colon and the validated Idempotency-Key (at most 200)"),
        new("platform_api_keys.key_hint", "the key's first 8 characters and an ellipsis"),
        new("platform_api_keys.role", "an ApiKeyRole wire name"),
        new("invoicing_debtors.search_name", "the validated name, lower-cased: the same length"),
        new("invoicing_debtors.segment", "a DebtorSegment wire name"),
        new("invoicing_debtors.contact_days", "at most seven validated day names"),
        new("invoicing_debtors.allocation_order", "an AllocationOrder wire name"),
        new("invoicing_contacts.role", "a ContactRole wire name"),
        new("invoicing_credit_notes.number", "a sequence number, CN-000001"),
        new("invoicing_sequences.name", "a sequence's fixed name"),
        new("invoicing_fee_assessments.period_key", "a fee period, an ISO date or month"),
        new("invoicing_fee_assessments.description", "a fixed sentence naming the invoice number (at most 100 characters)"),
        new("payments_attempts.checkout_url", "the URL Stripe returns for a Checkout Session (a few hundred characters)"),
        new("payments_attempts.failure_reason", "a fixed sentence per way a checkout ends unpaid"),
        new("payments_payments.stripe_payment_intent", "a Stripe PaymentIntent id (under 70 characters)"),
        new("payments_payments.chargeback_dispute_id", "a Stripe Dispute id (under 70 characters)"),
        new("payments_stripe_events.type", "a Stripe event type"),
        new("payments_bank_statements.account", "the statement's account as the file names it, refused over 34 characters (an IBAN's most)"),
        new("payments_bank_statements.statement_ref", "the statement's Id, refused over 35 characters (ISO 20022 Max35Text)"),
        new("payments_bank_lines.account", "copied from payments_bank_statements.account"),
        new("payments_bank_lines.statement_ref", "copied from payments_bank_statements.statement_ref"),
        new("payments_bank_lines.credit_debit", "CRDT or DBIT, checked when the file is read"),
        new("payments_bank_lines.booking_status", "the entry's status code, clipped to 4 (BOOK, PDNG, INFO)"),
        new("payments_bank_lines.matched_by", "a MatchRules name (reference, invoice_number, amount, staff, return)"),
        new("payments_debtor_references.reference", "an ISO 11649 creditor reference: RF, two check digits and at most 21 characters"),
        new("payments_stripe_events.api_version", "a Stripe API version, 2025-03-31.basil"),
        new("disputes_disputes.number", "a sequence number, DSP-000001"),
        new("disputes_disputes.invoice_number", "copied from invoicing_receivables.number, as wide"),
        new("disputes_attachments.content_type", "one of the sniffed types (application/pdf, image/png, image/jpeg)"),
        new("disputes_sequences.name", "a sequence's fixed name"),
        new("paymentplans_plans.time_zone", "copied from the debtor's validated time zone, as wide"),
        new("paymentplans_plans.created_by", "the caller's role and id"),
        new("dunning_messages.template_key", "copied from dunning_templates.template_key, as wide"),
        new("dunning_messages.to_name", "a contact's or debtor's validated name, as wide"),
        new("dunning_messages.to_address", "a contact's validated e-mail address or phone number, as wide"),
        new("dunning_messages.step_key", "copied from a policy step's validated key, as wide"),
        new("dunning_messages.claimed_by", "the dispatching instance's id, a slash and a GUID per claim (under 120 characters)"),
        new("dunning_messages.provider_message_id", "Twilio's message SID: SM and 32 hexadecimal digits (34 characters)"),
        new("dunning_messages.delivery_status", "one of SmsDeliveryStatuses.Known, or Twilio's status at creation clipped to SmsDeliveryStatuses.Length"),
        new("dunning_sms_opt_outs.phone", "an E.164 number checked by SmsReach.IsE164 (at most 16 characters)"),
        new("dunning_sms_opt_outs.keyword", "one of ReceiveInboundSmsHandler.StopWords (at most 11 characters)"),
        new("dunning_tasks.step_key", "copied from a policy step's validated key, as wide"),
        new("insights_movements.reason", "a movement code (payment, credit_note, write_off ...)"),
        new("dunning_invoice_flags.reason", "a reason code and the id it is about"),
        new("insights_alerts.cause_key", "an alert type and the ids it is about"),
        new("insights_alerts.acknowledged_by", "the caller's validated name, as wide"),
        new("portal_sessions.display_name", "a contact's or debtor's validated name, as wide"),
        new("portal_revocations.revoked_by", "the caller's validated name, as wide"),
        new("portal_link_revocations.revoked_by", "the caller's validated name, as wide"),
        new("portal_sessions.minted_by", "the link's maker: a staff caller's validated name, as wide"),
        new("webhooks_endpoints.events", "the subscribed event types, each one of the published types, without repeats"),
        new("webhooks_endpoints.secret", "a generated signing secret, whsec_ and 32 random bytes in base64"),
        new("webhooks_endpoints.previous_secret", "a generated signing secret, whsec_ and 32 random bytes in base64"),
        new("webhooks_deliveries.claimed_by", "the dispatching instance's id"),
        new("webhooks_deliveries.last_error", "a fixed sentence per kind of failure"),
        new("platform_job_leases.job_name", "a job's fixed name"),
        new("platform_job_leases.holder", "the instance's id"),
        new("platform_data_protection_keys.friendly_name", "ASP.NET Core's key name, key-{guid}"),
    ];

    /// <summary>Whole families the code writes itself, by column name.</summary>
    private static readonly (Regex Columns, string Why)[] Families =
    [
        (new(@"\.(id|\w+_id|redelivery_of)$"), "an id the code generates (a ULID), copies from a row that exists, or Stripe gives (under 70 characters)"),
        (new(@"\w+_hash$"), "a SHA-256 digest in hex: 64 characters"),
        (new(@"\.currency$"), "an ISO 4217 code, validated where it enters and copied from there"),
        (new(@"\.(status|from_status|to_status|kind|outcome|channel|tone|purpose|method|source|source_type|entry_type|activity_type|"
            + @"action|frequency|band|alert_type|author_role|escalation_type|type)$"), "a code from the module's own vocabulary"),
    ];

    public static IEnumerable<string> Declared =>
        Inputs.Select(i => i.Column).Concat(Clips.Select(c => c.Column)).Concat(Writes.Select(w => w.Column)).Distinct();

    public static Source? Of(string column) =>
        (Source?)Inputs.FirstOrDefault(i => i.Column == column)
        ?? (Source?)Clips.FirstOrDefault(c => c.Column == column)
        ?? (Source?)Writes.FirstOrDefault(w => w.Column == column)
        ?? Families.Where(f => f.Columns.IsMatch(column)).Select(f => new Written(column, f.Why)).FirstOrDefault();

    private static int Const(string type, string name) =>
        (int)HostAssemblies.All.SelectMany(a => a.GetTypes()).Single(t => t.Name == type)
            .GetField(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!.GetRawConstantValue()!;
}
