namespace Collections.SharedKernel.Security;

/// <summary>Authorization policies. Roles nest: erp &lt; staff &lt; admin; a debtor session is outside that ladder.</summary>
public static class Policies
{
    /// <summary>ERP systems and everyone above: write debtors, invoices, payments; read everything.</summary>
    public const string Erp = "erp";

    /// <summary>Collection actions: staff and admin.</summary>
    public const string Staff = "staff";

    /// <summary>Keys and settings.</summary>
    public const string Admin = "admin";

    /// <summary>Endpoints the portal uses: any API key, or a debtor session scoped to its own debtor.</summary>
    public const string Portal = "portal";

    /// <summary>Actions a debtor takes for itself, or staff take for a debtor; ERP keys may not.</summary>
    public const string DebtorOrStaff = "debtor-or-staff";
}

/// <summary>Turns a bearer token into a caller. The host asks each registered resolver in turn.</summary>
public interface IBearerTokenResolver
{
    Task<Caller?> ResolveAsync(string token, CancellationToken cancellationToken);
}
