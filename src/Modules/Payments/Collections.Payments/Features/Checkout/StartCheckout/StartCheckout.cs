using System.Text.Json;
using System.Text.Json.Serialization;
using Collections.Invoicing.Contracts;
using Collections.PaymentPlans.Contracts;
using Collections.Payments.Contracts;
using Collections.Payments.Domain;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Portal;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Payments.Features.Checkout;

public sealed record CheckoutInvoiceRequest(string InvoiceId, decimal? Amount);

/// <summary>
/// Locale: the language of Stripe's checkout page, one of Stripe's values for the portal's languages (en, de, fr, es, nl,
/// it) or auto (Stripe picks from the browser). Without one, the page speaks the debtor's language (for a portal session,
/// its contact's if the contact has one) when that is one of those, else auto. (Left out of the request's fingerprint when
/// absent, so a key stored before the field existed still matches its repeat.)
/// </summary>
public sealed record StartCheckoutRequest(
    string? DebtorId,
    IReadOnlyList<CheckoutInvoiceRequest>? Invoices,
    string? PaymentPlanId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Locale = null);

public sealed record CheckoutResponse(string AttemptId, string CheckoutUrl, MoneyDto Amount);

/// <summary>
/// Not a command: no transaction may span the call to Stripe. The attempt commits first (idempotently, under the request's
/// key), Stripe creates the session under the attempt's own key, and the session commits last; a repeat of the request
/// finds the same attempt and so the same session.
/// </summary>
internal sealed record StartCheckoutCommand(StartCheckoutRequest Body, [property: JsonIgnore] string IdempotencyKey) : IRequest<CheckoutResponse>;

internal sealed record OpenCheckoutAttemptCommand(StartCheckoutRequest Body, [property: JsonIgnore] string IdempotencyKey) : IIdempotentCommand<OpenedCheckout>;

/// <summary>Locale is Stripe's for the page; it is kept with the attempt's stored answer, so a repeat asks Stripe for the same session.</summary>
internal sealed record OpenedCheckout(string AttemptId, string DebtorId, string Currency, long AmountMinor, IReadOnlyList<CheckoutLine> Lines, IReadOnlyList<string> InvoiceIds, string? Locale = null);

internal sealed record RecordCheckoutSessionCommand(OpenedCheckout Attempt, string SessionId, string Url) : ICommand<bool>;

internal sealed class StartCheckoutValidator : AbstractValidator<StartCheckoutCommand>
{
    public StartCheckoutValidator()
    {
        RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
        RuleFor(c => c.Body.Invoices).NotEmpty().When(c => c.Body.PaymentPlanId is null).WithMessage("Name the invoices to pay, or a payment plan.").OverridePropertyName("invoices");
        RuleFor(c => c.Body.Invoices).Empty().When(c => c.Body.PaymentPlanId is not null).WithMessage("A plan installment is paid on its own.").OverridePropertyName("invoices");
        RuleForEach(c => c.Body.Invoices).NoEmptyItems().OverridePropertyName("invoices");
        RuleFor(c => c.Body.Locale).Must(l => l is null || DebtorLanguages.StripeLocales.Contains(l, StringComparer.Ordinal))
            .WithMessage($"Use one of {string.Join(", ", DebtorLanguages.StripeLocales)}, or leave it out.").OverridePropertyName("locale");
        RuleForEach(c => c.Body.Invoices).ChildRules(i =>
        {
            i.RuleFor(x => x.InvoiceId).NotEmpty().MaximumLength(40);
            i.RuleFor(x => x.Amount).GreaterThan(0).When(x => x.Amount is not null);
        }).OverridePropertyName("invoices");
    }
}

