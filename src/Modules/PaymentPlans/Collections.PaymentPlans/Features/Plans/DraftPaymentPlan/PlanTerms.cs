using Collections.SharedKernel;
using Collections.SharedKernel.Web;
using FluentValidation;

namespace Collections.PaymentPlans.Features.Plans;

/// <summary>The terms a debtor (or staff for a debtor) asks for. InstallmentCount includes the down payment, if any.</summary>
public sealed record PaymentPlanTermsRequest(IReadOnlyList<string>? InvoiceIds, int InstallmentCount, string? Frequency, DateOnly? FirstPaymentDate, MoneyDto? DownPayment);

internal interface IPlanTermsCommand
{
    IReadOnlyList<string>? InvoiceIds { get; }

    int InstallmentCount { get; }

    string? Frequency { get; }

    DateOnly? FirstPaymentDate { get; }

    MoneyDto? DownPayment { get; }
}

/// <summary>The terms as the drafter takes them, checked by <see cref="PlanTermsValidator{T}"/> first.</summary>
internal sealed record PlanTerms(IReadOnlyList<string> InvoiceIds, int InstallmentCount, string Frequency, DateOnly FirstPaymentDate, MoneyDto? DownPayment);

internal static class PlanTermsCommand
{
    public static PlanTerms ToTerms(this IPlanTermsCommand c) => new(c.InvoiceIds!, c.InstallmentCount, c.Frequency!, c.FirstPaymentDate!.Value, c.DownPayment);
}

internal abstract class PlanTermsValidator<T> : AbstractValidator<T>
    where T : IPlanTermsCommand
{
    protected PlanTermsValidator()
    {
        RuleFor(r => r.InvoiceIds).NotEmpty().Must(ids => ids is null || ids.Count <= 50).WithMessage("At most 50 invoices per plan.");
        RuleForEach(r => r.InvoiceIds).NotEmpty().MaximumLength(40);
        RuleFor(r => r.InstallmentCount).InclusiveBetween(1, 120);
        RuleFor(r => r.Frequency).NotEmpty().Must(f => f is null || Frequencies.All.Contains(f))
            .WithMessage($"The frequency must be one of: {string.Join(", ", Frequencies.All)}.");
        RuleFor(r => r.FirstPaymentDate).NotNull();
        RuleFor(r => r.DownPayment).ValidMoney().Must(m => m!.Amount >= 0).WithMessage("The down payment cannot be negative.").When(r => r.DownPayment is not null);
    }
}
