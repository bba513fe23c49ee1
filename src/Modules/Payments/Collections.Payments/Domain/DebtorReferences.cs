using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Collections.SharedKernel.Data;

namespace Collections.Payments.Domain;

/// <summary>
/// Each debtor's structured reference to quote on a bank transfer. It is derived from the debtor's id (so it reads the
/// same on every reminder, letter and QR code) and kept once issued, so a statement line carrying it finds its debtor.
/// </summary>
internal sealed class DebtorReferences(DbSession db, TimeProvider time)
{
    private const string ByDebtorSql = "SELECT reference FROM payments_debtor_references WHERE debtor_id = @DebtorId";
    private const string ByReferenceSql = "SELECT debtor_id FROM payments_debtor_references WHERE reference = @Reference";
    private const string InsertSql = "INSERT INTO payments_debtor_references (debtor_id, reference, issued_at) VALUES (@DebtorId, @Reference, @IssuedAt)";

    /// <summary>The debtor's reference, issued on first use.</summary>
    public async Task<string> ForDebtorAsync(string debtorId, CancellationToken ct)
    {
        if (await db.ExecuteScalarAsync<string?>(ByDebtorSql, new { DebtorId = debtorId }, ct) is { } issued)
        {
            return issued;
        }

        // 64 bits of a hash collide once in billions of debtors; the unique index turns that one case into the next salt.
        for (var salt = 0; ; salt++)
        {
            var reference = CreditorReference.Create(Body(debtorId, salt));
            if (await db.ExecuteScalarAsync<string?>(ByReferenceSql, new { Reference = reference }, ct) is null)
            {
                await db.ExecuteAsync(InsertSql, new { DebtorId = debtorId, Reference = reference, IssuedAt = time.GetUtcNow() }, ct);
                return reference;
            }
        }
    }

    /// <summary>The debtor a reference was issued to, if any.</summary>
    public Task<string?> DebtorOfAsync(string reference, CancellationToken ct) =>
        db.ExecuteScalarAsync<string?>(ByReferenceSql, new { Reference = reference }, ct);

    private static string Body(string debtorId, int salt)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(salt == 0 ? debtorId : $"{debtorId}#{salt}"));
        var value = new BigInteger(hash.AsSpan(0, 8), isUnsigned: true);
        var body = new StringBuilder();
        do
        {
            body.Insert(0, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[(int)(value % 36)]);
            value /= 36;
        }
        while (value > 0);

        return body.ToString();
    }
}
