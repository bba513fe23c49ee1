using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Payments.Features.BankStatements;

public sealed record IgnoreBankLineRequest(string? Reason);

internal sealed record IgnoreBankLineCommand(string LineId, string? Reason) : ICommand<BankStatementLineResponse>;

internal sealed class IgnoreBankLineValidator : AbstractValidator<IgnoreBankLineCommand>
{
    public IgnoreBankLineValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(BankLineText.NoteLength);
}

/// <summary>Staff take an unmatched line off the queue without booking anything (not a debtor's money, settled elsewhere), saying why.</summary>
internal sealed class IgnoreBankLineHandler(BankLines lines, CallerContext caller) : IRequestHandler<IgnoreBankLineCommand, BankStatementLineResponse>
{
    public async Task<BankStatementLineResponse> Handle(IgnoreBankLineCommand command, CancellationToken cancellationToken)
    {
        var line = await lines.FindAsync(command.LineId, cancellationToken) ?? throw new NotFoundException("Statement line", command.LineId);
        await lines.IgnoreAsync(line, command.Reason!.Trim(), caller.Current.Actor, cancellationToken);
        return (await lines.FindAsync(line.Id, cancellationToken))!.ToResponse();
    }
}

internal sealed class IgnoreBankLineEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/bank-statements/lines/{lineId}/ignore", (string lineId, IgnoreBankLineRequest request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new IgnoreBankLineCommand(lineId, request.Reason), ct))
            .RequireAuthorization(Policies.Staff)
            .AcceptsIdempotencyKey()
            .WithName("IgnoreBankStatementLine")
            .WithSummary("Ignore an unmatched statement line")
            .WithDescription("Take an unmatched line off the queue without booking it, with a reason (at most 500 characters). A line already matched or ignored is a 409.")
            .Produces<BankStatementLineResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
