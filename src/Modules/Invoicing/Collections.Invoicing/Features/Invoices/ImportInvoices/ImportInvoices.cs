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
/// New invoices of known debtors are first created together (one prepared statement per table) on one savepoint;
/// if anything in that fails, it is rolled back and every item goes the careful way: validated and upserted on its
/// own savepoint inside the request's transaction, so a rejected item rolls back only its own writes (and its
/// notification handlers'), never the rest of the batch.
/// </summary>
internal sealed class ImportInvoicesHandler(DbSession db, DebtorReader debtors, InvoiceUpserter upserter, InvoiceBulkCreator bulk)
    : IRequestHandler<ImportInvoicesCommand, ImportInvoicesResponse>
{
    private const string Savepoint = "import_item";
    private static readonly UpsertInvoiceBodyValidator BodyValidator = new();

    public async Task<ImportInvoicesResponse> Handle(ImportInvoicesCommand command, CancellationToken cancellationToken)
    {
        var transaction = db.Transaction ?? throw new InvalidOperationException("The import runs inside the command's transaction.");
        var items = command.Invoices!;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var results = new ImportInvoiceResult?[items.Count];
        var known = await debtors.FindByExternalIdsAsync(
            items.Where(i => !string.IsNullOrWhiteSpace(i?.DebtorExternalId)).Select(i => i.DebtorExternalId!), cancellationToken);
        var fresh = new List<NewInvoice>();
        for (var index = 0; index < items.Count; index++)
        {
            var errors = Validate(items[index], seen);
            if (errors.Count > 0)
            {
                results[index] = new ImportInvoiceResult(index, items[index]?.ExternalId, "rejected", null, errors);
                continue;
            }

            // Unknown debtors go the careful way below, which rejects the item with the reason.
            if (known.TryGetValue(items[index].DebtorExternalId!, out var debtor))
            {
                fresh.Add(new NewInvoice(index, items[index].ExternalId!, items[index].ToBody(), debtor));
            }
        }

        if (fresh.Count > 0 && await TryCreateAllAsync(transaction, fresh, cancellationToken) is { } created)
        {
            foreach (var (index, id) in created)
            {
                results[index] = new ImportInvoiceResult(index, items[index].ExternalId, "created", id, Empty);
            }
        }

        for (var index = 0; index < items.Count; index++)
        {
            results[index] ??= await UpsertOneAsync(transaction, index, items[index], cancellationToken);
        }

        int Count(string status) => results.Count(r => r!.Status == status);
        return new ImportInvoicesResponse(Count("created"), Count("updated"), Count("unchanged"), Count("rejected"), results!);
    }

    private async Task<IReadOnlyDictionary<int, string>?> TryCreateAllAsync(DbTransaction transaction, IReadOnlyList<NewInvoice> fresh, CancellationToken ct)
    {
        await transaction.SaveAsync(Savepoint, ct);
        try
        {
            var created = await bulk.CreateAsync(fresh, ct);
            await transaction.ReleaseAsync(Savepoint, ct);
            return created;
        }
        catch (Exception exception) when (IsItemFailure(exception))
        {
            // Some already exist, or a reaction refused one: undo them all and take them one by one.
            await transaction.RollbackAsync(Savepoint, ct);
            await transaction.ReleaseAsync(Savepoint, ct);
            return null;
        }
    }

    private async Task<ImportInvoiceResult> UpsertOneAsync(DbTransaction transaction, int index, ImportInvoiceItem item, CancellationToken ct)
    {
        await transaction.SaveAsync(Savepoint, ct);
        try
        {
            var upserted = await upserter.UpsertAsync(item.ExternalId!, item.ToBody(), ct);
            await transaction.ReleaseAsync(Savepoint, ct);
            return new ImportInvoiceResult(index, item.ExternalId, WireNames.Of(upserted.Outcome), upserted.Invoice.Id, Empty);
        }
        catch (Exception exception) when (IsItemFailure(exception))
        {
            await transaction.RollbackAsync(Savepoint, ct);
            await transaction.ReleaseAsync(Savepoint, ct);
            var message = exception is DbException ? "Another item or request created this invoice at the same time. Re-send it." : exception.Message;
            return new ImportInvoiceResult(index, item.ExternalId, "rejected", null, new Dictionary<string, string[]> { [""] = [message] });
        }
    }

    private static bool IsItemFailure(Exception exception) =>
        exception is ConflictException or BusinessRuleException or NotFoundException || (exception is DbException db && db.IsUniqueViolation());

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
            .AcceptsIdempotencyKey()
            .WithName("ImportInvoices")
            .WithSummary("Import invoices")
            .WithDescription("Upsert up to 1,000 invoices by external id; each item is validated and saved on its own, with a result per item. Safe to re-send.")
            .Produces<ImportInvoicesResponse>()
            .ProducesValidationProblem();
}
