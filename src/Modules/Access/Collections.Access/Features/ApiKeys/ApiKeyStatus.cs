namespace Collections.Access.Features.ApiKeys;

internal static class ApiKeyStatus
{
    /// <summary>A key works until its revocation time; a rotated key's lies in the future while its successor rolls out.</summary>
    public const string ActiveCondition = "(revoked_at IS NULL OR revoked_at > @Now)";
}
