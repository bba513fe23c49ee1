using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Collections.Invoicing.Bench;

/// <summary>
/// The baseline: the rows one imported invoice leaves behind (the receivable, its opening ledger entry and its
/// activity entry) inserted with Dapper, one transaction per batch, into the same schema.
/// </summary>
internal static class RawInsert
{
    private const string ReceivableSql = """
        INSERT INTO invoicing_receivables (id, kind, external_id, debtor_id, parent_id, number, po_number, currency, issue_date, due_date,
            total_minor, balance_minor, paid_minor, credited_minor, disputed_minor, payment_plan_id, placed, status, net_days,
            discount_basis_points, discount_days, late_fee_policy_json, content_hash, version, created_at, updated_at)
        VALUES (@Id, 'invoice', @ExternalId, @DebtorId, NULL, @Number, @PoNumber, @Currency, @IssueDate, @DueDate,
            @TotalMinor, @TotalMinor, 0, 0, 0, NULL, 0, 'open', NULL, NULL, NULL, NULL, @Hash, 1, @Now, @Now)
        """;

    private const string LedgerSql = """
        INSERT INTO invoicing_ledger_entries (id, debtor_id, item_id, entry_type, amount_minor, currency, balance_after_minor, source_type, source_id, reason, effective_date, recorded_at)
        VALUES (@LedgerId, @DebtorId, @Id, 'charge', @TotalMinor, @Currency, @TotalMinor, 'erp', @ExternalId, 'Invoice issued', @IssueDate, @Now)
        """;

    private const string ActivitySql = """
        INSERT INTO invoicing_activity (id, debtor_id, invoice_id, activity_type, summary, details_json, actor, occurred_at)
        VALUES (@ActivityId, @DebtorId, @Id, 'invoice.created', @Summary, NULL, 'admin:bench', @Now)
        """;

    public static async Task<double> RunAsync(string databasePath, int count, int batch, int debtors)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=True");
        await connection.OpenAsync();
        var now = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        for (var start = 0; start < count; start += batch)
        {
            var rows = Rows.Invoices(start, Math.Min(batch, count - start), debtors).Select(i => new
            {
                Id = $"inv_bench{i.ExternalId}",
                LedgerId = $"led_bench{i.ExternalId}",
                ActivityId = $"act_bench{i.ExternalId}",
                i.ExternalId,
                DebtorId = $"deb_{i.DebtorExternalId}",
                i.Number,
                i.PoNumber,
                i.Currency,
                IssueDate = DateOnly.Parse(i.IssueDate, CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                DueDate = DateOnly.Parse(i.DueDate, CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                TotalMinor = decimal.ToInt64(i.Total * 100),
                Hash = new string('0', 64),
                Summary = $"Invoice {i.Number} for {i.Total:F2} EUR due {i.DueDate}.",
                Now = now,
            }).ToList();
            await using var transaction = await connection.BeginTransactionAsync();
            await connection.ExecuteAsync(ReceivableSql, rows, transaction);
            await connection.ExecuteAsync(LedgerSql, rows, transaction);
            await connection.ExecuteAsync(ActivitySql, rows, transaction);
            await transaction.CommitAsync();
        }

        return count / clock.Elapsed.TotalSeconds;
    }
}
