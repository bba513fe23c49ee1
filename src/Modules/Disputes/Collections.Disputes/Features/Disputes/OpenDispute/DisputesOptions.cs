namespace Collections.Disputes.Features.Disputes;

internal sealed class DisputesOptions
{
    /// <summary>Business days staff have to answer a new dispute (Disputes:ResponseBusinessDays).</summary>
    public int ResponseBusinessDays { get; set; } = 10;
}
