namespace Collections.SharedKernel;

public static class Text
{
    /// <summary>
    /// Fits text the code composes (a summary quoting a note, an error message, who did something) into its
    /// column, ending in "…" when cut and never splitting a surrogate pair. Text a user typed is validated
    /// against the column instead, and refused when too long.
    /// </summary>
    public static string Clip(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = maxLength - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), "…");
    }
}