internal sealed class StartCheckoutHandler(IMediator mediator, StripeGateway stripe, IPortalLinks portal) : IRequestHandler<StartCheckoutCommand, CheckoutResponse>
{
    public async Task<CheckoutResponse> Handle(StartCheckoutCommand command, CancellationToken cancellationToken)
    {
        if (!stripe.IsConfigured)
        {
            throw new NotConfiguredException("Online payments are not configured.");
        }

        var attempt = await mediator.Send(new OpenCheckoutAttemptCommand(command.Body, command.IdempotencyKey), cancellationToken);
        var session = await stripe.CreateCheckoutAsync(new CheckoutRequest(attempt.AttemptId, attempt.DebtorId, attempt.Currency, attempt.Lines,
            portal.Page($"pay/success?attempt={attempt.AttemptId}").ToString(), portal.Page($"pay/cancel?attempt={attempt.AttemptId}").ToString(), attempt.Locale), cancellationToken);
        await mediator.Send(new RecordCheckoutSessionCommand(attempt, session.SessionId, session.Url), cancellationToken);
        return new CheckoutResponse(attempt.AttemptId, session.Url, MoneyDto.Of(attempt.AmountMinor, attempt.Currency));
    }
}

internal sealed class RecordCheckoutSessionHandler(DbSession db, IMediator mediator, TimeProvider time) : IRequestHandler<RecordCheckoutSessionCommand, bool>
{
    private const string SessionSql = "UPDATE payments_attempts SET stripe_session_id = @SessionId, checkout_url = @Url WHERE id = @Id AND stripe_session_id IS NULL";

    /// <summary>True the first time; a repeated request finds the session already recorded and announces nothing again.</summary>
    public async Task<bool> Handle(RecordCheckoutSessionCommand command, CancellationToken cancellationToken)
    {
        var attempt = command.Attempt;
        if (await db.ExecuteAsync(SessionSql, new { Id = attempt.AttemptId, command.SessionId, command.Url }, cancellationToken) == 0)
        {
            return false;
        }

        await mediator.Publish(new PaymentPending(attempt.AttemptId, attempt.DebtorId, attempt.AmountMinor, attempt.Currency, "online", attempt.InvoiceIds, time.GetUtcNow()), cancellationToken);
        return true;
    }
}

