using System.Text.Json;
using System.Text.Json.Serialization;
using Collections.SharedKernel;
using FluentValidation;

namespace Collections.Invoicing.Domain.LateFees;

public enum LateFeeKind
{
    None,
    Flat,
    Percent,
    AnnualInterest,
    Statutory,
}

/// <summary>
/// How an overdue invoice is charged. Amounts (flat amount, compensation, cap) are major units of the invoice's
/// currency; rates are percent. Flat and percent charge once per period from the end of the grace period;
/// interest and statutory interest accrue by the day from the due date once the grace period has passed,
/// charged once per completed period. Statutory adds a fixed compensation once per invoice.
/// </summary>
public sealed record LateFeePolicyRequest(
    LateFeeKind Kind = LateFeeKind.None,
    decimal? Amount = null,
    decimal? Percent = null,
    decimal? ReferenceRatePercent = null,
    decimal? MarginPercent = null,
    decimal? Compensation = null,
    int GraceDays = 0,
    decimal? Cap = null,
    int PeriodDays = 30)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    internal string ToJson() => JsonSerializer.Serialize(this, Json);

    internal static LateFeePolicyRequest? FromJson(string? json) =>
        string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<LateFeePolicyRequest>(json, Json);

    /// <summary>The yearly rate that accrues by the day (interest and statutory kinds).</summary>
    internal decimal AnnualRatePercent => Kind == LateFeeKind.Statutory ? (ReferenceRatePercent ?? 0) + (MarginPercent ?? 0) : Percent ?? 0;

    internal static long ToMinor(decimal? major, Currency currency)
    {
        var scaled = (major ?? 0) * Pow10(currency.Decimals);
        return decimal.ToInt64(decimal.Round(scaled, 0, MidpointRounding.AwayFromZero));
    }

    private static decimal Pow10(int decimals) => decimals switch { 0 => 1m, 1 => 10m, 2 => 100m, 3 => 1000m, _ => 10000m };
}

internal sealed class LateFeePolicyValidator : AbstractValidator<LateFeePolicyRequest>
{
    private const decimal MaxAmount = 1_000_000_000m;

    public LateFeePolicyValidator()
    {
        RuleFor(p => p.Kind).IsInEnum();
        RuleFor(p => p.GraceDays).InclusiveBetween(0, 365);
        RuleFor(p => p.PeriodDays).InclusiveBetween(1, 366);
        RuleFor(p => p.Amount).NotNull().GreaterThan(0).LessThanOrEqualTo(MaxAmount).PrecisionScale(18, 3, true).When(p => p.Kind == LateFeeKind.Flat)
            .WithMessage("A flat policy needs a positive amount with at most 3 decimals.");
        RuleFor(p => p.Percent).NotNull().GreaterThan(0).LessThanOrEqualTo(100).PrecisionScale(9, 4, true)
            .When(p => p.Kind is LateFeeKind.Percent or LateFeeKind.AnnualInterest)
            .WithMessage("This policy needs a percent above 0 and at most 100, with at most 4 decimals.");
        RuleFor(p => p.ReferenceRatePercent).NotNull().InclusiveBetween(-10, 100).PrecisionScale(9, 4, true).When(p => p.Kind == LateFeeKind.Statutory);
        RuleFor(p => p.MarginPercent).NotNull().InclusiveBetween(0, 100).PrecisionScale(9, 4, true).When(p => p.Kind == LateFeeKind.Statutory);
        RuleFor(p => p).Must(p => p.AnnualRatePercent > 0).When(p => p.Kind == LateFeeKind.Statutory)
            .WithMessage("The reference rate plus the margin must be above zero.").OverridePropertyName("marginPercent");
        RuleFor(p => p.Compensation).GreaterThanOrEqualTo(0).LessThanOrEqualTo(MaxAmount).PrecisionScale(18, 3, true).When(p => p.Compensation is not null);
        RuleFor(p => p.Cap).GreaterThanOrEqualTo(0).LessThanOrEqualTo(MaxAmount).PrecisionScale(18, 3, true).When(p => p.Cap is not null);
    }
}
