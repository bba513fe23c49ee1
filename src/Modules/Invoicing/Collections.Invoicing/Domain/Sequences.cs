using Collections.SharedKernel.Data;

namespace Collections.Invoicing.Domain;

/// <summary>Gap-free document numbers (credit notes, fee charges), drawn inside the caller's transaction.</summary>
internal sealed class Sequences(DbSession db)
{
    private const string NextSql = "UPDATE invoicing_sequences SET next_value = next_value + 1 WHERE name = @Name";
    private const string ReadSql = "SELECT next_value FROM invoicing_sequences WHERE name = @Name";
    private const string StartSql = "INSERT INTO invoicing_sequences (name, next_value) VALUES (@Name, 2)";

    public async Task<string> NextAsync(string name, string prefix, CancellationToken ct)
    {
        long value;
        if (await db.ExecuteAsync(NextSql, new { Name = name }, ct) == 0)
        {
            await db.ExecuteAsync(StartSql, new { Name = name }, ct);
            value = 1;
        }
        else
        {
            value = await db.ExecuteScalarAsync<long>(ReadSql, new { Name = name }, ct) - 1;
        }

        return $"{prefix}-{value:D6}";
    }
}
