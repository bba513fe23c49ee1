using System.Text.Json.Serialization;
using Collections.Dunning.Contracts;
using Collections.Dunning.Domain;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel;
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

namespace Collections.Dunning.Features.Promises;

public sealed record MakePromiseRequest(string? DebtorId, MoneyDto? Amount, DateOnly PromisedDate, IReadOnlyList<string>? InvoiceIds);

internal sealed record MakePromiseCommand(MakePromiseRequest Body, [property: JsonIgnore] string IdempotencyKey) : IIdempotentCommand<PromiseResponse>;

public sealed record PromiseResponse(string Id, string DebtorId, MoneyDto Amount, MoneyDto Paid, DateOnly PromisedDate, DateOnly LiveUntil, IReadOnlyList<string> InvoiceIds, string Status, string CreatedBy, DateTimeOffset CreatedAt)
{
    internal static PromiseResponse From(PromiseRow row) => new(row.Id, row.DebtorId, MoneyDto.Of(row.AmountMinor, row.Currency), MoneyDto.Of(row.PaidMinor, row.Currency),
        row.PromisedDate, row.LiveUntil, IdList.Split(row.InvoiceIds), row.Status, row.CreatedBy, row.CreatedAt);
}

internal sealed class MakePromiseValidator : AbstractValidator<MakePromiseCommand>
{
    public MakePromiseValidator()
    {
        RuleFor(c => c.Body.DebtorId).NotEmpty().OverridePropertyName("debtorId");
        RuleFor(c => c.Body.Amount).ValidMoney().OverridePropertyName("amount");
        RuleFor(c => c.Body.Amount!.Amount).GreaterThan(0).When(c => c.Body.Amount is not null).OverridePropertyName("amount");
        RuleFor(c => c.Body.InvoiceIds).NotEmpty().WithMessage("Name the invoices the promise is for.")
            .Must(ids => ids is null || ids.Count <= 200).OverridePropertyName("invoiceIds");
        RuleForEach(c => c.Body.InvoiceIds).NotEmpty().MaximumLength(40).OverridePropertyName("invoiceIds");
        RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
    }
}

/// <summary>
/// A promise names its invoices and an amount not above what may be collected of them, in their currency, by a date
/// between today and <see cref="DunningOptions.MaxPromiseDays"/> ahead; an invoice has one live promise at a time. It
/// pauses chasing only for the amount promised (the rest stays collectable) until promisedDate + PromiseGraceDays. A
/// debtor that already promised twice in 90 days for one of the invoices gets a call from a collector instead: the
/// promise is recorded as `referred` and pauses nothing. A debtor may promise for itself only.
/// </summary>
internal sealed class MakePromiseHandler(DbSession db, IMediator mediator, CallerContext caller, DunningOptions options, TimeProvider time) : IRequestHandler<MakePromiseCommand, PromiseResponse>
{
    private const int RepeatWindowDays = 90;
    private const string InsertSql = """
        INSERT INTO dunning_promises (id, debtor_id, amount_minor, currency, promised_date, live_until, invoice_ids, paid_minor, applied_minor, status, created_by, created_at, closed_at)
        VALUES (@Id, @DebtorId, @AmountMinor, @Currency, @PromisedDate, @LiveUntil, @InvoiceIds, 0, 0, @Status, @CreatedBy, @CreatedAt, NULL)
        """;
    private const string RecentSql = "SELECT invoice_ids AS InvoiceIds, status AS Status FROM dunning_promises WHERE debtor_id = @DebtorId AND (status = 'live' OR created_at >= @Since)";
    private const string CallTaskSql = """
        INSERT INTO dunning_tasks (id, debtor_id, kind, action, step_key, invoice_ids, reason, status, outcome, note, created_at, completed_at, completed_by)
        VALUES (@Id, @DebtorId, 'call', 'none', NULL, @InvoiceIds, @Reason, 'open', NULL, NULL, @Now, NULL, NULL)
        """;

