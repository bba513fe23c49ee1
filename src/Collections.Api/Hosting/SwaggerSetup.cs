using Collections.Access;
using Collections.SharedKernel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Collections.Api.Hosting;

internal static class SwaggerSetup
{
    /// <summary>One line per module, shown above its operations; the modules are the tags.</summary>
    private static readonly (string Tag, string Description)[] Modules =
    [
        ("Invoicing", "Debtors, invoices, credit notes, late fees, statements and the aging report: what the ERP sends and what is owed."),
        ("Payments", "Payments received, Stripe checkout, refunds, bank transfer instructions, account credit and the payments feed."),
        ("Disputes", "A debtor's objection to all or part of an invoice, its message thread, evidence and resolution."),
        ("PaymentPlans", "Installment plans: quotes, agreement within policy or staff approval, and tracking of each installment."),
        ("Dunning", "Reminder policies and templates, dunning runs, the e-mail outbox, letters, promises to pay, call tasks and escalation."),
        ("Insights", "DSO, CEI, monthly trends, explainable risk scores and early-warning alerts."),
        ("Webhooks", "ERP webhook endpoints signed per Standard Webhooks, their delivery log and the event catalogue."),
        ("Platform", "API keys, portal links and sessions, and the caller's identity."),
    ];

    public static IServiceCollection AddCollectionsSwagger(this IServiceCollection services, IConfiguration configuration)
    {
        var publicAddress = AccessModule.PortalBaseUrl(configuration);
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Collections API",
                Version = "v1",
                Description = "B2B accounts-receivable collections: debtors, invoices, payments, disputes, payment plans, dunning and insights. "
                    + "Authenticate with 'Authorization: Bearer <API key or portal session>'. "
                    + "Money is { amount, currency }: amount is an exact decimal in major units with at most the currency's decimals "
                    + "(stored as integer minor units), so read and write it as a decimal, never as a binary floating-point number. "
                    + "Changes in this version: the upserts by the ERP's id moved to PUT /api/v1/debtors/by-external-id/{externalId} and "
                    + "PUT /api/v1/invoices/by-external-id/{externalId} (they were /debtors/{externalId} and /invoices/{externalId}, which "
                    + "could not be told from the internal-id paths).",
                Contact = new OpenApiContact
                {
                    Name = configuration["OpenApi:ContactName"] ?? "Collections API support",
                    Email = configuration["OpenApi:ContactEmail"],
                    Url = new Uri(configuration["OpenApi:ContactUrl"] ?? $"{publicAddress.TrimEnd('/')}/swagger"),
                },
            });
            options.AddServer(new OpenApiServer { Url = publicAddress.TrimEnd('/'), Description = "This installation (Portal:BaseUrl)." });
            options.AddSecurityDefinition(BearerAuthentication.Scheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key (role erp, staff or admin) or a debtor portal session token.",
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(BearerAuthentication.Scheme, document)] = [],
            });
            options.UseAllOfToExtendReferenceSchemas();
            options.SupportNonNullableReferenceTypes();
            options.NonNullableReferenceTypesAsRequired();
            options.MapType<decimal>(() => new OpenApiSchema { Type = JsonSchemaType.Number, Format = "decimal" });
            options.MapType<decimal?>(() => new OpenApiSchema { Type = JsonSchemaType.Number | JsonSchemaType.Null, Format = "decimal" });
            options.OperationFilter<CommonResponses>();
            options.DocumentFilter<ModuleTags>();
        });
        return services;
    }

    /// <summary>Declares what every operation may answer besides its own results, and types text and file bodies as strings.</summary>
    private sealed class CommonResponses : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            operation.Responses ??= [];
            var required = metadata.OfType<IdempotencyKeyRequired>().Any();
            if (required || metadata.OfType<IdempotencyKeyAccepted>().Any())
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = IdempotencyHeader.Name,
                    In = ParameterLocation.Header,
                    Required = required,
                    Description = (required ? "Your unique id for this request (a UUID, say)." : "Optional: your unique id for this request (a UUID, say).") +
                        " A repeat with the same key within 24 hours returns the first answer, refusals (403, 404, 422) included, marked Idempotent-Replayed, and changes nothing.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyHeader.MaxLength },
                });
            }

            if (!metadata.OfType<IAllowAnonymous>().Any())
            {
                Add(operation, context, StatusCodes.Status401Unauthorized, "No valid API key or portal session was sent.");
                Add(operation, context, StatusCodes.Status403Forbidden, "The caller's role may not perform this action, or the debtor is not the session's own.");
            }

            if (operation.RequestBody is not null)
            {
                Add(operation, context, StatusCodes.Status400BadRequest, "The body could not be read, or a field is invalid (see errors).");
                Add(operation, context, StatusCodes.Status413PayloadTooLarge, "The body is larger than Collections:MaxRequestBodyBytes.");
                Add(operation, context, StatusCodes.Status415UnsupportedMediaType, "The body is not of a content type this operation reads.");
            }
            else if (operation.Parameters is { Count: > 0 })
            {
                Add(operation, context, StatusCodes.Status400BadRequest, "A parameter could not be read or is invalid.");
            }

            if (context.ApiDescription.RelativePath?.Contains('{', StringComparison.Ordinal) == true)
            {
                Add(operation, context, StatusCodes.Status404NotFound, "Nothing with this id exists, or the caller may not see it.");
            }

            if (context.ApiDescription.HttpMethod is "POST" or "PUT" or "DELETE")
            {
                Add(operation, context, StatusCodes.Status409Conflict, "The request conflicts with the current state, or a concurrent request changed it first; retry.");
                Add(operation, context, StatusCodes.Status422UnprocessableEntity, "The request is well formed but breaks a business rule (see detail).");
            }

            Add(operation, context, StatusCodes.Status503ServiceUnavailable, "The database is busy, or a service this operation needs is not configured; retry after Retry-After.");

            // Portal sessions are rate limited on every endpoint; so is the magic-link exchange per client address.
            Add(operation, context, StatusCodes.Status429TooManyRequests, "Too many requests; retry after the Retry-After header's seconds.");

            foreach (var (mediaType, media) in operation.Responses.Values.SelectMany(r => r.Content ?? new Dictionary<string, OpenApiMediaType>()))
            {
                if (!mediaType.EndsWith("json", StringComparison.Ordinal))
                {
                    media.Schema = mediaType.StartsWith("text/", StringComparison.Ordinal)
                        ? new OpenApiSchema { Type = JsonSchemaType.String, Description = mediaType == "text/csv" ? "RFC 4180 CSV with a header row." : null }
                        : new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
                }
            }
        }

        private static void Add(OpenApiOperation operation, OperationFilterContext context, int status, string description)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses!.ContainsKey(key))
            {
                return;
            }

            operation.Responses[key] = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository) },
                },
            };
        }
    }

    private sealed class ModuleTags : IDocumentFilter
    {
        public void Apply(OpenApiDocument document, DocumentFilterContext context)
        {
            document.Tags = new HashSet<OpenApiTag>(Modules.Select(m => new OpenApiTag { Name = m.Tag, Description = m.Description }));

            // A 400 names field errors when validation failed; a body that cannot be read at all has a detail and no errors.
            if (document.Components?.Schemas?.TryGetValue(nameof(HttpValidationProblemDetails), out var validation) == true
                && validation is OpenApiSchema schema)
            {
                schema.Required?.Remove("errors");
            }
        }
    }
}
