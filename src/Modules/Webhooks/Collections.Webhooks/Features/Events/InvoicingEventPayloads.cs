using Collections.Invoicing.Contracts;
using Collections.SharedKernel;
using Collections.Webhooks.Domain;

namespace Collections.Webhooks.Features.Events;

/// <summary>An invoice settled by payment or discount: its balance reached zero.</summary>
internal sealed record InvoicePaidPayload(
    string InvoiceId, string ExternalId, string? Number, string DebtorId, string? DebtorExternalId, string Currency, string? PaymentId, DateTimeOffset PaidAt);

internal sealed record InvoiceWrittenOffPayload(
    string InvoiceId, string ExternalId, string DebtorId, string? DebtorExternalId, MoneyDto Amount, string Reason, DateTimeOffset WrittenOffAt);

internal sealed record CreditNoteIssuedPayload(
    string CreditNoteId, string Number, string InvoiceId, string InvoiceExternalId, string DebtorId, string? DebtorExternalId, MoneyDto Amount,
    string Reason, DateTimeOffset IssuedAt);

/// <summary>The ERP contract for Invoicing's events: every payload is built here, from the notification and the ERP's ids.</summary>
internal static class InvoicingEventPayloads
{
    public static InvoicePaidPayload InvoicePaid(InvoiceBalanceChanged notification, DebtorRef debtor, InvoiceRef invoice) =>
        new(notification.ItemId, notification.ExternalId, invoice.Number, debtor.DebtorId, debtor.DebtorExternalId, notification.Currency,
            notification.SourceId, notification.At);

    public static InvoiceWrittenOffPayload InvoiceWrittenOff(InvoiceWrittenOff notification, DebtorRef debtor) =>
        new(notification.ItemId, notification.ExternalId, debtor.DebtorId, debtor.DebtorExternalId,
            MoneyDto.Of(notification.AmountMinor, notification.Currency), notification.Reason, notification.At);

    public static CreditNoteIssuedPayload CreditNoteIssued(CreditNoteIssued notification, DebtorRef debtor)
    {
        var note = notification.CreditNote;
        return new(note.Id, note.Number, note.InvoiceId, notification.InvoiceExternalId, debtor.DebtorId, debtor.DebtorExternalId,
            MoneyDto.Of(note.AmountMinor, note.Currency), note.Reason, note.IssuedAt);
    }
}