    public async Task<PromiseResponse> Handle(MakePromiseCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var who = caller.Current;
        var debtor = await mediator.Send(new GetDebtorQuery(body.DebtorId!), cancellationToken);
        if (debtor is null || !who.CanSee(debtor.Id))
        {
            throw new NotFoundException("Debtor", body.DebtorId!);
        }

        var now = time.GetUtcNow();
        var today = ContactWindow.LocalDate(now, ContactWindow.Zone(debtor.TimeZone));
        if (body.PromisedDate < today || body.PromisedDate > today.AddDays(options.MaxPromiseDays))
        {
            throw new BusinessRuleException($"The promised date must be between today ({today:yyyy-MM-dd}) and {options.MaxPromiseDays} days ahead.");
        }

        var amount = body.Amount!.ToMoney();
        var invoiceIds = body.InvoiceIds!.Distinct().ToList();
        var open = (await mediator.Send(new GetOpenItemsQuery(debtor.Id), cancellationToken)).Where(i => invoiceIds.Contains(i.Id)).ToList();
        var unknown = invoiceIds.Where(id => open.All(i => i.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            throw new BusinessRuleException($"These invoices are not open invoices of the debtor: {string.Join(", ", unknown)}.");
        }

        if (open.Any(i => i.Currency != amount.Currency.Code))
        {
            throw new BusinessRuleException($"The invoices are not all in {amount.Currency.Code}: a promise is in the currency of the invoices it covers.");
        }

        var collectible = open.Sum(i => i.CollectibleMinor);
        if (amount.Minor > collectible)
        {
            throw new BusinessRuleException($"The promise ({amount}) is more than what is open on these invoices ({MessageComposer.Amount(collectible, amount.Currency.Code)}).");
        }

        var recent = await db.QueryAsync<PromiseRow>(RecentSql, new { DebtorId = debtor.Id, Since = now.AddDays(-RepeatWindowDays) }, cancellationToken);
        var promisedAlready = invoiceIds.Where(id => recent.Any(p => p.Status == PromiseStatuses.Live && p.Covers(id))).ToList();
        if (promisedAlready.Count > 0)
        {
            throw new BusinessRuleException($"These invoices already have a promise to pay: {string.Join(", ", promisedAlready.Select(id => open.First(i => i.Id == id).Number))}.");
        }

        var repeated = invoiceIds.Where(id => recent.Count(p => p.Covers(id)) >= 2).ToList();
        var row = new PromiseRow
        {
            Id = Ids.New("ptp", time),
            DebtorId = debtor.Id,
            AmountMinor = amount.Minor,
            Currency = amount.Currency.Code,
            PromisedDate = body.PromisedDate,
            LiveUntil = body.PromisedDate.AddDays(options.PromiseGraceDays),
            InvoiceIds = IdList.Join(invoiceIds),
            Status = repeated.Count > 0 ? PromiseStatuses.Referred : PromiseStatuses.Live,
            CreatedBy = who.Actor,
            CreatedAt = now,
        };
        await db.ExecuteAsync(InsertSql, row, cancellationToken);
        var summary = $"Promise to pay {MessageComposer.Amount(row.AmountMinor, row.Currency)} by {MessageComposer.Date(row.PromisedDate)} for {string.Join(", ", open.Select(i => i.Number))}";
        if (repeated.Count > 0)
        {
            var reason = $"{summary}: the third promise in {RepeatWindowDays} days for {string.Join(", ", repeated.Select(id => open.First(i => i.Id == id).Number))}. Call to agree a plan or a firm date; the promise pauses nothing.";
            await db.ExecuteAsync(CallTaskSql, new { Id = Ids.New("task", time), DebtorId = debtor.Id, row.InvoiceIds, Reason = reason, Now = now }, cancellationToken);
            await mediator.Send(new RecordActivityCommand(debtor.Id, "dunning.promise_referred", reason), cancellationToken);
            return PromiseResponse.From(row);
        }

        await mediator.Send(new RecordActivityCommand(debtor.Id, "dunning.promise", summary + "."), cancellationToken);
        await mediator.Publish(new PromiseToPayMade(row.Id, row.DebtorId, row.AmountMinor, row.Currency, row.PromisedDate, row.CreatedAt), cancellationToken);
        return PromiseResponse.From(row);
    }
}

internal sealed class MakePromiseEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/promises", async (MakePromiseRequest request, HttpContext http, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/promises?debtorId={request.DebtorId}", await mediator.Send(new MakePromiseCommand(request, IdempotencyHeader.From(http)), ct)))
            .RequireAuthorization(Policies.DebtorOrStaff)
            .RequiresIdempotencyKey()
            .WithName("MakePromiseToPay")
            .WithSummary("Make a promise to pay")
            .WithDescription("Record a promise to pay for named invoices: dunning pauses for the promised amount until the promised date plus the grace days (a third promise in 90 days for an invoice is referred to a collector instead). Requires an Idempotency-Key header.")
            .Produces<PromiseResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
