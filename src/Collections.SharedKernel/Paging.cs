using System.Text;

namespace Collections.SharedKernel;

public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>Opaque cursors for keyset paging: the cursor is the sort key of the last item returned.</summary>
public static class Cursor
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static string Encode(string lastKey) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(lastKey)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string? cursor, out string key)
    {
        key = string.Empty;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, buffer, out var written))
        {
            return false;
        }

        key = Encoding.UTF8.GetString(buffer, 0, written);
        return true;
    }

    public static string Decode(string? cursor) => TryDecode(cursor, out var key) ? key : string.Empty;

    /// <summary>Builds a page from rows fetched with limit + 1, so the extra row tells whether another page exists.</summary>
    public static Page<T> ToPage<T>(IReadOnlyList<T> rowsFetchedWithOneExtra, int limit, Func<T, string> keyOf)
    {
        if (rowsFetchedWithOneExtra.Count <= limit)
        {
            return new Page<T>(rowsFetchedWithOneExtra, null);
        }

        var items = rowsFetchedWithOneExtra.Take(limit).ToList();
        return new Page<T>(items, Encode(keyOf(items[^1])));
    }
}
