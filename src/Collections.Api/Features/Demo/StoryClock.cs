namespace Collections.Api.Features.Demo;

/// <summary>The clock a demo story moves forward, so five weeks of a collector's work can be told in a few seconds.</summary>
public interface IStoryClock
{
    DateTimeOffset Now { get; }

    void AdvanceTo(DateTimeOffset instant);
}

/// <summary>
/// Development's clock: the system clock plus an offset. The demo book starts it weeks in the past, advances it through its
/// story and then returns it to the present; from then on it is the system clock.
/// </summary>
internal sealed class ShiftedClock : TimeProvider, IStoryClock
{
    private long offsetTicks;

    public DateTimeOffset Now => GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));

    public void StartAt(DateTimeOffset instant) => Interlocked.Exchange(ref offsetTicks, (instant - System.GetUtcNow()).Ticks);

    public void AdvanceTo(DateTimeOffset instant)
    {
        if (instant < Now)
        {
            throw new ArgumentOutOfRangeException(nameof(instant), "The story clock only moves forward.");
        }

        StartAt(instant);
    }

    /// <summary>Back to the system clock (a step forward of the seconds the story took).</summary>
    public void Resume() => Interlocked.Exchange(ref offsetTicks, 0);
}
