using Collections.Payments.Contracts;
using Collections.Payments.Domain;
using MediatR;

namespace Collections.Payments.Features.Checkout;

internal sealed class GetPaymentReferenceHandler(DebtorReferences references) : IRequestHandler<GetPaymentReferenceCommand, string>
{
    public Task<string> Handle(GetPaymentReferenceCommand command, CancellationToken cancellationToken) =>
        references.ForDebtorAsync(command.DebtorId, cancellationToken);
}
