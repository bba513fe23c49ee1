using Collections.Dunning.Domain;
using Collections.Dunning.Domain.Languages;
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

namespace Collections.Dunning.Features.Templates;

/// <summary>Language: the language this wording is written in (a template without a translation answers in English).</summary>
public sealed record TemplateResponse(string Key, string Channel, string Tone, string Subject, string Body, int Version, DateTimeOffset UpdatedAt, string Language)
{
    internal static TemplateResponse From(TemplateRow t) => new(t.TemplateKey, t.Channel, t.Tone, t.Subject, t.Body, t.Version, t.UpdatedAt, t.Language);
}

/// <summary>For a translation (`?language=`), channel and tone are the template's own and may be left out.</summary>
public sealed record SaveTemplateRequest(string? Channel, string? Tone, string? Subject, string? Body);

internal sealed record ListTemplatesQuery(string? Language) : IRequest<IReadOnlyList<TemplateResponse>>;

internal sealed record SaveTemplateCommand(string Key, string? Language, SaveTemplateRequest Body) : ICommand<TemplateResponse>;

internal sealed class ListTemplatesValidator : AbstractValidator<ListTemplatesQuery>
{
    public ListTemplatesValidator() => RuleFor(q => q.Language).Must(l => l is null || Languages.IsSupported(l))
        .WithMessage($"Use one of the languages Collections writes in ({string.Join(", ", Languages.All.Keys)}), optionally with a region such as de-AT.")
        .OverridePropertyName("language");
}

internal sealed class SaveTemplateValidator : AbstractValidator<SaveTemplateCommand>
{
    public const string SmsKeyPrefix = "sms_";

    public SaveTemplateValidator()
    {
        var isTranslation = (SaveTemplateCommand c) => c.Language is not null && !Languages.IsEnglish(c.Language);
        RuleFor(c => c.Key).NotEmpty().Matches("^[a-z0-9_]{1,60}$").WithMessage("Use lowercase letters, digits and underscores.").OverridePropertyName("key");
        RuleFor(c => c.Language).Must(l => l is null || (l.Length <= 20 && Languages.IsSupported(l)))
            .WithMessage($"Use one of the languages Collections writes in ({string.Join(", ", Languages.All.Keys)}), optionally with a region such as de-AT.")
            .OverridePropertyName("language");
        RuleFor(c => c.Body.Channel).Must(c => c is Channels.Email or Channels.Letter or Channels.Sms).WithMessage("Use 'email', 'letter' or 'sms'.").OverridePropertyName("channel")
            .Unless(c => isTranslation(c) && c.Body.Channel is null);
        RuleFor(c => c.Body.Tone).Must(t => Tones.All.Contains(t)).WithMessage("Use friendly, firm or final.").OverridePropertyName("tone")
            .Unless(c => isTranslation(c) && c.Body.Tone is null);
        RuleFor(c => c.Body.Subject).NotEmpty().MaximumLength(300).OverridePropertyName("subject");
        RuleFor(c => c.Body.Body).NotEmpty().MaximumLength(50_000).OverridePropertyName("body");
        // The key says what a template is, so a translation (which names no channel) is checked by the right rules.
        var isSms = (SaveTemplateCommand c) => c.Key?.StartsWith(SmsKeyPrefix, StringComparison.Ordinal) == true;
        RuleFor(c => c.Body.Channel).Must((c, channel) => channel is null || (channel == Channels.Sms) == isSms(c))
            .WithMessage($"An SMS template's key starts with {SmsKeyPrefix}, and only an SMS template's.").OverridePropertyName("channel");
        RuleFor(c => c.Body.Body).Must(b => b is null || SeedTemplates.RequiredFields.All(b.Contains))
            .WithMessage($"Every message says what happens next and links to the portal: the body must use {string.Join(", ", SeedTemplates.RequiredFields)}.")
            .OverridePropertyName("body").Unless(isSms);
        // A text says who writes, what is owed and where to pay, and how to stop the texts; it has no room for the rest.
        RuleFor(c => c.Body.Body).Must(b => b is null || (SmsTexts.RequiredFields.All(b.Contains) && b.Contains(SmsTexts.OptOutKeyword, StringComparison.Ordinal)))
            .WithMessage($"Every SMS names the creditor, what is owed and the portal, and says how to opt out: the body must use {string.Join(", ", SmsTexts.RequiredFields)} and the word {SmsTexts.OptOutKeyword}.")
            .MaximumLength(SmsTexts.MaxLength)
            .OverridePropertyName("body").When(isSms);
        RuleFor(c => c).Custom((command, context) =>
        {
            var allowed = SeedTemplates.AllCourtesy.Any(t => t.Key == command.Key) ? CourtesyOutbox.FieldNames : MessageComposer.FieldNames;
            var unknown = MessageComposer.FieldsUsedIn((command.Body.Subject ?? "") + (command.Body.Body ?? "")).Where(f => !allowed.Contains(f)).Distinct().ToList();
            if (unknown.Count > 0)
            {
                context.AddFailure("body", $"Unknown merge field(s): {string.Join(", ", unknown.Select(f => "{{" + f + "}}"))}. This template may use: {string.Join(", ", allowed.Select(f => "{{" + f + "}}"))}.");
            }
        });
    }
}

