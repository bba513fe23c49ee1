using Collections.Invoicing.Contracts;
using Collections.SharedKernel;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Access.Features.Portal;

public sealed record CreatePortalLinkRequest(string? ContactId, int? ExpiresInDays);

/// <summary>Id: revokes this link alone (`POST /debtors/{id}/portal-links/{linkId}/revoke`).</summary>
public sealed record PortalLinkResponse(string Id, string Url, DateTimeOffset ExpiresAt);

internal sealed record CreatePortalLinkCommand(string DebtorId, string? ContactId, int? ExpiresInDays) : ICommand<PortalLinkResponse>;

internal sealed class CreatePortalLinkValidator : AbstractValidator<CreatePortalLinkCommand>
{
    public const int MaxDays = 90;

    public CreatePortalLinkValidator()
    {
        RuleFor(c => c.ExpiresInDays).InclusiveBetween(1, MaxDays);
        RuleFor(c => c.ContactId).MaximumLength(40);
    }
}

internal sealed class CreatePortalLinkHandler(PortalLinks links, IMediator mediator, CallerContext caller, TimeProvider time) : IRequestHandler<CreatePortalLinkCommand, PortalLinkResponse>
{
    public async Task<PortalLinkResponse> Handle(CreatePortalLinkCommand command, CancellationToken cancellationToken)
    {
        var debtor = await mediator.Send(new GetDebtorQuery(command.DebtorId), cancellationToken)
            ?? throw new NotFoundException("Debtor", command.DebtorId);
        var contact = command.ContactId is null ? null : debtor.Contacts.FirstOrDefault(c => c.Id == command.ContactId)
            ?? throw new BusinessRuleException($"Contact '{command.ContactId}' is not a contact of debtor '{debtor.Id}'.");

        var id = Ids.New("lnk", time);
        var (url, expiresAt) = links.Mint(debtor.Id, contact?.Id, id, caller.Current.Name, TimeSpan.FromDays(command.ExpiresInDays ?? 14));
        await mediator.Send(new RecordActivityCommand(debtor.Id, "internal.portal.link_created",
            $"Portal link {id} created by {caller.Current.Name}{(contact is null ? "" : $" for {contact.Name}")}, valid until {expiresAt:yyyy-MM-dd HH:mm} UTC."), cancellationToken);
        return new PortalLinkResponse(id, url.ToString(), expiresAt);
    }
}

internal sealed class CreatePortalLinkEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/debtors/{id}/portal-links", async (string id, CreatePortalLinkRequest? request, IMediator mediator, CancellationToken ct) =>
            {
                var link = await mediator.Send(new CreatePortalLinkCommand(id, request?.ContactId, request?.ExpiresInDays), ct);
                return Results.Created((string?)null, link);
            })
            .RequireAuthorization(Policies.Staff)
            .WithoutIdempotencyKey("The answer is a link that acts as the debtor; it is shown once and never stored.")
            .WithName("CreatePortalLink")
            .WithSummary("Create a portal link")
            .WithDescription("Create a signed magic link into the debtor portal (default 14 days), optionally for one contact. Sessions it opens are recorded as this staff member acting on behalf of the debtor.")
            .Produces<PortalLinkResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
