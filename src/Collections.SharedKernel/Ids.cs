using System.Security.Cryptography;

namespace Collections.SharedKernel;

/// <summary>
/// Prefixed, time-ordered identifiers (prefix + 26 Crockford base32 chars, a monotonic ULID):
/// readable in logs, sortable for cursor paging, and the same text on every database. Within one
/// process, ids made later always sort later, even in the same millisecond or under a frozen test clock.
/// </summary>
public static class Ids
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static readonly Lock Gate = new();
    private static long lastMillis;
    private static UInt128 lastRandom;

    public static string New(string prefix, TimeProvider? time = null)
    {
        var millis = (time ?? TimeProvider.System).GetUtcNow().ToUnixTimeMilliseconds();
        UInt128 random;
        lock (Gate)
        {
            if (millis <= lastMillis)
            {
                millis = lastMillis;
                random = lastRandom + 1;
            }
            else
            {
                Span<byte> bytes = stackalloc byte[16];
                RandomNumberGenerator.Fill(bytes);
                random = new UInt128(BitConverter.ToUInt64(bytes[..8]) & 0xFFFF, BitConverter.ToUInt64(bytes[8..]));
            }

            lastMillis = millis;
            lastRandom = random;
        }

        Span<char> chars = stackalloc char[26];
        for (var i = 9; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(millis & 31)];
            millis >>= 5;
        }

        for (var i = 25; i >= 10; i--)
        {
            chars[i] = Alphabet[(int)(random & 31)];
            random >>= 5;
        }

        return string.Concat(prefix, "_", chars);
    }
}
