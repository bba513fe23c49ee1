namespace Collections.SharedKernel.Security;

public static class Roles
{
    public const string Erp = "erp";
    public const string Staff = "staff";
    public const string Admin = "admin";
    public const string Debtor = "debtor";
    public const string System = "system";
    public const string Anonymous = "anonymous";

    public static readonly IReadOnlyList<string> ApiKeyRoles = [Erp, Staff, Admin];
}

/// <summary>Who is making the request: an API key with its role, a debtor's portal session, or the system itself.</summary>
public sealed record Caller(string Id, string Name, string Role, string? DebtorId = null, string? ContactId = null)
{
    public static readonly Caller System = new("system", "Collections", Roles.System);

    /// <summary>
    /// An HTTP request with no credential. It sees no debtor, so an endpoint that forgets to require one shows nothing;
    /// the few anonymous endpoints act as <see cref="System"/> only once their own proof (a signature) holds.
    /// </summary>
    public static readonly Caller Anonymous = new("anonymous", "anonymous", Roles.Anonymous);

    /// <summary>The width of every column that records who did something (created_by, actor, author ...).</summary>
    public const int ActorLength = 200;

    /// <summary>
    /// For a portal session opened with a link a staff member made: that staff member's name. Whoever holds such a link
    /// acts for the debtor, but the record must not pretend the debtor acted.
    /// </summary>
    public string? OnBehalfBy { get; init; }

    /// <summary>For an API key: the client it belongs to, which the keys that replaced one another by rotation share.</summary>
    public string? Client { get; init; }

    /// <summary>Who did something, as the record of it says: "staff:Jane Doe", or "staff:Jane Doe on behalf of Acme GmbH".</summary>
    public string Actor => Text.Clip(OnBehalfBy is null ? $"{Role}:{Name}" : $"{Roles.Staff}:{OnBehalfBy} on behalf of {Name}", ActorLength);

    /// <summary>How a sentence about the caller names them: "Jane Doe", or "staff Jane Doe on behalf of Acme GmbH".</summary>
    public string Described => OnBehalfBy is null ? Name : $"staff {OnBehalfBy} on behalf of {Name}";

    public bool IsDebtor => Role == Roles.Debtor;

    public bool IsStaff => Role is Roles.Staff or Roles.Admin or Roles.System;

    /// <summary>A debtor session sees its own debtor only; an anonymous caller none; everyone else every debtor.</summary>
    public bool CanSee(string debtorId) => Role != Roles.Anonymous && (!IsDebtor || DebtorId == debtorId);
}

/// <summary>The caller of the current scope: set by authentication for a request (Anonymous until then), System in background work.</summary>
public sealed class CallerContext
{
    public Caller Current { get; set; } = Caller.System;
}
