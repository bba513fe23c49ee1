using Collections.Invoicing.Contracts;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using MediatR;

namespace Collections.Dunning.Domain;

internal sealed class DebtorSettingsStore(DbSession db, IMediator mediator, TimeProvider time)
{
    private const string FindSql = "SELECT debtor_id AS DebtorId, policy_id AS PolicyId, do_not_contact AS DoNotContact, hold_until AS HoldUntil, hold_reason AS HoldReason FROM dunning_debtor_settings WHERE debtor_id = @DebtorId";
    private const string InsertSql = """
        INSERT INTO dunning_debtor_settings (debtor_id, policy_id, do_not_contact, hold_until, hold_reason, updated_at)
        VALUES (@DebtorId, @PolicyId, @DoNotContact, @HoldUntil, @HoldReason, @Now)
        """;
    private const string UpdateSql = """
        UPDATE dunning_debtor_settings SET policy_id = @PolicyId, do_not_contact = @DoNotContact, hold_until = @HoldUntil, hold_reason = @HoldReason, updated_at = @Now
        WHERE debtor_id = @DebtorId
        """;

    public async Task<DebtorDto> DebtorAsync(string debtorId, CancellationToken ct) =>
        await mediator.Send(new GetDebtorQuery(debtorId), ct) ?? throw new NotFoundException("Debtor", debtorId);

    public async Task<SettingsRow> GetAsync(string debtorId, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<SettingsRow>(FindSql, new { DebtorId = debtorId }, ct) ?? new SettingsRow { DebtorId = debtorId };

    public async Task SaveAsync(SettingsRow settings, CancellationToken ct)
    {
        var args = new { settings.DebtorId, settings.PolicyId, settings.DoNotContact, settings.HoldUntil, settings.HoldReason, Now = time.GetUtcNow() };
        if (await db.ExecuteAsync(UpdateSql, args, ct) == 0)
        {
            await db.ExecuteAsync(InsertSql, args, ct);
        }
    }
}
