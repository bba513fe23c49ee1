using Collections.Dunning.Domain;
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

public sealed record TemplateResponse(string Key, string Channel, string Tone, string Subject, string Body, int Version, DateTimeOffset UpdatedAt)
{
    internal static TemplateResponse From(TemplateRow t) => new(t.TemplateKey, t.Channel, t.Tone, t.Subject, t.Body, t.Version, t.UpdatedAt);
}

public sealed record SaveTemplateRequest(string? Channel, string? Tone, string? Subject, string? Body);

internal sealed record ListTemplatesQuery : IRequest<IReadOnlyList<TemplateResponse>>;

internal sealed record SaveTemplateCommand(string Key, SaveTemplateRequest Body) : ICommand<TemplateResponse>;

internal sealed class SaveTemplateValidator : AbstractValidator<SaveTemplateCommand>
{
    public SaveTemplateValidator()
    {
        RuleFor(c => c.Key).NotEmpty().Matches("^[a-z0-9_]{1,60}$").WithMessage("Use lowercase letters, digits and underscores.").OverridePropertyName("key");
        RuleFor(c => c.Body.Channel).Must(c => c is Channels.Email or Channels.Letter).WithMessage("Use 'email' or 'letter'.").OverridePropertyName("channel");
        RuleFor(c => c.Body.Tone).Must(t => Tones.All.Contains(t)).WithMessage("Use friendly, firm or final.").OverridePropertyName("tone");
        RuleFor(c => c.Body.Subject).NotEmpty().MaximumLength(300).OverridePropertyName("subject");
        RuleFor(c => c.Body.Body).NotEmpty().MaximumLength(50_000).OverridePropertyName("body");
        RuleFor(c => c.Body.Body).Must(b => b is null || SeedTemplates.RequiredFields.All(b.Contains))
            .WithMessage($"Every message says what happens next and links to the portal: the body must use {string.Join(", ", SeedTemplates.RequiredFields)}.")
            .OverridePropertyName("body");
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

internal sealed class ListTemplatesHandler(DbSession db) : IRequestHandler<ListTemplatesQuery, IReadOnlyList<TemplateResponse>>
{
    private const string ListSql = "SELECT template_key AS TemplateKey, channel AS Channel, tone AS Tone, subject AS Subject, body AS Body, version AS Version, updated_at AS UpdatedAt FROM dunning_templates ORDER BY template_key";

    public async Task<IReadOnlyList<TemplateResponse>> Handle(ListTemplatesQuery request, CancellationToken cancellationToken) =>
        (await db.QueryAsync<TemplateRow>(ListSql, ct: cancellationToken)).Select(TemplateResponse.From).ToList();
}

internal sealed class SaveTemplateHandler(DbSession db, TimeProvider time) : IRequestHandler<SaveTemplateCommand, TemplateResponse>
{
    private const string FindSql = "SELECT template_key AS TemplateKey, channel AS Channel, tone AS Tone, subject AS Subject, body AS Body, version AS Version, updated_at AS UpdatedAt FROM dunning_templates WHERE template_key = @Key";
    private const string UpdateSql = "UPDATE dunning_templates SET channel = @Channel, tone = @Tone, subject = @Subject, body = @Body, version = version + 1, updated_at = @Now WHERE template_key = @Key";
    private const string InsertSql = "INSERT INTO dunning_templates (template_key, channel, tone, subject, body, version, updated_at) VALUES (@Key, @Channel, @Tone, @Subject, @Body, 1, @Now)";

    public async Task<TemplateResponse> Handle(SaveTemplateCommand command, CancellationToken cancellationToken)
    {
        var args = new { command.Key, command.Body.Channel, command.Body.Tone, command.Body.Subject, command.Body.Body, Now = time.GetUtcNow() };
        if (await db.ExecuteAsync(UpdateSql, args, cancellationToken) == 0)
        {
            await db.ExecuteAsync(InsertSql, args, cancellationToken);
        }

        var row = await db.QuerySingleOrDefaultAsync<TemplateRow>(FindSql, new { command.Key }, cancellationToken) ?? throw new NotFoundException("Template", command.Key);
        return TemplateResponse.From(row);
    }
}

internal sealed class TemplatesEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/dunning/templates", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListTemplatesQuery(), ct))
            .RequireAuthorization(Policies.Staff)
            .WithName("ListDunningTemplates")
            .WithSummary("List dunning templates")
            .WithDescription("Message templates with merge fields ({{contactFirstName}}, {{invoiceTable}}, {{nextStep}}, {{nextStepDate}}, {{portalLink}} …).")
            .Produces<IReadOnlyList<TemplateResponse>>();
        api.MapPut("/dunning/templates/{key}", (string key, SaveTemplateRequest request, IMediator mediator, CancellationToken ct) => mediator.Send(new SaveTemplateCommand(key, request), ct))
            .RequireAuthorization(Policies.Admin)
            .WithName("SaveDunningTemplate")
            .WithSummary("Save a dunning template")
            .WithDescription("Create or edit a template; it must say what happens next and link to the portal.")
            .Produces<TemplateResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }
}
