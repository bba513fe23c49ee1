using Collections.SharedKernel.Portal;

namespace Collections.Dunning.Domain;

internal sealed record MessageRow
{
    public const string Columns = """
        id AS Id, debtor_id AS DebtorId, run_id AS RunId, channel AS Channel, tone AS Tone, step_key AS StepKey, template_key AS TemplateKey,
        to_name AS ToName, to_address AS ToAddress, subject AS Subject, body_html AS BodyHtml, body_text AS BodyText, invoice_ids AS InvoiceIds,
        total_minor AS TotalMinor, currency AS Currency, next_step_on AS NextStepOn, status AS Status, attempts AS Attempts, not_before AS NotBefore,
        last_error AS LastError, withdrawn_reason AS WithdrawnReason, purpose AS Purpose, created_at AS CreatedAt, sent_at AS SentAt,
        delivery_status AS DeliveryStatus
        """;

    public string Id { get; init; } = "";
    public string DebtorId { get; init; } = "";
    public string RunId { get; init; } = "";
    public string Channel { get; init; } = "";
    public string Tone { get; init; } = "";
    public string StepKey { get; init; } = "";
    public string TemplateKey { get; init; } = "";
    public string? ToName { get; init; }
    public string? ToAddress { get; init; }
    public string Subject { get; init; } = "";
    public string BodyHtml { get; init; } = "";
    public string BodyText { get; init; } = "";
    public string InvoiceIds { get; init; } = "";
    public long TotalMinor { get; init; }
    public string Currency { get; init; } = "";
    public DateOnly? NextStepOn { get; init; }
    public string Status { get; init; } = "";
    public int Attempts { get; init; }
    public DateTimeOffset NotBefore { get; init; }
    public string? LastError { get; init; }
    public string? WithdrawnReason { get; init; }
    public string Purpose { get; init; } = MessagePurposes.Reminder;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>What the provider last reported of an SMS (queued, sent, delivered, undelivered, failed); null for other channels.</summary>
    public string? DeliveryStatus { get; init; }
}

/// <summary>
/// A message with its content and delivery status. Attempts, LastError and NotBefore are internal delivery details:
/// staff see them; a debtor's own session gets them as null (<see cref="ForDebtor"/>), the status itself stays true.
/// DeliveryStatus is Twilio's latest report of an SMS (queued, sent, delivered, undelivered, failed), null for e-mails and letters.
/// </summary>
public sealed record CommunicationResponse(
    string Id, string Channel, string Tone, string Step, string? ToName, string? ToAddress, string Subject, string BodyText, string BodyHtml,
    IReadOnlyList<string> InvoiceIds, string Currency, long TotalMinor, DateOnly? NextStepOn, string Status, int? Attempts, string? LastError,
    DateTimeOffset? NotBefore, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, string? WithdrawnReason, string Purpose, string? DeliveryStatus = null)
{
    /// <summary>A stored message as it reads: where its link goes, the portal's address without a token (<see cref="PortalLinkSlot"/>).</summary>
    internal static CommunicationResponse From(MessageRow m, Uri portal) => new(m.Id, m.Channel, m.Tone, m.StepKey, m.ToName, m.ToAddress, m.Subject,
        PortalLinkSlot.Fill(m.BodyText, portal, html: false), PortalLinkSlot.Fill(m.BodyHtml, portal, html: true),
        IdList.Split(m.InvoiceIds), m.Currency, m.TotalMinor, m.NextStepOn, m.Status, m.Attempts, m.LastError, m.NotBefore, m.CreatedAt, m.SentAt, m.WithdrawnReason, m.Purpose, m.DeliveryStatus);

    /// <summary>What a debtor may see of its own message: no error text, attempt count or scheduling of the delivery.</summary>
    internal CommunicationResponse ForDebtor() => this with { Attempts = null, LastError = null, NotBefore = null };

    /// <summary>What an ERP key may see: the message without the magic link's token (<see cref="PortalTokens"/>).</summary>
    internal CommunicationResponse WithoutPortalTokens() => this with { BodyText = PortalTokens.Withhold(BodyText)!, BodyHtml = PortalTokens.Withhold(BodyHtml)! };
}
