using Collections.Dunning.Domain;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Web;
using FluentValidation;
using MediatR;

namespace Collections.Dunning.Features.DunningPolicies;

public sealed record SavePolicyRequest(string? Name, string? Description, IReadOnlyList<PolicyStep>? Steps);

public sealed record PolicyResponse(string Id, string Name, string Description, IReadOnlyList<PolicyStep> Steps, int Version)
{
    internal static PolicyResponse From(DunningPolicy p) => new(p.Id, p.Name, p.Description, p.Steps, p.Version);
}

internal sealed record ListPoliciesQuery(string? Id = null) : IRequest<IReadOnlyList<PolicyResponse>>;

internal sealed record SavePolicyCommand(string? Id, SavePolicyRequest Body) : ICommand<PolicyResponse>;

internal sealed record DeletePolicyCommand(string Id) : ICommand<bool>;

internal sealed class SavePolicyValidator : AbstractValidator<SavePolicyCommand>
{
    public SavePolicyValidator()
    {
        RuleFor(c => c.Body.Name).NotEmpty().Matches("^[a-z0-9_]{1,60}$").WithMessage("Use lowercase letters, digits and underscores.").OverridePropertyName("name");
        RuleFor(c => c.Body.Description).MaximumLength(500).OverridePropertyName("description");
        RuleFor(c => c.Body.Steps).NotEmpty().Must(s => s is null || s.Count <= 20).OverridePropertyName("steps");
        RuleFor(c => c.Body.Steps).Must(s => s is null || s.Any(step => step is null) || s.Select(x => x.Key).Distinct().Count() == s.Count).WithMessage("Step keys must be unique.").OverridePropertyName("steps");
        RuleFor(c => c.Body.Steps).Must(s => s is null || s.Any(step => step is null) || s.Zip(s.Skip(1)).All(p => p.First.OffsetDays < p.Second.OffsetDays))
            .WithMessage("Steps must be ordered by strictly increasing offsetDays.").OverridePropertyName("steps");
        RuleForEach(c => c.Body.Steps).NoEmptyItems().OverridePropertyName("steps");
        RuleForEach(c => c.Body.Steps).ChildRules(step =>
        {
            step.RuleFor(s => s.Key).NotEmpty().Matches("^[a-z0-9_]{1,60}$").NotEqual(StepKeys.SmallBalance);
            step.RuleFor(s => s.OffsetDays).InclusiveBetween(-60, 365);
            step.RuleFor(s => s.Channel).Must(c => Channels.All.Contains(c)).WithMessage("Use email, letter, sms or call_task.");
            step.RuleFor(s => s.Tone).Must(t => Tones.All.Contains(t)).WithMessage("Use friendly, firm or final.");
            step.RuleFor(s => s.Action).Must(a => StepActions.All.Contains(a)).WithMessage($"Use one of: {string.Join(", ", StepActions.All)}.");
            step.RuleFor(s => s.Template).NotEmpty().MaximumLength(60);
        }).OverridePropertyName("steps");
    }
}

internal sealed class ListPoliciesHandler(DbSession db) : IRequestHandler<ListPoliciesQuery, IReadOnlyList<PolicyResponse>>
{
    public const string ListSql = "SELECT id AS Id, name AS Name, description AS Description, steps_json AS StepsJson, version AS Version FROM dunning_policies ORDER BY name";

    public async Task<IReadOnlyList<PolicyResponse>> Handle(ListPoliciesQuery request, CancellationToken cancellationToken)
    {
        var all = (await db.QueryAsync<PolicyRow>(ListSql, ct: cancellationToken)).Where(p => request.Id is null || p.Id == request.Id).Select(p => PolicyResponse.From(p.ToPolicy())).ToList();
        return request.Id is not null && all.Count == 0 ? throw new NotFoundException("Policy", request.Id) : all;
    }
}

