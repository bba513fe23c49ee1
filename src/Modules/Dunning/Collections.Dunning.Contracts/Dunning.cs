using MediatR;

namespace Collections.Dunning.Contracts;

/// <summary>A reminder to a debtor was queued for delivery (one per debtor per run, covering InvoiceIds).</summary>
public sealed record ReminderSent(string MessageId, string DebtorId, IReadOnlyList<string> InvoiceIds, string Step, string Tone, string Channel, DateTimeOffset At) : INotification;

public sealed record PromiseToPayMade(string PromiseId, string DebtorId, long AmountMinor, string Currency, DateOnly PromisedFor, DateTimeOffset At) : INotification;

public sealed record PromiseToPayKept(string PromiseId, string DebtorId, DateTimeOffset At) : INotification;

public sealed record PromiseToPayBroken(string PromiseId, string DebtorId, long ShortMinor, string Currency, DateTimeOffset At) : INotification;

/// <summary>Staff escalated a debtor (senior_call, agency, legal, write_off): a deliberate step, recorded with who and why.</summary>
public sealed record DebtorEscalated(string EscalationId, string DebtorId, string Action, string Reason, string By, DateTimeOffset At) : INotification;
