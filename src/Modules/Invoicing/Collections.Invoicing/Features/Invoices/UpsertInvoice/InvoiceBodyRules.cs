using Collections.Invoicing.Domain.LateFees;
using Collections.SharedKernel;
using Collections.SharedKernel.Web;
using FluentValidation;

namespace Collections.Invoicing.Features.Invoices;

/// <summary>What makes an invoice body acceptable, shared by the single upsert and the batch import.</summary>
internal sealed class UpsertInvoiceBodyValidator : AbstractValidator<UpsertInvoiceRequest>
{
    public UpsertInvoiceBodyValidator()
    {
        RuleFor(b => b.DebtorExternalId).NotEmpty().MaximumLength(100);
        RuleFor(b => b.Number).NotEmpty().MaximumLength(100);
        RuleFor(b => b.PoNumber).MaximumLength(100);
        RuleFor(b => b.Currency).KnownCurrency();
        RuleFor(b => b.IssueDate).NotNull();
        RuleFor(b => b.DueDate).GreaterThanOrEqualTo(b => b.IssueDate).When(b => b.DueDate is not null && b.IssueDate is not null)
            .WithMessage("The due date cannot be before the issue date.");
        RuleFor(b => b.Total).PositiveAmountIn(b => b.Currency);
        RuleFor(b => b.Lines).Must(lines => lines is null || lines.Count <= 500).WithMessage("At most 500 lines.");
        RuleForEach(b => b.Lines).NoEmptyItems();
        RuleForEach(b => b.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.Description).NotEmpty().MaximumLength(500);
            line.RuleFor(l => l.Quantity).GreaterThan(0).PrecisionScale(18, 4, ignoreTrailingZeros: true);
        });
        RuleForEach(b => b.Lines).Must((body, line) => line is null || LineMoneyIsExact(body.Currency, line))
            .WithMessage("Each line's unit price and amount must fit the currency's decimals, and amount must equal quantity × unit price.");
        RuleFor(b => b.Lines).Must((body, lines) => LinesSumToTotal(body, lines!)).When(b => b.Lines is { Count: > 0 } lines && lines.All(line => line is not null))
            .WithMessage("The lines must add up to the total.");
        When(b => b.LateFeePolicy is not null, () =>
        {
            RuleFor(b => b.LateFeePolicy!).SetValidator(new LateFeePolicyValidator()).OverridePropertyName("lateFeePolicy");
            RuleFor(b => b.LateFeePolicy!).Must((b, p) => FitsCurrency(b.Currency, p.Amount) && FitsCurrency(b.Currency, p.Compensation) && FitsCurrency(b.Currency, p.Cap))
                .WithMessage("The late-fee amounts must fit the invoice currency's decimals.").OverridePropertyName("lateFeePolicy");
        });
        When(b => b.Terms is not null, () =>
        {
            RuleFor(b => b.Terms!.NetDays).InclusiveBetween(0, 365).OverridePropertyName("terms.netDays");
            When(b => b.Terms!.EarlyPaymentDiscount is not null, () =>
            {
                RuleFor(b => b.Terms!.EarlyPaymentDiscount!.Percent).ExclusiveBetween(0m, 100m).PrecisionScale(5, 2, ignoreTrailingZeros: true)
                    .OverridePropertyName("terms.earlyPaymentDiscount.percent");
                RuleFor(b => b.Terms!.EarlyPaymentDiscount!.WithinDays).InclusiveBetween(0, 365)
                    .LessThanOrEqualTo(b => b.Terms!.NetDays ?? 365).WithMessage("The discount period cannot be longer than the payment term.")
                    .OverridePropertyName("terms.earlyPaymentDiscount.withinDays");
            });
        });
    }

    private static bool LineMoneyIsExact(string? currencyCode, UpsertInvoiceLine line)
    {
        if (!Currency.TryFind(currencyCode, out var currency) || Math.Abs(line.Quantity) >= 100_000_000_000_000m)
        {
            return true;
        }

        return Money.HasValidScale(line.UnitPrice, currency) && Money.HasValidScale(line.Amount, currency)
            && decimal.Round(line.Quantity * line.UnitPrice, currency.Decimals, MidpointRounding.AwayFromZero) == line.Amount;
    }

    private static bool FitsCurrency(string? currencyCode, decimal? amount) =>
        amount is null || !Currency.TryFind(currencyCode, out var currency) || Money.HasValidScale(amount.Value, currency);

    private static bool LinesSumToTotal(UpsertInvoiceRequest body, IReadOnlyList<UpsertInvoiceLine> lines) =>
        lines.Any(l => Math.Abs(l.Amount) > 10_000_000_000_000m) || lines.Sum(l => l.Amount) == body.Total;
}