internal sealed class SavePolicyHandler(DbSession db, TimeProvider time) : IRequestHandler<SavePolicyCommand, PolicyResponse>
{
    private const string TemplatesSql = "SELECT template_key AS TemplateKey, channel AS Channel FROM dunning_templates";
    private const string InsertSql = "INSERT INTO dunning_policies (id, name, description, steps_json, version, created_at, updated_at) VALUES (@Id, @Name, @Description, @StepsJson, 1, @Now, @Now)";
    private const string UpdateSql = "UPDATE dunning_policies SET name = @Name, description = @Description, steps_json = @StepsJson, version = version + 1, updated_at = @Now WHERE id = @Id";
    private const string NameTakenSql = "SELECT COUNT(*) FROM dunning_policies WHERE name = @Name AND id <> @Id";

    public async Task<PolicyResponse> Handle(SavePolicyCommand command, CancellationToken cancellationToken)
    {
        var steps = command.Body.Steps!;
        var templates = (await db.QueryAsync<TemplateChannel>(TemplatesSql, ct: cancellationToken)).ToDictionary(t => t.TemplateKey, t => t.Channel);
        var missing = steps.Where(s => s.SendsMessage && !templates.ContainsKey(s.Template)).Select(s => s.Template).ToList();
        if (missing.Count > 0)
        {
            throw new BusinessRuleException($"Unknown templates: {string.Join(", ", missing)}.");
        }

        // A text is two lines of plain text, an e-mail or letter a page of HTML: neither can be written with the other's template.
        var mismatched = steps.Where(s => s.SendsMessage && (s.Channel == Channels.Sms) != (templates[s.Template] == Channels.Sms)).ToList();
        if (mismatched.Count > 0)
        {
            throw new BusinessRuleException(string.Join(" ", mismatched.Select(s => s.Channel == Channels.Sms
                ? $"Step {s.Key} goes by SMS, so it needs an SMS template (sms_notice, sms_firm, sms_final or one of yours), not {s.Template}."
                : $"Step {s.Key} goes by {s.Channel}, so it cannot use the SMS template {s.Template}.")));
        }

        var id = command.Id ?? Ids.New("pol", time);
        if (await db.ExecuteScalarAsync<long>(NameTakenSql, new { command.Body.Name, Id = id }, cancellationToken) > 0)
        {
            throw new ConflictException($"A policy named '{command.Body.Name}' already exists.");
        }

        var args = new { Id = id, command.Body.Name, Description = command.Body.Description ?? string.Empty, StepsJson = PolicyJson.Write(steps), Now = time.GetUtcNow() };
        if (command.Id is null)
        {
            await db.ExecuteAsync(InsertSql, args, cancellationToken);
        }
        else if (await db.ExecuteAsync(UpdateSql, args, cancellationToken) == 0)
        {
            throw new NotFoundException("Policy", command.Id);
        }

        var row = (await db.QueryAsync<PolicyRow>(ListPoliciesHandler.ListSql, ct: cancellationToken)).Single(p => p.Id == id);
        return PolicyResponse.From(row.ToPolicy());
    }
}

internal sealed class DeletePolicyHandler(DbSession db) : IRequestHandler<DeletePolicyCommand, bool>
{
    private const string InUseSql = "SELECT COUNT(*) FROM dunning_debtor_settings WHERE policy_id = @Id";
    private const string DeleteSql = "DELETE FROM dunning_policies WHERE id = @Id AND name NOT IN ('standard', 'strategic', 'high_risk')";

    public async Task<bool> Handle(DeletePolicyCommand command, CancellationToken cancellationToken)
    {
        if (await db.ExecuteScalarAsync<long>(InUseSql, new { command.Id }, cancellationToken) > 0)
        {
            throw new ConflictException("Debtors still use this policy; move them to another one first.");
        }

        return await db.ExecuteAsync(DeleteSql, new { command.Id }, cancellationToken) > 0
            ? true
            : throw new ConflictException("The policy does not exist or is a segment's policy (standard, strategic, high_risk), which can be edited but not deleted.");
    }
}

internal sealed record TemplateChannel
{
    public string TemplateKey { get; init; } = "";
    public string Channel { get; init; } = "";
}