internal sealed class ListTemplatesHandler(DbSession db, DunningOptions options) : IRequestHandler<ListTemplatesQuery, IReadOnlyList<TemplateResponse>>
{
    public async Task<IReadOnlyList<TemplateResponse>> Handle(ListTemplatesQuery query, CancellationToken cancellationToken)
    {
        var book = await TemplateBook.LoadAsync(db, cancellationToken);
        var reader = Voice.Reading(query.Language, options.DefaultLanguage);
        return book.ByKey.Values.OrderBy(t => t.TemplateKey, StringComparer.Ordinal)
            .Select(t => TemplateResponse.From(query.Language is null ? t : book.InLanguageOf(t, reader)))
            .ToList();
    }
}

/// <summary>
/// Saves a template's English wording (with its channel and tone), or with `?language=` its wording in another
/// language. A translation needs the template to exist and must use every merge field its English wording uses: a
/// German reminder without {{totalDue}} would tell the debtor less than the English one.
/// </summary>
internal sealed class SaveTemplateHandler(DbSession db, TimeProvider time) : IRequestHandler<SaveTemplateCommand, TemplateResponse>
{
    private const string UpdateSql = "UPDATE dunning_templates SET channel = @Channel, tone = @Tone, subject = @Subject, body = @Body, version = version + 1, updated_at = @Now WHERE template_key = @Key";
    private const string InsertSql = "INSERT INTO dunning_templates (template_key, channel, tone, subject, body, version, updated_at) VALUES (@Key, @Channel, @Tone, @Subject, @Body, 1, @Now)";
    private const string UpdateTranslationSql = """
        UPDATE dunning_template_translations SET subject = @Subject, body = @Body, version = version + 1, updated_at = @Now
        WHERE template_key = @Key AND language = @Language
        """;
    private const string InsertTranslationSql = """
        INSERT INTO dunning_template_translations (template_key, language, subject, body, version, updated_at)
        VALUES (@Key, @Language, @Subject, @Body, 1, @Now)
        """;

    public async Task<TemplateResponse> Handle(SaveTemplateCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        if (command.Language is not { } tag || Languages.IsEnglish(tag))
        {
            var args = new { command.Key, body.Channel, body.Tone, body.Subject, body.Body, Now = time.GetUtcNow() };
            if (await db.ExecuteAsync(UpdateSql, args, cancellationToken) == 0)
            {
                await db.ExecuteAsync(InsertSql, args, cancellationToken);
            }

            return TemplateResponse.From((await TemplateBook.LoadAsync(db, command.Key, cancellationToken)).ByKey[command.Key]);
        }

        var language = Languages.Normalize(tag);
        var template = (await TemplateBook.LoadAsync(db, command.Key, cancellationToken)).ByKey.GetValueOrDefault(command.Key)
            ?? throw new NotFoundException("Template", command.Key);
        if ((body.Channel ?? template.Channel) != template.Channel || (body.Tone ?? template.Tone) != template.Tone)
        {
            throw new ValidationException([new("channel", $"A translation keeps the template's channel ({template.Channel}) and tone ({template.Tone}); change them on the English template.")]);
        }

        var missing = MessageComposer.FieldsUsedIn(template.Subject + template.Body).Distinct()
            .Except(MessageComposer.FieldsUsedIn(body.Subject + body.Body)).ToList();
        if (missing.Count > 0)
        {
            throw new ValidationException([new("body", $"The {language} wording leaves out merge field(s) the English one uses: {string.Join(", ", missing.Select(f => "{{" + f + "}}"))}.")]);
        }

        var translation = new { command.Key, Language = language, body.Subject, body.Body, Now = time.GetUtcNow() };
        if (await db.ExecuteAsync(UpdateTranslationSql, translation, cancellationToken) == 0)
        {
            await db.ExecuteAsync(InsertTranslationSql, translation, cancellationToken);
        }

        var saved = await TemplateBook.LoadAsync(db, command.Key, cancellationToken);
        return TemplateResponse.From(saved.InLanguageOf(saved.ByKey[command.Key], Voice.Reading(language, language)));
    }
}

internal sealed class TemplatesEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/dunning/templates", (string? language, IMediator mediator, CancellationToken ct) => mediator.Send(new ListTemplatesQuery(language), ct))
            .RequireAuthorization(Policies.Staff)
            .WithName("ListDunningTemplates")
            .WithSummary("List dunning templates")
            .WithDescription(
                "Message templates with merge fields ({{salutation}}, {{invoiceTable}}, {{nextStep}}, {{nextStepDate}}, {{portalLink}} …). "
                + "With `language` (en, de, fr, es, nl, it, optionally with a region such as de-AT), each template as a debtor of that language reads "
                + "it: the regional wording, else the language's, else the creditor's default language, else English; `language` in each answer says which.")
            .Produces<IReadOnlyList<TemplateResponse>>()
            .ProducesValidationProblem();
        api.MapPut("/dunning/templates/{key}", (string key, string? language, SaveTemplateRequest request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new SaveTemplateCommand(key, language, request), ct))
            .RequireAuthorization(Policies.Admin)
            .WithName("SaveDunningTemplate")
            .WithSummary("Save a dunning template")
            .WithDescription(
                "Create or edit a template; it must say what happens next and link to the portal. With `language`, save the template's wording in "
                + "that language (or regional variant, such as de-AT): the template must exist, and the wording must use every merge field the "
                + "English one uses.")
            .Produces<TemplateResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
