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
using Microsoft.Extensions.Configuration;

namespace Collections.Invoicing.Features.LateFees;

public sealed record AssessLateFeesRequest(DateOnly? AsOf);

public sealed record AssessedFeeResponse(string FeeId, string FeeNumber, string InvoiceId, string InvoiceNumber, MoneyDto Amount, DateOnly AssessedFor, string Description);

public sealed record AssessLateFeesResponse(DateOnly? AsOf, int InvoicesExamined, int PeriodsDecided, IReadOnlyList<AssessedFeeResponse> Fees);

/// <summary>
/// AsOf null: each debtor's own today (what the background service uses). Not a command itself: the assessment commits
/// a batch of debtors at a time (Invoicing:LateFees:BatchSize), so it never holds the database for the whole book. One
/// that fails leaves its earlier batches committed; assessing again decides only what is left, each period once, ever.
/// </summary>
internal sealed record AssessLateFeesCommand(DateOnly? AsOf) : IRequest<AssessLateFeesResponse>;

internal sealed class AssessLateFeesValidator : AbstractValidator<AssessLateFeesCommand>
{
    public AssessLateFeesValidator(AsOfLimit limit, TimeProvider time) =>
        RuleFor(c => c.AsOf).Must(asOf => limit.Allows(asOf, time))
            .WithMessage("Fees cannot be assessed for a date in the future.").OverridePropertyName("asOf");
}

internal sealed class AssessLateFeesHandler(DbSession db, LateFeeAssessor assessor, IConfiguration configuration) : IRequestHandler<AssessLateFeesCommand, AssessLateFeesResponse>
{
    public const string BatchSizeSetting = "Invoicing:LateFees:BatchSize";

    public async Task<AssessLateFeesResponse> Handle(AssessLateFeesCommand command, CancellationToken cancellationToken)
    {
        var batchSize = configuration.GetValue(BatchSizeSetting, 500);
        if (batchSize < 1)
        {
            throw new InvalidOperationException($"{BatchSizeSetting} must be at least 1 (it is {batchSize}).");
        }

        var batches = new List<LateFeeRun>();
        var after = "";
        while (true)
        {
            var debtorIds = await assessor.DebtorsAfterAsync(after, batchSize, command.AsOf, cancellationToken);
            if (debtorIds.Count == 0)
            {
                break;
            }

            batches.Add(await db.InTransactionAsync(() => assessor.AssessAsync(debtorIds, command.AsOf, cancellationToken), cancellationToken));
            after = debtorIds[^1];
            if (debtorIds.Count < batchSize)
            {
                break;
            }
        }

        return new AssessLateFeesResponse(command.AsOf, batches.Sum(b => b.InvoicesExamined), batches.Sum(b => b.PeriodsDecided), batches
            .SelectMany(b => b.Fees)
            .Select(f => new AssessedFeeResponse(f.FeeId, f.FeeNumber, f.InvoiceId, f.InvoiceNumber, MoneyDto.Of(f.AmountMinor, f.Currency), f.AssessedFor, f.Description))
            .ToList());
    }
}

internal sealed class AssessLateFeesEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/late-fees/assessments", (AssessLateFeesRequest? request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new AssessLateFeesCommand(request?.AsOf), ct))
            .RequireAuthorization(Policies.Staff)
            .WithoutIdempotencyKey("One decision per invoice and period, ever: a repeated assessment charges nothing twice.")
            .WithName("AssessLateFees")
            .WithSummary("Assess late fees")
            .WithDescription("Assess late fees up to a date (default: each debtor's today). Safe to repeat: each invoice period is decided once, ever.")
            .Produces<AssessLateFeesResponse>()
            .ProducesValidationProblem();
}
