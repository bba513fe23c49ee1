using FluentValidation;

namespace Collections.SharedKernel.Web;

public static class MoneyRules
{
    public static IRuleBuilderOptions<T, string?> KnownCurrency<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().Must(code => Currency.TryFind(code, out _))
            .WithMessage("'{PropertyValue}' is not a supported ISO 4217 currency code.");

    /// <summary>A positive amount with no more decimals than the currency allows.</summary>
    public static IRuleBuilderOptions<T, decimal> PositiveAmountIn<T>(this IRuleBuilder<T, decimal> rule, Func<T, string?> currencyOf) =>
        rule.GreaterThan(0).WithMessage("The amount must be greater than zero.")
            .Must((request, amount) => !Currency.TryFind(currencyOf(request), out var currency) || Money.HasValidScale(amount, currency))
            .WithMessage((request, amount) => $"{amount} has more decimals than {currencyOf(request)} allows, or is too large.");

    public static IRuleBuilderOptions<T, MoneyDto?> ValidMoney<T>(this IRuleBuilder<T, MoneyDto?> rule) =>
        rule.NotNull().Must(money => money is null || (Currency.TryFind(money.Currency, out var currency) && Money.HasValidScale(money.Amount, currency)))
            .WithMessage(money => "The amount must use a supported currency and no more decimals than it allows.");
}
