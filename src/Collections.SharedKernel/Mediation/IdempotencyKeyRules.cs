using FluentValidation;

namespace Collections.SharedKernel.Mediation;

public static class IdempotencyKeyRules
{
    public static IRuleBuilderOptions<T, string> ValidIdempotencyKey<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("The Idempotency-Key header is required for this request.")
            .MaximumLength(Web.IdempotencyHeader.MaxLength).WithMessage($"The Idempotency-Key header must be at most {Web.IdempotencyHeader.MaxLength} characters.")
            .OverridePropertyName("Idempotency-Key");
}
