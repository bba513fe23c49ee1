using Collections.Disputes.Contracts;
using Collections.Dunning.Domain;
using Collections.Dunning.Domain.Languages;
using Collections.Dunning.Features.Promises;
using Collections.Invoicing.Contracts;
using Collections.PaymentPlans.Contracts;
using Collections.Payments.Contracts;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Portal;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Dunning.Features.CaseFiles;

public sealed record CaseFileEscalation(string Id, string Type, string? AgencyName, decimal? ContingencyFeePercent, string? Note, string CreatedBy, DateTimeOffset CreatedAt);

public sealed record CaseFileTotal(string Currency, long OpenMinor);

/// <summary>The evidence trail an agency or lawyer needs: who the debtor is, what is owed, what happened, what was said and agreed.</summary>
public sealed record CaseFileResponse(
    DateTimeOffset GeneratedAt,
    DebtorDto Debtor,
    IReadOnlyList<CaseFileTotal> Totals,
    IReadOnlyList<ReceivableDto> OpenItems,
    IReadOnlyList<InvoiceRecordDto> Invoices,
    IReadOnlyList<LedgerEntryDto> Ledger,
    IReadOnlyList<PaymentSummaryDto> Payments,
    IReadOnlyList<DisputeThreadDto> Disputes,
    IReadOnlyList<PaymentPlanSummaryDto> Plans,
    IReadOnlyList<PromiseResponse> Promises,
    IReadOnlyList<CommunicationResponse> Messages,
    IReadOnlyList<TaskResponse> Tasks,
    IReadOnlyList<CaseFileEscalation> Escalations);

internal sealed record GetCaseFileQuery(string DebtorId) : IRequest<CaseFileResponse>;

internal sealed class GetCaseFileHandler(DbSession db, IMediator mediator, IPortalLinks links, TimeProvider time) : IRequestHandler<GetCaseFileQuery, CaseFileResponse>
{
    private const string MessagesSql = "SELECT " + MessageRow.Columns + " FROM dunning_messages WHERE debtor_id = @DebtorId ORDER BY id";
    private const string TasksSql = "SELECT " + TaskRow.Columns + " FROM dunning_tasks WHERE debtor_id = @DebtorId ORDER BY id";
    private const string PromisesSql = "SELECT " + PromiseRow.Columns + " FROM dunning_promises WHERE debtor_id = @DebtorId ORDER BY id";
    private const string EscalationsSql = """
        SELECT id AS Id, escalation_type AS Type, agency_name AS AgencyName, fee_basis_points AS FeeBasisPoints, note AS Note, created_by AS CreatedBy, created_at AS CreatedAt
        FROM dunning_escalations WHERE debtor_id = @DebtorId ORDER BY id
        """;

    public async Task<CaseFileResponse> Handle(GetCaseFileQuery request, CancellationToken cancellationToken)
    {
        var debtor = await mediator.Send(new GetDebtorQuery(request.DebtorId), cancellationToken) ?? throw new NotFoundException("Debtor", request.DebtorId);
        var args = new { DebtorId = debtor.Id };
        var open = await mediator.Send(new GetOpenItemsQuery(debtor.Id), cancellationToken);
        var escalations = await db.QueryAsync<EscalationRow>(EscalationsSql, args, cancellationToken);
        return new CaseFileResponse(
            time.GetUtcNow(),
            debtor,
            open.GroupBy(i => i.Currency).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new CaseFileTotal(g.Key, g.Sum(i => i.BalanceMinor))).ToList(),
            open,
            await mediator.Send(new GetDebtorItemsQuery(debtor.Id), cancellationToken),
            await mediator.Send(new GetLedgerEntriesQuery(debtor.Id), cancellationToken),
            (await mediator.Send(new GetPaymentsQuery(debtor.Id), cancellationToken)).OrderBy(p => p.Id, StringComparer.Ordinal).ToList(),
            await mediator.Send(new GetDisputeThreadsQuery(debtor.Id), cancellationToken),
            await mediator.Send(new GetPlansQuery(debtor.Id), cancellationToken),
            (await db.QueryAsync<PromiseRow>(PromisesSql, args, cancellationToken)).Select(PromiseResponse.From).ToList(),
            (await db.QueryAsync<MessageRow>(MessagesSql, args, cancellationToken)).Select(m => CommunicationResponse.From(m, links.Page(""))).ToList(),
            (await db.QueryAsync<TaskRow>(TasksSql, args, cancellationToken)).Select(TaskResponse.From).ToList(),
            escalations.Select(e => new CaseFileEscalation(e.Id, e.Type, e.AgencyName, e.FeeBasisPoints / 100m, e.Note, e.CreatedBy, e.CreatedAt)).ToList());
    }

    private sealed record EscalationRow
    {
        public string Id { get; init; } = "";
        public string Type { get; init; } = "";
        public string? AgencyName { get; init; }
        public int? FeeBasisPoints { get; init; }
        public string? Note { get; init; }
        public string CreatedBy { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
    }
}

internal sealed class GetCaseFileEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/debtors/{id}/case-file", async Task<IResult> (
                string id, string? format, string? language, IMediator mediator, DunningOptions options, HttpContext http, CancellationToken ct) =>
            {
                if (format is not (null or "json" or "html"))
                {
                    throw new ValidationException([new ValidationFailure("format", "format must be json or html.")]);
                }

                if (language is not null && !Languages.IsSupported(language))
                {
                    throw new ValidationException([new ValidationFailure("language", $"Use one of {string.Join(", ", Languages.All.Keys)}, optionally with a region such as de-AT.")]);
                }

                var file = await mediator.Send(new GetCaseFileQuery(id), ct);
                if (format != "html")
                {
                    return TypedResults.Ok(file);
                }

                http.Response.Headers.ContentSecurityPolicy = CaseFileDocument.ContentSecurityPolicy;
                var reader = language is null ? Voice.For(file.Debtor, null, options.DefaultLanguage) : Voice.Reading(language, options.DefaultLanguage, file.Debtor.CountryCode);
                return TypedResults.Content(CaseFileDocument.Render(file, reader), "text/html; charset=utf-8");
            })
            .RequireAuthorization(Policies.Staff)
            .WithName("GetCaseFile")
            .WithSummary("Get a debtor's case file")
            .WithDescription("Everything needed to hand a debtor to an agency or lawyer: debtor and contacts, every invoice with its terms, ledger, payments, disputes with their threads, plans, promises, messages, call outcomes and escalations. format=html gives a printable document, labelled in `language` (default: the debtor's, through the same fallback as its messages) with amounts in that culture.")
            .Produces(StatusCodes.Status200OK, typeof(CaseFileResponse), "application/json", "text/html")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
