using Collections.Access.Contracts;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Access.Features.Portal;

/// <summary>Token: the link that no longer opens the portal. Email: optional; when given, it must be a contact's address on file.</summary>
public sealed record RequestPortalLinkRequest(string? Token, string? Email);

public sealed record PortalLinkRequestResponse(string Message);

internal sealed record RequestPortalLinkCommand(string Token, string? Email) : ICommand<PortalLinkRequestResponse>;

internal sealed class RequestPortalLinkValidator : AbstractValidator<RequestPortalLinkCommand>
{
    public RequestPortalLinkValidator()
    {
        RuleFor(c => c.Token).NotEmpty().MaximumLength(4000);
        RuleFor(c => c.Email).MaximumLength(254).EmailAddress().When(c => c.Email is not null);
    }
}

/// <summary>
/// The expired-link recovery: a link whose signature holds (however old) names its debtor and contact, so a fresh link
/// can go to that contact's address on file, or to the address the debtor typed if it is one on file. The answer is the
/// same whatever happened, so it tells nobody whether a link, a debtor or an address exists; a forged, withdrawn or
/// unknown link sends nothing.
/// </summary>
internal sealed class RequestPortalLinkHandler(PortalLinks links, PortalRevocations revocations, IMediator mediator, CallerContext caller, TimeProvider time)
    : IRequestHandler<RequestPortalLinkCommand, PortalLinkRequestResponse>
{
    public const string Answer = "If this link was ours, a new one is on its way to the e-mail address we have on file. It can take a few minutes to arrive.";

    public async Task<PortalLinkRequestResponse> Handle(RequestPortalLinkCommand command, CancellationToken cancellationToken)
    {
        if (links.Read(command.Token, out var claims) == PortalLinkState.Invalid
            || PortalRevocations.Kills(await revocations.LatestAsync(claims!.DebtorId, cancellationToken), claims.IssuedAt)
            || await revocations.IsRevokedAsync(claims.LinkId, cancellationToken)
            || await mediator.Send(new GetDebtorQuery(claims.DebtorId), cancellationToken) is not { } debtor)
        {
            return new PortalLinkRequestResponse(Answer);
        }

        caller.Current = Caller.System; // the link's signature held: what follows (the queued e-mail, its activity) is the system's doing
        var withAddress = debtor.Contacts.Where(c => !string.IsNullOrWhiteSpace(c.Email)).ToList();
        var contact = command.Email is { } typed
            ? withAddress.FirstOrDefault(c => string.Equals(c.Email!.Trim(), typed.Trim(), StringComparison.OrdinalIgnoreCase))
            : withAddress.FirstOrDefault(c => c.Id == claims.ContactId) ?? withAddress.FirstOrDefault(c => c.IsPrimary) ?? withAddress.FirstOrDefault();
        if (contact is not null)
        {
            await mediator.Publish(new PortalLinkRequested(debtor.Id, contact.Id, time.GetUtcNow()), cancellationToken);
        }

        return new PortalLinkRequestResponse(Answer);
    }
}

internal sealed class RequestPortalLinkEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/portal/link-requests", async (RequestPortalLinkRequest request, IMediator mediator, CancellationToken ct) =>
                Results.Accepted(value: await mediator.Send(new RequestPortalLinkCommand(request.Token ?? string.Empty, request.Email), ct)))
            .AllowAnonymous()
            .RequireRateLimiting(StartPortalSessionEndpoint.RateLimitPolicy)
            .WithoutIdempotencyKey("At most one new link per contact and hour is sent, however often it is asked for.")
            .WithName("RequestPortalLink")
            .WithSummary("Ask for a new portal link")
            .WithDescription("With a link that has expired, ask for a fresh one: it is sent to the contact's e-mail address on file (or to the address given, if it is one on file). The answer is the same whether or not anything was sent.")
            .Produces<PortalLinkRequestResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
