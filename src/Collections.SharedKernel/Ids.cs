using System.Security.Cryptography;

namespace Collections.SharedKernel;

/// <summary>
/// Prefixed, time-ordered identifiers (prefix + 26 Crockford base32 chars, like a ULID):
/// readable in logs, sortable for cursor paging, and the same text on every database.
/// </summary>
public static class Ids
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New(string prefix, TimeProvider? time = null)
    {
        var millis = (time ?? TimeProvider.System).GetUtcNow().ToUnixTimeMilliseconds();
        Span<byte> random = stackalloc byte[10];
        RandomNumberGenerator.Fill(random);

        Span<char> chars = stackalloc char[26];
        for (var i = 9; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(millis & 31)];
            millis >>= 5;
        }

        ulong high = 0;
        for (var i = 0; i < 5; i++)
        {
            high = (high << 8) | random[i];
        }

        ulong low = 0;
        for (var i = 5; i < 10; i++)
        {
            low = (low << 8) | random[i];
        }

        for (var i = 17; i >= 10; i--)
        {
            chars[i] = Alphabet[(int)(high & 31)];
            high >>= 5;
        }

        for (var i = 25; i >= 18; i--)
        {
            chars[i] = Alphabet[(int)(low & 31)];
            low >>= 5;
        }

        return string.Concat(prefix, "_", chars);
    }
}
