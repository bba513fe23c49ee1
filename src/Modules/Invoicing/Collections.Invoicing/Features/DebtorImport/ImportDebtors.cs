using System.Data.Common;
using Collections.Invoicing.Domain;
using Collections.Invoicing.Domain.LateFees;
using Collections.Invoicing.Features.Debtors;
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

namespace Collections.Invoicing.Features.DebtorImport;

public sealed record ImportDebtorItem(
    string? ExternalId,
    string? Name,
    string? CountryCode,
    string? TimeZone,
    string? Language,
    string? Currency,
    decimal CreditLimit,
    int? PaymentTermsDays,
    DebtorSegment Segment = DebtorSegment.Standard,
    IReadOnlyList<UpsertDebtorContact>? Contacts = null,
    UpsertDebtorContactHours? ContactHours = null,
    AllocationOrder AllocationOrder = AllocationOrder.PrincipalFirst,
    LateFeePolicyRequest? LateFeePolicy = null,
    PostalAddressRequest? BillingAddress = null)
{
    /// <summary>The same body a single PUT would carry, so an import after a PUT (or the reverse) is a no-op.</summary>
    internal UpsertDebtorRequest ToBody() =>
        new(Name, CountryCode, TimeZone, Language, Currency, CreditLimit, PaymentTermsDays, Segment, Contacts, ContactHours, AllocationOrder, LateFeePolicy, BillingAddress);
}

public sealed record ImportDebtorsRequest(IReadOnlyList<ImportDebtorItem?>? Debtors);

public sealed record ImportDebtorResult(int Index, string? ExternalId, string Status, string? DebtorId, IReadOnlyDictionary<string, string[]> Errors);

public sealed record ImportDebtorsResponse(int Created, int Updated, int Unchanged, int Rejected, IReadOnlyList<ImportDebtorResult> Items);

internal sealed record ImportDebtorsCommand(IReadOnlyList<ImportDebtorItem?>? Debtors) : ICommand<ImportDebtorsResponse>;

internal sealed class ImportDebtorsValidator : AbstractValidator<ImportDebtorsCommand>
{
    public const int MaxItems = 1000;

    public ImportDebtorsValidator() =>
        RuleFor(c => c.Debtors).NotEmpty().Must(items => items is null || items.Count <= MaxItems)
            .WithMessage($"At most {MaxItems} debtors per request.").OverridePropertyName("debtors");
}

