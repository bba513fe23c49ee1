namespace Collections.Disputes.Features.Attachments;

/// <summary>Evidence files: judged by their first bytes, never by the name or the declared type.</summary>
internal static class AttachmentRules
{
    public const long MaxBytes = 10L * 1024 * 1024;
    public const int MaxPerDispute = 5;

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];

    public static string? SniffContentType(ReadOnlySpan<byte> content) =>
        content.StartsWith(Pdf) ? "application/pdf"
        : content.StartsWith(Png) ? "image/png"
        : content.StartsWith(Jpeg) ? "image/jpeg"
        : null;

    /// <summary>The tail of a longer name is kept, so the extension survives.</summary>
    public const int FileNameLength = 200;

    public static string SafeFileName(string? name)
    {
        var file = Path.GetFileName((name ?? string.Empty).Replace('\\', '/'));
        var cleaned = new string(file.Where(c => !char.IsControl(c) && c is not ('"' or '/' or '\\')).ToArray()).Trim();
        if (cleaned.Length == 0)
        {
            cleaned = "attachment";
        }

        return cleaned.Length > FileNameLength ? cleaned[^FileNameLength..] : cleaned;
    }
}
