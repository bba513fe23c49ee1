namespace Collections.SharedKernel.Errors;

/// <summary>The resource does not exist, or the caller may not know that it exists (404).</summary>
public sealed class NotFoundException(string resource, string id)
    : Exception($"{resource} '{id}' was not found.");

/// <summary>The request conflicts with the resource's current state (409).</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>The request is well-formed but breaks a business rule (422).</summary>
public sealed class BusinessRuleException(string message) : Exception(message);

/// <summary>The caller is known but may not do this (403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>A capability is switched off by configuration (503).</summary>
public sealed class NotConfiguredException(string message) : Exception(message);
