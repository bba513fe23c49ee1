using Collections.Dunning.Domain;
using Collections.Invoicing.Contracts;
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

namespace Collections.Dunning.Features.Tasks;

/// <summary>Outcome: reached, voicemail, no_answer, wrong_contact, promise, dispute (and accepted/declined for proposals).</summary>
public sealed record CompleteTaskRequest(string? Outcome, string? Note);

internal sealed record CompleteTaskCommand(string TaskId, CompleteTaskRequest Body) : ICommand<TaskResponse>;

/// <summary>What a collector may record as a task's outcome.</summary>
internal static class TaskOutcomes
{
    public static readonly string[] All = ["reached", "voicemail", "no_answer", "wrong_contact", "promise", "dispute", "accepted", "declined"];
}

internal sealed class CompleteTaskValidator : AbstractValidator<CompleteTaskCommand>
{
    public CompleteTaskValidator()
    {
        RuleFor(c => c.Body.Outcome).NotEmpty().Must(o => TaskOutcomes.All.Contains(o)).WithMessage($"Use one of: {string.Join(", ", TaskOutcomes.All)}.").OverridePropertyName("outcome");
        RuleFor(c => c.Body.Note).MaximumLength(2000).OverridePropertyName("note");
    }
}

internal sealed class CompleteTaskHandler(DbSession db, IMediator mediator, CallerContext caller, TimeProvider time) : IRequestHandler<CompleteTaskCommand, TaskResponse>
{
    private const string FindSql = "SELECT " + TaskRow.Columns + " FROM dunning_tasks WHERE id = @Id";
    private const string CompleteSql = """
        UPDATE dunning_tasks SET status = 'completed', outcome = @Outcome, note = @Note, completed_at = @Now, completed_by = @By
        WHERE id = @Id AND status = 'open'
        """;

    public async Task<TaskResponse> Handle(CompleteTaskCommand command, CancellationToken cancellationToken)
    {
        var task = await db.QuerySingleOrDefaultAsync<TaskRow>(FindSql, new { Id = command.TaskId }, cancellationToken) ?? throw new NotFoundException("Task", command.TaskId);
        var by = caller.Current.Actor;
        if (await db.ExecuteAsync(CompleteSql, new { task.Id, command.Body.Outcome, Note = command.Body.Note?.Trim(), Now = time.GetUtcNow(), By = by }, cancellationToken) == 0)
        {
            throw new ConflictException($"Task {task.Id} is already {task.Status} ({task.Outcome}).");
        }

        await mediator.Send(new RecordActivityCommand(task.DebtorId, "dunning.task_completed",
            $"{(task.Kind == TaskKinds.Proposal ? "Proposal" : "Call")} {task.Action}: outcome {command.Body.Outcome}.",
            DetailsJson: System.Text.Json.JsonSerializer.Serialize(new { taskId = task.Id, outcome = command.Body.Outcome, note = command.Body.Note })), cancellationToken);
        return TaskResponse.From((await db.QuerySingleOrDefaultAsync<TaskRow>(FindSql, new { task.Id }, cancellationToken))!);
    }
}

internal sealed class CompleteTaskEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/tasks/{id}/complete", (string id, CompleteTaskRequest request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new CompleteTaskCommand(id, request), ct))
            .RequireAuthorization(Policies.Staff)
            .AcceptsIdempotencyKey()
            .WithName("CompleteTask")
            .WithSummary("Complete a task")
            .WithDescription("Record the outcome of a call task or proposal.")
            .Produces<TaskResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
