using System.Text.Json;
using Collections.Dunning.Domain;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Portal;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Dunning.Features.Letters;

internal sealed record MarkLetterPrintedCommand(string MessageId) : ICommand<CommunicationResponse>;

/// <summary>
/// A printed letter is sent: status <c>sent</c>, sent_at now, one entry in the debtor's activity log. Idempotent: the
/// conditional update succeeds once, and a repeat answers the letter as it is, changing nothing.
/// </summary>
internal sealed class MarkLetterPrintedHandler(DbSession db, IMediator mediator, CallerContext caller, IPortalLinks links, TimeProvider time)
    : IRequestHandler<MarkLetterPrintedCommand, CommunicationResponse>
{
    private const string FindSql = "SELECT " + MessageRow.Columns + " FROM dunning_messages WHERE id = @Id";
    private const string MarkSql = """
        UPDATE dunning_messages SET status = @Sent, sent_at = @Now
        WHERE id = @Id AND channel = @Letter AND status = @ToPrint
        """;

    public async Task<CommunicationResponse> Handle(MarkLetterPrintedCommand command, CancellationToken cancellationToken)
    {
        var message = await db.QuerySingleOrDefaultAsync<MessageRow>(FindSql, new { Id = command.MessageId }, cancellationToken)
            ?? throw new NotFoundException("Letter", command.MessageId);
        if (message.Channel != Channels.Letter)
        {
            throw new ConflictException($"Message {message.Id} is an {message.Channel}, not a letter; only letters are printed.");
        }

        var marked = await db.ExecuteAsync(MarkSql, new
        {
            message.Id,
            Sent = MessageStatuses.Sent,
            Now = time.GetUtcNow(),
            Letter = Channels.Letter,
            ToPrint = MessageStatuses.ToPrint,
        }, cancellationToken);
        var current = (await db.QuerySingleOrDefaultAsync<MessageRow>(FindSql, new { message.Id }, cancellationToken))!;
        if (marked == 0)
        {
            return current.Status == MessageStatuses.Sent
                ? CommunicationResponse.From(current, links.Page(""))
                : throw new ConflictException($"Letter {current.Id} is {current.Status}, not to_print.");
        }

        await mediator.Send(new RecordActivityCommand(current.DebtorId, "dunning.letter_sent",
            $"Letter '{current.Subject}' ({current.Tone}, step {current.StepKey}) printed and sent.",
            DetailsJson: JsonSerializer.Serialize(new { messageId = current.Id, invoiceIds = IdList.Split(current.InvoiceIds), printedBy = caller.Current.Actor })),
            cancellationToken);
        return CommunicationResponse.From(current, links.Page(""));
    }
}

internal sealed class MarkLetterPrintedEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/dunning/letters/{id}/printed", (string id, IMediator mediator, CancellationToken ct) => mediator.Send(new MarkLetterPrintedCommand(id), ct))
            .RequireAuthorization(Policies.Staff)
            .AcceptsIdempotencyKey()
            .WithName("MarkLetterPrinted")
            .WithSummary("Mark a letter printed")
            .WithDescription("Mark a to_print letter as printed and sent (idempotent: a repeat answers the same and changes nothing).")
            .Produces<CommunicationResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
