using Collections.Dunning.Contracts;
using Collections.SharedKernel;
using Collections.Webhooks.Domain;

namespace Collections.Webhooks.Features.Events;

/// <summary>A promise to pay fell due short; shortfall is what was still missing.</summary>
internal sealed record PromiseBrokenPayload(string PromiseId, string DebtorId, string? DebtorExternalId, MoneyDto Shortfall, DateTimeOffset BrokenAt);

/// <summary>Action: senior_call, agency, legal or write_off; by is the staff member who escalated.</summary>
internal sealed record DebtorEscalatedPayload(
    string EscalationId, string DebtorId, string? DebtorExternalId, string Action, string Reason, string By, DateTimeOffset EscalatedAt);

/// <summary>The ERP contract for Dunning's events: every payload is built here, from the notification and the ERP's ids.</summary>
internal static class DunningEventPayloads
{
    public static PromiseBrokenPayload PromiseBroken(PromiseToPayBroken notification, DebtorRef debtor) =>
        new(notification.PromiseId, debtor.DebtorId, debtor.DebtorExternalId, MoneyDto.Of(notification.ShortMinor, notification.Currency), notification.At);

    public static DebtorEscalatedPayload DebtorEscalated(DebtorEscalated notification, DebtorRef debtor) =>
        new(notification.EscalationId, debtor.DebtorId, debtor.DebtorExternalId, notification.Action, notification.Reason, notification.By, notification.At);
}
