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

namespace Collections.Invoicing.Features.LateFees;

public sealed record AssessLateFeesRequest(DateOnly? AsOf);

public sealed record AssessedFeeResponse(string FeeId, string FeeNumber, string InvoiceId, string InvoiceNumber, MoneyDto Amount, DateOnly AssessedFor, string Description);

public sealed record AssessLateFeesResponse(DateOnly? AsOf, int InvoicesExamined, int PeriodsDecided, IReadOnlyList<AssessedFeeResponse> Fees);

/// <summary>AsOf null: each debtor's own today (what the background service uses).</summary>
internal sealed record AssessLateFeesCommand(DateOnly? AsOf) : ICommand<AssessLateFeesResponse>;

internal sealed class AssessLateFeesValidator : AbstractValidator<AssessLateFeesCommand>
{
    public AssessLateFeesValidator(AsOfLimit limit, TimeProvider time) =>
        RuleFor(c => c.AsOf).Must(asOf => limit.Allows(asOf, time))
            .WithMessage("Fees cannot be assessed for a date in the future.").OverridePropertyName("asOf");
}

internal sealed class AssessLateFeesHandler(LateFeeAssessor assessor) : IRequestHandler<AssessLateFeesCommand, AssessLateFeesResponse>
{
    public async Task<AssessLateFeesResponse> Handle(AssessLateFeesCommand command, CancellationToken cancellationToken)
    {
        var run = await assessor.AssessAsync(command.AsOf, cancellationToken);
        return new AssessLateFeesResponse(command.AsOf, run.InvoicesExamined, run.PeriodsDecided, run.Fees
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
