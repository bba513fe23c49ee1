using Collections.Invoicing.Contracts;
using Collections.Invoicing.Domain;
using MediatR;

namespace Collections.Invoicing.Features.Ledger;

internal sealed class RecordActivitiesHandler(ActivityLog activity) : IRequestHandler<RecordActivitiesCommand, IReadOnlyList<string>>
{
    public Task<IReadOnlyList<string>> Handle(RecordActivitiesCommand request, CancellationToken cancellationToken) =>
        activity.AppendManyAsync(request.Entries, cancellationToken);
}