/// <summary>
/// Onboards an ERP's customers in one request: every item is validated on its own (a bad time zone, currency or contact
/// rejects that item alone), the existing debtors are read in one query, and the writes go set-based through
/// <see cref="DebtorImportWriter"/>. If the batch write fails on an item (another request created the same debtor
/// meanwhile), it is rolled back to its savepoint and the items are upserted one by one, each on its own savepoint.
/// </summary>
internal sealed class ImportDebtorsHandler(DbSession db, DebtorReader debtors, DebtorImportWriter writer, IMediator mediator, TimeProvider time)
    : IRequestHandler<ImportDebtorsCommand, ImportDebtorsResponse>
{
    private const string Savepoint = "import_debtors";
    private readonly UpsertDebtorValidator itemValidator = new(time);
    private static readonly IReadOnlyDictionary<string, string[]> Empty = new Dictionary<string, string[]>();

    public async Task<ImportDebtorsResponse> Handle(ImportDebtorsCommand command, CancellationToken cancellationToken)
    {
        var transaction = db.Transaction ?? throw new InvalidOperationException("The import runs inside the command's transaction.");
        var items = command.Debtors!;
        var results = new ImportDebtorResult?[items.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var valid = new List<(int Index, ImportDebtorItem Item)>();
        for (var index = 0; index < items.Count; index++)
        {
            var errors = Validate(items[index], seen);
            if (errors.Count > 0)
            {
                results[index] = new ImportDebtorResult(index, items[index]?.ExternalId, "rejected", null, errors);
            }
            else
            {
                valid.Add((index, items[index]!));
            }
        }

        var existing = await debtors.FindByExternalIdsAsync(valid.Select(v => v.Item.ExternalId!), cancellationToken);
        var writes = new List<DebtorToWrite>();
        foreach (var (index, item) in valid)
        {
            var body = item.ToBody();
            var hash = ContentHash.Of(body);
            var current = existing.GetValueOrDefault(item.ExternalId!);
            if (current is not null && current.ContentHash == hash)
            {
                results[index] = new ImportDebtorResult(index, item.ExternalId, "unchanged", current.Id, Empty);
            }
            else
            {
                writes.Add(new DebtorToWrite(index, item.ExternalId!, body, hash, current));
            }
        }

        if (writes.Count > 0)
        {
            var written = await TryWriteAllAsync(transaction, writes, cancellationToken);
            foreach (var write in writes)
            {
                results[write.Index] = written is not null
                    ? new ImportDebtorResult(write.Index, write.ExternalId, write.Existing is null ? "created" : "updated", written[write.Index], Empty)
                    : await UpsertOneAsync(transaction, write, cancellationToken);
            }
        }

        int Count(string status) => results.Count(r => r!.Status == status);
        return new ImportDebtorsResponse(Count("created"), Count("updated"), Count("unchanged"), Count("rejected"), results!);
    }

    private async Task<IReadOnlyDictionary<int, string>?> TryWriteAllAsync(DbTransaction transaction, IReadOnlyList<DebtorToWrite> writes, CancellationToken ct)
    {
        await transaction.SaveAsync(Savepoint, ct);
        try
        {
            var written = await writer.WriteAsync(writes, ct);
            await transaction.ReleaseAsync(Savepoint, ct);
            return written;
        }
        catch (DbException exception) when (exception.IsUniqueViolation())
        {
            await transaction.RollbackAsync(Savepoint, ct);
            await transaction.ReleaseAsync(Savepoint, ct);
            return null;
        }
    }

    private async Task<ImportDebtorResult> UpsertOneAsync(DbTransaction transaction, DebtorToWrite write, CancellationToken ct)
    {
        await transaction.SaveAsync(Savepoint, ct);
        try
        {
            var upserted = await mediator.Send(new UpsertDebtorCommand(write.ExternalId, write.Body), ct);
            await transaction.ReleaseAsync(Savepoint, ct);
            return new ImportDebtorResult(write.Index, write.ExternalId, upserted.Created ? "created" : "updated", upserted.Debtor.Id, Empty);
        }
        catch (Exception exception) when (exception is ConflictException or BusinessRuleException || (exception is DbException db && db.IsUniqueViolation()))
        {
            await transaction.RollbackAsync(Savepoint, ct);
            await transaction.ReleaseAsync(Savepoint, ct);
            var message = exception is DbException ? "Another request created this debtor at the same time. Re-send it." : exception.Message;
            return new ImportDebtorResult(write.Index, write.ExternalId, "rejected", null, new Dictionary<string, string[]> { [""] = [message] });
        }
    }

    private Dictionary<string, string[]> Validate(ImportDebtorItem? item, HashSet<string> seen)
    {
        if (item is null)
        {
            return new() { [""] = ["The item is empty."] };
        }

        if (item.Contacts?.Any(c => c is null) == true)
        {
            return new() { ["contacts"] = ["A contact is empty."] };
        }

        var errors = itemValidator.Validate(new UpsertDebtorCommand(item.ExternalId ?? "", item.ToBody())).Errors
            .GroupBy(e => JsonName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
        if (!errors.ContainsKey("externalId") && !seen.Add(item.ExternalId!))
        {
            errors["externalId"] = ["This external id appears more than once in the batch."];
        }

        return errors;
    }

    private static string JsonName(string property) =>
        string.Join('.', property.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}

internal sealed class ImportDebtorsEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/debtors/import", (ImportDebtorsRequest request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ImportDebtorsCommand(request.Debtors), ct))
            .RequireAuthorization(Policies.Erp)
            .AcceptsIdempotencyKey()
            .WithName("ImportDebtors")
            .WithSummary("Import debtors")
            .WithDescription("Create or update up to 1,000 debtors by external id, with a result per item; a bad item is rejected alone. Safe to re-send.")
            .Produces<ImportDebtorsResponse>()
            .ProducesValidationProblem();
}
