using Collections.Dunning.Domain;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Portal;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Dunning.Features.Letters;

internal sealed record GetLetterQuery(string MessageId) : IRequest<string>;

internal sealed class GetLetterHandler(DbSession db, IPortalLinks links, IMediator mediator, DunningOptions options) : IRequestHandler<GetLetterQuery, string>
{
    private const string FindSql = "SELECT " + MessageRow.Columns + " FROM dunning_messages WHERE id = @Id AND channel = @Letter";

    public async Task<string> Handle(GetLetterQuery request, CancellationToken cancellationToken)
    {
        var letter = await db.QuerySingleOrDefaultAsync<MessageRow>(FindSql, new { Id = request.MessageId, Letter = Channels.Letter }, cancellationToken)
            ?? throw new NotFoundException("Letter", request.MessageId);
        // Printed now, so the link is minted now, for this letter alone (revocable by its id).
        var link = links.CreateLink(letter.DebtorId, null, letter.Id);
        var recipient = await RecipientAsync(letter, cancellationToken);
        return LetterDocument.Render(
            letter with { BodyHtml = PortalLinkSlot.Fill(letter.BodyHtml, link, html: true), BodyText = PortalLinkSlot.Fill(letter.BodyText, link, html: false) },
            recipient?.Lines(options.HomeCountry));
    }

    /// <summary>
    /// The address as it is now (a debtor that moved since the run gets the letter at its new address): the contact the
    /// letter was written to, found by its name, else the one a letter would be written to today.
    /// </summary>
    private async Task<PostalRecipient?> RecipientAsync(MessageRow letter, CancellationToken ct)
    {
        if (await mediator.Send(new GetDebtorQuery(letter.DebtorId), ct) is not { } debtor)
        {
            return null;
        }

        var contact = debtor.Contacts.FirstOrDefault(c => string.Equals(c.Name, letter.ToName, StringComparison.Ordinal)) ?? Addressee.Of(debtor);
        return Addressee.PostalOf(debtor, contact);
    }
}

internal sealed class GetLetterEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/dunning/letters/{id}", async (string id, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var html = await mediator.Send(new GetLetterQuery(id), ct);
                // The host's middleware leaves an /api response's CSP alone; this one allows no script and only the letter's own style.
                http.Response.Headers.ContentSecurityPolicy = LetterDocument.ContentSecurityPolicy;
                return Results.Content(html, "text/html; charset=utf-8");
            })
            .RequireAuthorization(Policies.Staff)
            .WithName("GetLetter")
            .WithSummary("Get a printable letter")
            .WithDescription("A letter as a printable HTML page (no script; a strict Content-Security-Policy of its own).")
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
