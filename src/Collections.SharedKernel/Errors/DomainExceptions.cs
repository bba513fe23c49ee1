namespace Collections.SharedKernel.Errors;

/// <summary>The resource does not exist, or the caller may not know that it exists (404).</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException(string resource, string id)
        : base($"{resource} '{id}' was not found.")
    {
    }

    private NotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>The same answer again, from its stored message (an idempotent replay).</summary>
    public static NotFoundException Because(string message) => new(message);
}

/// <summary>The request conflicts with the resource's current state (409).</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>The request is well-formed but breaks a business rule (422).</summary>
public sealed class BusinessRuleException(string message) : Exception(message);

/// <summary>The caller is known but may not do this (403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>A capability is switched off by configuration (503).</summary>
public sealed class NotConfiguredException(string message) : Exception(message);
