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

internal sealed record MakePromiseCommand(MakePromiseRequest Body) : ICommand<PromiseResponse>;

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
        RuleFor(c => c.Body.InvoiceIds).Must(ids => ids is null || ids.Count <= 200).OverridePropertyName("invoiceIds");
    }
}

/// <summary>A promise pauses dunning of what it covers until promisedDate + PromiseGraceDays; a debtor may promise for itself only.</summary>
internal sealed class MakePromiseHandler(DbSession db, IMediator mediator, CallerContext caller, DunningOptions options, TimeProvider time) : IRequestHandler<MakePromiseCommand, PromiseResponse>
{
    private const string InsertSql = """
        INSERT INTO dunning_promises (id, debtor_id, amount_minor, currency, promised_date, live_until, invoice_ids, paid_minor, status, created_by, created_at, closed_at)
        VALUES (@Id, @DebtorId, @AmountMinor, @Currency, @PromisedDate, @LiveUntil, @InvoiceIds, 0, 'live', @CreatedBy, @CreatedAt, NULL)
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

        var today = ContactWindow.LocalDate(time.GetUtcNow(), ContactWindow.Zone(debtor.TimeZone));
        if (body.PromisedDate < today || body.PromisedDate > today.AddDays(90))
        {
            throw new BusinessRuleException($"The promised date must be between today ({today:yyyy-MM-dd}) and 90 days ahead.");
        }

        var amount = body.Amount!.ToMoney();
        var open = await mediator.Send(new GetOpenItemsQuery(debtor.Id), cancellationToken);
        var invoiceIds = (body.InvoiceIds ?? []).Distinct().ToList();
        var unknown = invoiceIds.Where(id => open.All(i => i.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            throw new BusinessRuleException($"These invoices are not open invoices of the debtor: {string.Join(", ", unknown)}.");
        }

        if (open.Where(i => invoiceIds.Count == 0 || invoiceIds.Contains(i.Id)).All(i => i.Currency != amount.Currency.Code))
        {
            throw new BusinessRuleException($"The debtor owes nothing in {amount.Currency.Code} that this promise could cover.");
        }

        var row = new PromiseRow
        {
            Id = Ids.New("ptp", time), DebtorId = debtor.Id, AmountMinor = amount.Minor, Currency = amount.Currency.Code, PromisedDate = body.PromisedDate,
            LiveUntil = body.PromisedDate.AddDays(options.PromiseGraceDays), InvoiceIds = IdList.Join(invoiceIds), Status = PromiseStatuses.Live,
            CreatedBy = $"{who.Role}:{who.Name}", CreatedAt = time.GetUtcNow(),
        };
        await db.ExecuteAsync(InsertSql, row, cancellationToken);
        await mediator.Send(new RecordActivityCommand(debtor.Id, "dunning.promise",
            $"Promise to pay {MessageComposer.Amount(row.AmountMinor, row.Currency)} by {MessageComposer.Date(row.PromisedDate)} ({(invoiceIds.Count == 0 ? "all open invoices" : $"{invoiceIds.Count} invoice(s)")})."), cancellationToken);
        await mediator.Publish(new PromiseToPayMade(row.Id, row.DebtorId, row.AmountMinor, row.Currency, row.PromisedDate, row.CreatedAt), cancellationToken);
        return PromiseResponse.From(row);
    }
}

internal sealed class MakePromiseEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/promises", async (MakePromiseRequest request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/promises?debtorId={request.DebtorId}", await mediator.Send(new MakePromiseCommand(request), ct)))
            .RequireAuthorization(Policies.DebtorOrStaff)
            .WithName("MakePromiseToPay")
            .WithSummary("Record a promise to pay: dunning of what it covers pauses until the promised date plus the grace days.")
            .Produces<PromiseResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
