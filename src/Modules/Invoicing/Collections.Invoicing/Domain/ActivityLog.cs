using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Security;

namespace Collections.Invoicing.Domain;

/// <summary>The debtor's append-only activity log: rows are inserted, never updated or deleted.</summary>
internal sealed class ActivityLog(DbSession db, CallerContext caller, TimeProvider time)
{
    public const string InsertSql = """
        INSERT INTO invoicing_activity (id, debtor_id, invoice_id, activity_type, summary, details_json, actor, occurred_at)
        VALUES (@Id, @DebtorId, @InvoiceId, @Type, @Summary, @DetailsJson, @Actor, @Now)
        """;

    public async Task<string> AppendAsync(string debtorId, string type, string summary, string? invoiceId = null, string? detailsJson = null, CancellationToken ct = default)
    {
        var id = Ids.New("act", time);
        var actor = Actor;
        await db.ExecuteAsync(InsertSql, new { Id = id, DebtorId = debtorId, InvoiceId = invoiceId, Type = type, Summary = summary, DetailsJson = detailsJson, Actor = actor, Now = time.GetUtcNow() }, ct);
        return id;
    }

    /// <summary>The same rows as <see cref="AppendAsync"/>, written as one batched statement.</summary>
    public async Task<IReadOnlyList<string>> AppendManyAsync(IReadOnlyList<Contracts.ActivityToRecord> entries, CancellationToken ct = default)
    {
        var actor = Actor;
        var now = time.GetUtcNow();
        var rows = entries.Select(e => new { Id = Ids.New("act", time), e.DebtorId, e.InvoiceId, e.Type, e.Summary, e.DetailsJson, Actor = actor, Now = now }).ToList();
        if (rows.Count > 0)
        {
            await db.ExecuteAsync(InsertSql, rows, ct);
        }

        return rows.Select(r => r.Id).ToList();
    }

    private string Actor => caller.Current is { } who ? who.Actor : "system";
}
