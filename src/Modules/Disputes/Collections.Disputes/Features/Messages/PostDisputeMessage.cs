using Collections.Disputes.Contracts;
using Collections.Disputes.Domain;
using Collections.Disputes.Features.Disputes;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Disputes.Features.Messages;

/// <summary>Internal: a staff-only note the debtor never sees.</summary>
public sealed record PostDisputeMessageRequest(string? Body, bool Internal = false);

internal sealed record PostDisputeMessageCommand(string DisputeId, string Body, bool Internal) : ICommand<DisputeMessageResponse>;

internal sealed class PostDisputeMessageValidator : AbstractValidator<PostDisputeMessageCommand>
{
    public PostDisputeMessageValidator() => RuleFor(c => c.Body).NotEmpty().MaximumLength(4000);
}

internal sealed class PostDisputeMessageHandler(DbSession db, DisputeStore store, IMediator mediator, TimeProvider time)
    : IRequestHandler<PostDisputeMessageCommand, DisputeMessageResponse>
{
    private const string InsertSql = """
        INSERT INTO disputes_messages (id, dispute_id, author, author_role, body, internal, created_at)
        VALUES (@Id, @DisputeId, @Author, @AuthorRole, @Body, @Internal, @Now)
        """;

    public async Task<DisputeMessageResponse> Handle(PostDisputeMessageCommand command, CancellationToken cancellationToken)
    {
        var dispute = await store.VisibleAsync(command.DisputeId, cancellationToken);
        var caller = store.Caller;
        if (command.Internal && caller.IsDebtor)
        {
            throw new ForbiddenException("Only staff may post internal notes.");
        }

        DisputeTransitions.EnsureActive(dispute, "take new messages");
        var message = new DisputeMessageResponse(Ids.New("dsm", time), caller.Name, caller.IsDebtor ? "debtor" : "staff", command.Body.Trim(), command.Internal, time.GetUtcNow());
        await db.ExecuteAsync(InsertSql, new { message.Id, DisputeId = dispute.Id, message.Author, message.AuthorRole, message.Body, message.Internal, Now = message.CreatedAt }, cancellationToken);

        // Internal notes go under the internal.* types, which the debtor's own view of its activity log leaves out.
        var type = command.Internal ? "internal.dispute.note" : "dispute.message";
        var summary = command.Internal
            ? $"Internal note on dispute {dispute.Number}."
            : $"Message on dispute {dispute.Number} from the {message.AuthorRole}.";
        await mediator.Send(new RecordActivityCommand(dispute.DebtorId, type, summary, dispute.InvoiceId), cancellationToken);
        if (!command.Internal && !caller.IsDebtor)
        {
            await mediator.Publish(new DisputeReplied(dispute.Id, message.Id, dispute.DebtorId, dispute.InvoiceId, message.Body, message.CreatedAt), cancellationToken);
        }

        return message;
    }
}

internal sealed class PostDisputeMessageEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/disputes/{id}/messages", async (string id, PostDisputeMessageRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var message = await mediator.Send(new PostDisputeMessageCommand(id, request.Body ?? string.Empty, request.Internal), ct);
                return Results.Created($"{EndpointModule.ApiPrefix}/disputes/{id}", message);
            })
            .RequireAuthorization(Policies.DebtorOrStaff)
            .AcceptsIdempotencyKey()
            .WithName("PostDisputeMessage")
            .WithSummary("Post a dispute message")
            .WithDescription("Add a message to a dispute's thread. Staff may mark it internal: the debtor never sees internal notes.")
            .Produces<DisputeMessageResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