/// <summary>What the debtor is about to pay, checked and committed as an open attempt before Stripe hears of it.</summary>
internal sealed class OpenCheckoutAttemptHandler(DbSession db, CallerContext caller, IMediator mediator, TimeProvider time)
    : IRequestHandler<OpenCheckoutAttemptCommand, OpenedCheckout>
{
    private const string InsertSql = """
        INSERT INTO payments_attempts (id, debtor_id, currency, amount_minor, status, items_json, payment_plan_id, created_at, updated_at)
        VALUES (@Id, @DebtorId, @Currency, @AmountMinor, 'open', @ItemsJson, @PaymentPlanId, @Now, @Now)
        """;

    public async Task<OpenedCheckout> Handle(OpenCheckoutAttemptCommand command, CancellationToken cancellationToken)
    {
        var debtorId = DebtorOf(command.Body);
        var debtor = await mediator.Send(new GetDebtorQuery(debtorId), cancellationToken) ?? throw new NotFoundException("Debtor", debtorId);

        var (currency, items, lines) = command.Body.PaymentPlanId is { } planId
            ? await InstallmentAsync(debtorId, planId, cancellationToken)
            : await InvoicesAsync(debtorId, command.Body.Invoices!, cancellationToken);
        foreach (var line in lines)
        {
            StripeGateway.ToStripe(line.AmountMinor, Currency.Of(currency));
        }

        var amount = lines.Sum(l => l.AmountMinor);
        var attemptId = Ids.New("pat", time);
        await db.ExecuteAsync(InsertSql, new { Id = attemptId, DebtorId = debtorId, Currency = currency, AmountMinor = amount, ItemsJson = JsonSerializer.Serialize(items), command.Body.PaymentPlanId, Now = time.GetUtcNow() }, cancellationToken);
        return new OpenedCheckout(attemptId, debtorId, currency, amount, lines, items.Select(i => i.InvoiceId).ToList(), command.Body.Locale ?? LocaleFor(debtor));
    }

    /// <summary>The page in the debtor's language (a session's contact's first) when the portal speaks it; else Stripe picks.</summary>
    private string LocaleFor(DebtorDto debtor)
    {
        var contact = caller.Current.IsDebtor ? debtor.Contacts.FirstOrDefault(c => c.Id == caller.Current.ContactId) : null;
        return DebtorLanguages.StripeLocaleOf(DebtorLanguages.Choose(contact?.Language, debtor.Language));
    }

    private string DebtorOf(StartCheckoutRequest body)
    {
        var me = caller.Current;
        if (me.IsDebtor)
        {
            return body.DebtorId is null || body.DebtorId == me.DebtorId ? me.DebtorId! : throw new NotFoundException("Debtor", body.DebtorId);
        }

        return string.IsNullOrWhiteSpace(body.DebtorId)
            ? throw new ValidationException([new ValidationFailure("debtorId", "Staff must name the debtor the checkout is for.")])
            : body.DebtorId;
    }

    private async Task<(string, List<AttemptItem>, List<CheckoutLine>)> InstallmentAsync(string debtorId, string planId, CancellationToken ct)
    {
        var due = await mediator.Send(new GetNextInstallmentQuery(planId), ct);
        if (due is null || due.DebtorId != debtorId)
        {
            throw new NotFoundException("Payment plan installment", planId);
        }

        return (due.Currency, due.InvoiceIds.Select(id => new AttemptItem(id, null)).ToList(),
            [new CheckoutLine($"Installment {due.Number} of payment plan {planId} (due {due.DueDate:yyyy-MM-dd})", due.AmountMinor)]);
    }

    private async Task<(string, List<AttemptItem>, List<CheckoutLine>)> InvoicesAsync(string debtorId, IReadOnlyList<CheckoutInvoiceRequest> wanted, CancellationToken ct)
    {
        if (wanted.Select(w => w.InvoiceId).Distinct(StringComparer.Ordinal).Count() != wanted.Count)
        {
            throw new BusinessRuleException("Each invoice may appear only once in a checkout.");
        }

        var open = (await mediator.Send(new GetOpenItemsQuery(debtorId), ct)).ToDictionary(i => i.Id, StringComparer.Ordinal);
        var items = new List<AttemptItem>();
        var lines = new List<CheckoutLine>();
        foreach (var want in wanted)
        {
            var item = open.GetValueOrDefault(want.InvoiceId) ?? throw new NotFoundException("Open invoice", want.InvoiceId);
            var currency = Currency.Of(item.Currency);
            if (want.Amount is { } part && !Money.HasValidScale(part, currency))
            {
                throw new BusinessRuleException($"{part} has more decimals than {currency} allows.");
            }

            var amount = want.Amount is { } major ? Money.FromMajor(major, currency).Minor : item.CollectibleMinor;
            if (amount <= 0 || amount > item.CollectibleMinor)
            {
                throw new BusinessRuleException($"Invoice {item.Number} can take at most {new Money(item.CollectibleMinor, currency)} now (disputed amounts excepted).");
            }

            items.Add(new AttemptItem(item.Id, amount));
            lines.Add(new CheckoutLine($"Invoice {item.Number}{(item.PoNumber is null ? "" : $" (PO {item.PoNumber})")}", amount));
        }

        var currencies = wanted.Select(w => open[w.InvoiceId].Currency).Distinct().ToList();
        return currencies.Count == 1 ? (currencies[0], items, lines) : throw new BusinessRuleException("Invoices in different currencies must be paid separately.");
    }
}

internal sealed class StartCheckoutEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/payments/checkout", async (StartCheckoutRequest request, HttpContext http, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new StartCheckoutCommand(request, IdempotencyHeader.From(http)), ct)))
            .RequireAuthorization(Policies.DebtorOrStaff)
            .RequiresIdempotencyKey()
            .WithName("StartCheckout")
            .WithSummary("Start a Stripe checkout")
            .WithDescription("Open a Stripe Checkout page (card, or bank debit for USD/EUR) for invoices or a plan's next installment, in the locale asked for (locale: en, de, fr, es, nl, it or auto; any other value is a 400), else in the debtor's language when it is one of those, else auto. Requires an Idempotency-Key header; 503 when Stripe is not configured.")
            .Produces<CheckoutResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
