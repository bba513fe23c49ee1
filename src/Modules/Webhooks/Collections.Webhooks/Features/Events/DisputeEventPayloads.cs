using Collections.Disputes.Contracts;
using Collections.SharedKernel;
using Collections.Webhooks.Domain;

namespace Collections.Webhooks.Features.Events;

internal sealed record DisputeOpenedPayload(
    string DisputeId, string DebtorId, string? DebtorExternalId, string InvoiceId, string? InvoiceExternalId, string? InvoiceNumber, MoneyDto Disputed,
    string Category, DateTimeOffset OpenedAt);

/// <summary>Outcome: upheld, partially_upheld or rejected; credited is what was credited to the invoice.</summary>
internal sealed record DisputeResolvedPayload(
    string DisputeId, string DebtorId, string? DebtorExternalId, string InvoiceId, string? InvoiceExternalId, string? InvoiceNumber, string Outcome,
    MoneyDto Credited, DateTimeOffset ResolvedAt);

internal sealed record DisputeWithdrawnPayload(
    string DisputeId, string DebtorId, string? DebtorExternalId, string InvoiceId, string? InvoiceExternalId, DateTimeOffset WithdrawnAt);

/// <summary>The ERP contract for Disputes' events: every payload is built here, from the notification and the ERP's ids.</summary>
internal static class DisputeEventPayloads
{
    public static DisputeOpenedPayload DisputeOpened(DisputeOpened notification, DebtorRef debtor, InvoiceRef invoice) =>
        new(notification.DisputeId, debtor.DebtorId, debtor.DebtorExternalId, invoice.InvoiceId, invoice.ExternalId, invoice.Number,
            MoneyDto.Of(notification.DisputedMinor, notification.Currency), notification.Category, notification.At);

    public static DisputeResolvedPayload DisputeResolved(DisputeResolved notification, DebtorRef debtor, InvoiceRef invoice) =>
        new(notification.DisputeId, debtor.DebtorId, debtor.DebtorExternalId, invoice.InvoiceId, invoice.ExternalId, invoice.Number,
            notification.Outcome, MoneyDto.Of(notification.CreditedMinor, notification.Currency), notification.At);

    public static DisputeWithdrawnPayload DisputeWithdrawn(DisputeWithdrawn notification, DebtorRef debtor, InvoiceRef invoice) =>
        new(notification.DisputeId, debtor.DebtorId, debtor.DebtorExternalId, invoice.InvoiceId, invoice.ExternalId, notification.At);
}
