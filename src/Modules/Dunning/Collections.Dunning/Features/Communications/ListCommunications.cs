using Collections.Dunning.Domain;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Portal;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Dunning.Features.Communications;

internal sealed record ListCommunicationsQuery(string DebtorId) : IRequest<IReadOnlyList<CommunicationResponse>>;

internal sealed class ListCommunicationsHandler(DbSession db, CallerContext caller, IPortalLinks links) : IRequestHandler<ListCommunicationsQuery, IReadOnlyList<CommunicationResponse>>
{
    private const string ListSql = "SELECT " + MessageRow.Columns + " FROM dunning_messages WHERE debtor_id = @DebtorId ORDER BY id";

    public async Task<IReadOnlyList<CommunicationResponse>> Handle(ListCommunicationsQuery request, CancellationToken cancellationToken)
    {
        if (!caller.Current.CanSee(request.DebtorId))
        {
            throw new NotFoundException("Debtor", request.DebtorId);
        }

        var messages = (await db.QueryAsync<MessageRow>(ListSql, new { request.DebtorId }, cancellationToken)).Select(m => CommunicationResponse.From(m, links.Page("")));
        return caller.Current switch
        {
            { IsDebtor: true } => messages.Select(m => m.ForDebtor()).ToList(),
            { IsStaff: true } => messages.ToList(),
            _ => messages.Select(m => m.WithoutPortalTokens()).ToList(),
        };
    }
}

internal sealed class ListCommunicationsEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/debtors/{id}/communications", (string id, IMediator mediator, CancellationToken ct) => mediator.Send(new ListCommunicationsQuery(id), ct))
            .RequireAuthorization(Policies.Portal)
            .WithName("ListCommunications")
            .WithSummary("List communications")
            .WithDescription("Every reminder e-mail and letter written to a debtor, oldest first, with its content and delivery status (a debtor session gets no attempts, lastError or notBefore).")
            .Produces<IReadOnlyList<CommunicationResponse>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
