namespace Collections.SharedKernel.Operations;

/// <summary>
/// How far ahead staff may run the time-driven jobs (dunning runs, late-fee assessment, plan evaluation) with an explicit
/// asOf: a later day would take, at once and for good, everything due until then. Default one day, i.e. tomorrow in UTC,
/// the latest day any debtor's time zone has reached (`Collections:MaxAsOfDaysAhead`).
/// </summary>
public sealed record AsOfLimit(int DaysAhead)
{
    public const string Setting = "Collections:MaxAsOfDaysAhead";

    public DateOnly Latest(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(DaysAhead);

    public bool Allows(DateOnly? asOf, TimeProvider time) => asOf is null || asOf <= Latest(time);
}
