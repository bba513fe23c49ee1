using Collections.SharedKernel;
using FluentValidation;

namespace Collections.Invoicing.Features.Debtors;

/// <param name="Lines">One to three street lines (building, street and number, c/o or P.O. box), each at most 100 characters.</param>
/// <param name="PostalCode">Required in the countries with a postal-code rule (Ireland's Eircode is optional), in that country's shape.</param>
/// <param name="Region">A US state, Canadian province or Australian state as its code (NY, ON, NSW), a Japanese prefecture; optional elsewhere.</param>
/// <param name="Country">ISO 3166-1 alpha-2, such as 'DE'.</param>
public sealed record PostalAddressRequest(IReadOnlyList<string?>? Lines, string? PostalCode, string? City, string? Region, string? Country)
{
    /// <summary>The address normalised; only for a request <see cref="PostalAddressValidator"/> accepted.</summary>
    internal PostalAddress ToAddress() => PostalAddressRules.Normalise(Lines!, PostalCode, City!, Region, Country!);
}

/// <summary>Refuses each part <see cref="PostalAddressRules"/> refuses, named as JSON names it (<c>billingAddress.postalCode</c>).</summary>
internal sealed class PostalAddressValidator : AbstractValidator<PostalAddressRequest>
{
    public PostalAddressValidator() =>
        RuleFor(address => address).Custom((address, context) =>
        {
            foreach (var problem in PostalAddressRules.Check(address.Lines, address.PostalCode, address.City, address.Region, address.Country))
            {
                context.AddFailure(problem.Part, problem.Message);
            }
        });
}
