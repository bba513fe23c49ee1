using System.Data.Common;
using Collections.Invoicing.Domain;
using Collections.Invoicing.Domain.LateFees;
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

namespace Collections.Invoicing.Features.Invoices;

public sealed record ImportInvoiceItem(
    string? ExternalId,
    string? DebtorExternalId,
    string? Number,
    string? PoNumber,
    string? Currency,
    DateOnly? IssueDate,
    DateOnly? DueDate,
    decimal Total,
    IReadOnlyList<UpsertInvoiceLine>? Lines = null,
    UpsertInvoiceTerms? Terms = null,
    LateFeePolicyRequest? LateFeePolicy = null)
{
    /// <summary>The same body a single PUT would carry, so an import after a PUT (or the reverse) is a no-op.</summary>
    internal UpsertInvoiceRequest ToBody() => new(DebtorExternalId, Number, PoNumber, Currency, IssueDate, DueDate, Total, Lines, Terms, LateFeePolicy);
}

public sealed record ImportInvoicesRequest(IReadOnlyList<ImportInvoiceItem>? Invoices);

public sealed record ImportInvoiceResult(int Index, string? ExternalId, string Status, string? InvoiceId, IReadOnlyDictionary<string, string[]> Errors);

public sealed record ImportInvoicesResponse(int Created, int Updated, int Unchanged, int Rejected, IReadOnlyList<ImportInvoiceResult> Items);

internal sealed record ImportInvoicesCommand(IReadOnlyList<ImportInvoiceItem>? Invoices) : ICommand<ImportInvoicesResponse>;

internal sealed class ImportInvoicesValidator : AbstractValidator<ImportInvoicesCommand>
{
    public const int MaxItems = 1000;

    public ImportInvoicesValidator() =>
        RuleFor(c => c.Invoices).NotEmpty().Must(items => items is null || items.Count <= MaxItems)
            .WithMessage($"At most {MaxItems} invoices per request.").OverridePropertyName("invoices");
}

/// <summary>
/// Each item is validated and upserted on its own savepoint inside the request's transaction: a rejected item
/// rolls back only its own writes (and its notification handlers'), never the rest of the batch.
/// </summary>
internal sealed class ImportInvoicesHandler(DbSession db, InvoiceUpserter upserter) : IRequestHandler<ImportInvoicesCommand, ImportInvoicesResponse>
{
    private const string Savepoint = "import_item";
    private static readonly UpsertInvoiceBodyValidator BodyValidator = new();

    public async Task<ImportInvoicesResponse> Handle(ImportInvoicesCommand command, CancellationToken cancellationToken)
    {
        var transaction = db.Transaction ?? throw new InvalidOperationException("The import runs inside the command's transaction.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var results = new List<ImportInvoiceResult>(command.Invoices!.Count);
        for (var index = 0; index < command.Invoices.Count; index++)
        {
            var item = command.Invoices[index];
            var errors = Validate(item, seen);
            if (errors.Count > 0)
            {
                results.Add(new ImportInvoiceResult(index, item?.ExternalId, "rejected", null, errors));
                continue;
            }

            await transaction.SaveAsync(Savepoint, cancellationToken);
            try
            {
                var upserted = await upserter.UpsertAsync(item!.ExternalId!, item.ToBody(), cancellationToken);
                await transaction.ReleaseAsync(Savepoint, cancellationToken);
                results.Add(new ImportInvoiceResult(index, item.ExternalId, WireNames.Of(upserted.Outcome), upserted.Invoice.Id, Empty));
            }
            catch (Exception exception) when (exception is ConflictException or BusinessRuleException or NotFoundException
                || (exception is DbException db && UniqueViolation.Is(db)))
            {
                await transaction.RollbackAsync(Savepoint, cancellationToken);
                var message = exception is DbException ? "Another item or request created this invoice at the same time. Re-send it." : exception.Message;
                results.Add(new ImportInvoiceResult(index, item!.ExternalId, "rejected", null, new Dictionary<string, string[]> { [""] = [message] }));
            }
        }

        int Count(string status) => results.Count(r => r.Status == status);
        return new ImportInvoicesResponse(Count("created"), Count("updated"), Count("unchanged"), Count("rejected"), results);
    }

    private static readonly IReadOnlyDictionary<string, string[]> Empty = new Dictionary<string, string[]>();

    private static Dictionary<string, string[]> Validate(ImportInvoiceItem? item, HashSet<string> seen)
    {
        if (item is null)
        {
            return new() { [""] = ["The item is empty."] };
        }

        var errors = BodyValidator.Validate(item.ToBody()).Errors
            .GroupBy(e => JsonName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
        if (string.IsNullOrWhiteSpace(item.ExternalId) || item.ExternalId.Length > 100)
        {
            errors["externalId"] = ["The external id is required and at most 100 characters."];
        }
        else if (!seen.Add(item.ExternalId))
        {
            errors["externalId"] = ["This external id appears more than once in the batch."];
        }

        return errors;
    }

    private static string JsonName(string property) =>
        string.Join('.', property.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}

internal sealed class ImportInvoicesEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/invoices/import", (ImportInvoicesRequest request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ImportInvoicesCommand(request.Invoices), ct))
            .RequireAuthorization(Policies.Erp)
            .WithName("ImportInvoices")
            .WithSummary("Upsert up to 1,000 invoices by external id; each item is validated and saved on its own, with a result per item. Safe to re-send.")
            .Produces<ImportInvoicesResponse>()
            .ProducesValidationProblem();
}
