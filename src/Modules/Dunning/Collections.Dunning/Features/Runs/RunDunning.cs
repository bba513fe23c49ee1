using System.Diagnostics;
using Collections.Dunning.Domain;
using Collections.SharedKernel;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Operations;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Collections.Dunning.Features.Runs;

/// <summary>AsOf: the date to evaluate as (default: each debtor's own local today). DryRun: report without sending or recording.</summary>
public sealed record RunDunningRequest(DateOnly? AsOf, bool DryRun = false);

internal sealed record RunDunningCommand(DateOnly? AsOf, bool DryRun) : ICommand<RunDunningResponse>;

public sealed record RunMessageResponse(string Id, string DebtorId, string Channel, string Tone, string Step, IReadOnlyList<string> InvoiceIds, string Subject, string Status, DateTimeOffset NotBefore, DateOnly NextStepOn);

public sealed record RunTaskResponse(string Id, string DebtorId, string Kind, string Action, IReadOnlyList<string> InvoiceIds);

public sealed record RunStepResponse(string InvoiceId, string DebtorId, string Step, string Channel, IReadOnlyList<string> Skipped);

public sealed record RunPauseResponse(string InvoiceId, string DebtorId, string Reason);

public sealed record RunDunningResponse(
    string? RunId,
    DateOnly? AsOf,
    bool DryRun,
    int Evaluated,
    IReadOnlyList<RunStepResponse> Steps,
    IReadOnlyList<RunMessageResponse> Messages,
    IReadOnlyList<RunTaskResponse> Tasks,
    IReadOnlyList<RunPauseResponse> Paused);

internal sealed class RunDunningValidator : AbstractValidator<RunDunningCommand>
{
    /// <summary>A run for a later day than <see cref="AsOfLimit"/> allows would take every step due until then; a dry run writes nothing.</summary>
    public RunDunningValidator(AsOfLimit limit, TimeProvider time)
    {
        RuleFor(c => c.AsOf).Must(d => d is null || (d.Value.Year >= 2000 && d.Value.Year <= 2100)).WithMessage("asOf must be a date between 2000 and 2100.").OverridePropertyName("asOf");
        RuleFor(c => c.AsOf).Must(d => limit.Allows(d, time)).When(c => !c.DryRun)
            .WithMessage(c => $"asOf may be at most {limit.Latest(time):yyyy-MM-dd}: a run for a later day would take every step due until then at once. Use dryRun to look further ahead.")
            .OverridePropertyName("asOf");
    }
}

internal sealed class RunDunningHandler(RunSnapshotLoader loader, RunPlanner planner, RunWriter writer, DueSoonNotices dueSoon, CallerContext caller, TimeProvider time, ILogger<RunDunningHandler> logger)
    : IRequestHandler<RunDunningCommand, RunDunningResponse>
{
    public async Task<RunDunningResponse> Handle(RunDunningCommand command, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var snapshot = await loader.LoadAsync(cancellationToken);
        var loaded = Stopwatch.GetElapsedTime(started);
        var plan = planner.Plan(snapshot, command.AsOf);
        var planned = Stopwatch.GetElapsedTime(started);
        string? runId = null;
        if (!command.DryRun)
        {
            runId = Ids.New("run", time);
            await writer.WriteAsync(runId, plan, caller.Current.Actor, cancellationToken);
            await dueSoon.QueueAsync(snapshot, plan, cancellationToken);
        }

        var written = Stopwatch.GetElapsedTime(started);
        logger.LogInformation("Dunning run {RunId} over {Evaluated} invoices: load {LoadMs:F0} ms, plan {PlanMs:F0} ms, write {WriteMs:F0} ms ({Messages} messages, {Tasks} tasks)",
            runId ?? "dry", plan.Evaluated, loaded.TotalMilliseconds, (planned - loaded).TotalMilliseconds, (written - planned).TotalMilliseconds, plan.Messages.Count, plan.Tasks.Count);

        return new RunDunningResponse(
            runId,
            command.AsOf,
            command.DryRun,
            plan.Evaluated,
            plan.Takes.Select(t => new RunStepResponse(t.Item.Id, t.Item.DebtorId, t.StepKey, t.Step.Channel, t.Skipped)).ToList(),
            plan.Messages.Select(m => new RunMessageResponse(command.DryRun ? "" : m.Id, m.Debtor.Id, m.Channel, m.Step.Tone, m.Step.Key,
                m.Lines.Select(l => l.Item.Id).ToList(), m.Content.Subject, m.Status, m.NotBefore, m.NextStepOn)).ToList(),
            plan.Tasks.Select(t => new RunTaskResponse(command.DryRun ? "" : t.Id, t.DebtorId, t.Kind, t.Action, t.InvoiceIds)).ToList(),
            plan.Pauses.Select(p => new RunPauseResponse(p.InvoiceId, p.DebtorId, p.Reason)).ToList());
    }
}

internal sealed class RunDunningEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/dunning/runs", (RunDunningRequest request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new RunDunningCommand(request.AsOf, request.DryRun), ct))
            .RequireAuthorization(Policies.Staff)
            .WithoutIdempotencyKey("A step is taken once per invoice, ever: a repeated run takes nothing twice.")
            .WithName("RunDunning")
            .WithSummary("Run dunning")
            .WithDescription("Evaluate every open invoice and take (or, with dryRun, report) the due dunning steps. Idempotent: a step is taken once per invoice, ever.")
            .Produces<RunDunningResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
}
