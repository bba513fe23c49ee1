using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Payments.Features.BankStatements;

internal sealed record GetBankStatementQuery(string ImportId) : IRequest<BankStatementImportResponse>;

internal sealed class GetBankStatementHandler(BankImportReader reader) : IRequestHandler<GetBankStatementQuery, BankStatementImportResponse>
{
    public async Task<BankStatementImportResponse> Handle(GetBankStatementQuery query, CancellationToken cancellationToken) =>
        await reader.FindAsync(query.ImportId, cancellationToken) ?? throw new NotFoundException("Bank statement import", query.ImportId);
}

internal sealed class GetBankStatementEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/bank-statements/{id}", (string id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetBankStatementQuery(id), ct))
            .RequireAuthorization(Policies.Erp)
            .WithName("GetBankStatement")
            .WithSummary("Get a bank statement import")
            .WithDescription("One imported camt file: its statements, the counts of matched, unmatched, ignored and reversed lines, and every line with what became of it.")
            .Produces<BankStatementImportResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
