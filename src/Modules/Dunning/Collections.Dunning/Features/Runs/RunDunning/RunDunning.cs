using System.Diagnostics;
using Collections.Dunning.Domain;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
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

/// <summary>
/// Not a command itself: the run commits a batch of debtors at a time (<see cref="DunningOptions.RunBatchSize"/>), so
/// a long run never holds the database. A run that fails leaves its earlier batches committed; running again takes
/// only what is still due, since each step is taken once per invoice, ever.
/// </summary>
internal sealed record RunDunningCommand(DateOnly? AsOf, bool DryRun) : IRequest<RunDunningResponse>;

public sealed record RunMessageResponse(string Id, string DebtorId, string Channel, string Tone, string Step, IReadOnlyList<string> InvoiceIds, string Subject, string Status, DateTimeOffset NotBefore, DateOnly NextStepOn);

public sealed record RunTaskResponse(string Id, string DebtorId, string Kind, string Action, IReadOnlyList<string> InvoiceIds);

public sealed record RunStepResponse(string InvoiceId, string DebtorId, string Step, string Channel, IReadOnlyList<string> Skipped);

public sealed record RunPauseResponse(string InvoiceId, string DebtorId, string Reason);

/// <summary>
/// A step taken by another channel than its policy names: an SMS step goes by e-mail when SMS is not configured or nobody at the
/// debtor may be texted. Reason: sms_not_configured, no_sms_consent, sms_opted_out, no_mobile_number or no_sms_hours; Detail says it in words.
/// </summary>
public sealed record RunFallbackResponse(string InvoiceId, string DebtorId, string Step, string From, string To, string Reason, string Detail);

public sealed record RunDunningResponse(
    string? RunId,
    DateOnly? AsOf,
    bool DryRun,
    int Evaluated,
    IReadOnlyList<RunStepResponse> Steps,
    IReadOnlyList<RunMessageResponse> Messages,
    IReadOnlyList<RunTaskResponse> Tasks,
    IReadOnlyList<RunPauseResponse> Paused,
    IReadOnlyList<RunFallbackResponse> Fallbacks);

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

internal sealed class RunDunningHandler(
    DbSession db,
    IMediator mediator,
    ChaseSnapshotLoader loader,
    RunPlanner planner,
    RunWriter writer,
    DueSoonNotices dueSoon,
    DunningOptions options,
    CallerContext caller,
    TimeProvider time,
    ILogger<RunDunningHandler> logger)
    : IRequestHandler<RunDunningCommand, RunDunningResponse>
{
    public async Task<RunDunningResponse> Handle(RunDunningCommand command, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        string? runId = null;
        if (!command.DryRun)
        {
            runId = Ids.New("run", time);
            await db.InTransactionAsync(async () =>
            {
                await writer.StartAsync(runId, command.AsOf, caller.Current.Actor, cancellationToken);
                return runId;
            }, cancellationToken);
        }

        var batches = new List<RunPlan>();
        var after = "";
        while (true)
        {
            var debtorIds = await mediator.Send(new GetDebtorsWithOpenInvoicesQuery(after, options.RunBatchSize), cancellationToken);
            if (debtorIds.Count == 0)
            {
                break;
            }

            // A dry run only reads, so it needs no transaction; a real batch reads, plans and writes in one.
            batches.Add(runId is null
                ? await PlanAsync(debtorIds, command.AsOf, cancellationToken)
                : await db.InTransactionAsync(() => TakeAsync(runId, debtorIds, command.AsOf, cancellationToken), cancellationToken));
            after = debtorIds[^1];
            if (debtorIds.Count < options.RunBatchSize)
            {
                break;
            }
        }

        var evaluated = batches.Sum(b => b.Evaluated);
        logger.LogInformation("Dunning run {RunId} over {Evaluated} invoices in {Batches} batches of up to {BatchSize} debtors: {ElapsedMs:F0} ms ({Messages} messages, {Tasks} tasks)",
            runId ?? "dry", evaluated, batches.Count, options.RunBatchSize, Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            batches.Sum(b => b.Messages.Count), batches.Sum(b => b.Tasks.Count));

        return new RunDunningResponse(
            runId,
            command.AsOf,
            command.DryRun,
            evaluated,
            batches.SelectMany(b => b.Takes).Select(t => new RunStepResponse(t.Item.Id, t.Item.DebtorId, t.StepKey, t.Step.Channel, t.Skipped)).ToList(),
            batches.SelectMany(b => b.Messages).Select(m => new RunMessageResponse(command.DryRun ? "" : m.Id, m.Debtor.Id, m.Channel, m.Step.Tone, m.Step.Key,
                m.Lines.Select(l => l.Item.Id).ToList(), m.Content.Subject, m.Status, m.NotBefore, m.NextStepOn)).ToList(),
            batches.SelectMany(b => b.Tasks).Select(t => new RunTaskResponse(command.DryRun ? "" : t.Id, t.DebtorId, t.Kind, t.Action, t.InvoiceIds)).ToList(),
            batches.SelectMany(b => b.Pauses).Select(p => new RunPauseResponse(p.InvoiceId, p.DebtorId, p.Reason)).ToList(),
            batches.SelectMany(b => b.Fallbacks).Select(f => new RunFallbackResponse(f.InvoiceId, f.DebtorId, f.StepKey, f.From, f.To, f.Reason, SmsReach.Explain(f.Reason))).ToList());
    }

    private async Task<RunPlan> PlanAsync(IReadOnlyList<string> debtorIds, DateOnly? asOf, CancellationToken ct) =>
        planner.Plan(await loader.LoadAsync(debtorIds, ct), asOf);

    private async Task<RunPlan> TakeAsync(string runId, IReadOnlyList<string> debtorIds, DateOnly? asOf, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var snapshot = await loader.LoadAsync(debtorIds, ct);
        var loaded = Stopwatch.GetElapsedTime(started);
        var plan = planner.Plan(snapshot, asOf);
        var planned = Stopwatch.GetElapsedTime(started);
        await writer.WriteBatchAsync(runId, plan, ct);
        await dueSoon.QueueAsync(snapshot, plan, ct);
        logger.LogDebug("Dunning run {RunId}: batch of {Debtors} debtors, {Evaluated} invoices: load {LoadMs:F0} ms, plan {PlanMs:F0} ms, write {WriteMs:F0} ms",
            runId, debtorIds.Count, plan.Evaluated, loaded.TotalMilliseconds, (planned - loaded).TotalMilliseconds, (Stopwatch.GetElapsedTime(started) - planned).TotalMilliseconds);
        return plan;
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
