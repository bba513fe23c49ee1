using MediatR;

namespace Collections.Access.Contracts;

/// <summary>
/// A debtor asked for a fresh portal link (its old one expired): send one to this contact's address on file, now, not at
/// the next contact-hours opening — the debtor is waiting for it.
/// </summary>
public sealed record PortalLinkRequested(string DebtorId, string ContactId, DateTimeOffset At) : INotification;
