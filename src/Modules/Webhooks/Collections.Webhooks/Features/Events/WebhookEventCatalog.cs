using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Collections.Webhooks.Contracts;
using Collections.Webhooks.Domain;
using Collections.Webhooks.Features.Endpoints;

namespace Collections.Webhooks.Features.Events;

internal sealed record WebhookEventDefinition(string Type, string Module, string Description, Type PayloadType);

/// <summary>
/// Every event type an ERP can receive, with the record its data is, so the published JSON schema and the bytes sent are
/// one and the same type. A payload change shows as a diff in the checked-in snapshots of schemas and examples.
/// </summary>
internal static class WebhookEventCatalog
{
    public static IReadOnlyList<WebhookEventDefinition> All { get; } =
    [
        new(WebhookEventTypes.InvoicePaid, "Invoicing", "An invoice's balance reached zero through a payment or an early-payment discount.", typeof(InvoicePaidPayload)),
        new(WebhookEventTypes.InvoiceWrittenOff, "Invoicing", "An invoice's remaining balance was written off.", typeof(InvoiceWrittenOffPayload)),
        new(WebhookEventTypes.CreditNoteIssued, "Invoicing", "A credit note was issued against an invoice.", typeof(CreditNoteIssuedPayload)),
        new(WebhookEventTypes.PaymentSucceeded, "Payments", "A payment was recorded, with its allocations to invoices by the ERP's ids.", typeof(PaymentSucceededPayload)),
        new(WebhookEventTypes.PaymentFailed, "Payments", "An online payment attempt failed or expired; nothing was allocated.", typeof(PaymentFailedPayload)),
        new(WebhookEventTypes.PaymentRefunded, "Payments", "A payment was refunded, in part or in full.", typeof(PaymentRefundedPayload)),
        new(WebhookEventTypes.PaymentChargedBack, "Payments", "The payer's bank disputed a card or debit payment; its allocations were reversed.", typeof(PaymentChargedBackPayload)),
        new(WebhookEventTypes.ChargebackClosed, "Payments", "The bank decided a chargeback: won (the amount is back and applied again) or lost (the reversal stands).", typeof(ChargebackClosedPayload)),
        new(WebhookEventTypes.DisputeOpened, "Disputes", "A debtor or staff opened a dispute over (part of) an invoice.", typeof(DisputeOpenedPayload)),
        new(WebhookEventTypes.DisputeResolved, "Disputes", "A dispute was resolved: upheld, partially upheld or rejected.", typeof(DisputeResolvedPayload)),
        new(WebhookEventTypes.DisputeWithdrawn, "Disputes", "The debtor withdrew a dispute.", typeof(DisputeWithdrawnPayload)),
        new(WebhookEventTypes.PaymentPlanActivated, "PaymentPlans", "A payment plan was accepted and now covers its invoices.", typeof(PaymentPlanActivatedPayload)),
        new(WebhookEventTypes.PaymentPlanDefaulted, "PaymentPlans", "A payment plan broke; its invoices return to normal dunning.", typeof(PaymentPlanDefaultedPayload)),
        new(WebhookEventTypes.PaymentPlanCompleted, "PaymentPlans", "Every installment of a payment plan was paid.", typeof(PaymentPlanCompletedPayload)),
        new(WebhookEventTypes.PromiseBroken, "Dunning", "A promise to pay fell due without being kept in full.", typeof(PromiseBrokenPayload)),
        new(WebhookEventTypes.DebtorEscalated, "Dunning", "Staff escalated a debtor (senior call, agency, legal, write-off).", typeof(DebtorEscalatedPayload)),
        new(WebhookEventTypes.Ping, "Webhooks", "A test delivery queued by POST /webhook-endpoints/{id}/test; never part of a subscription.", typeof(WebhookPingPayload)),
    ];

    /// <summary>Schemas describe what is sent: numbers as numbers, nullable only where the record says so, every member present.</summary>
    private static readonly JsonSerializerOptions SchemaOptions = new(WebhookJson.Options)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        NumberHandling = JsonNumberHandling.Strict,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The JSON schema (draft 2020-12) of the whole body delivered for the event type.</summary>
    public static JsonObject SchemaOf(WebhookEventDefinition definition)
    {
        var envelope = typeof(WebhookEventEnvelope<>).MakeGenericType(definition.PayloadType);
        var schema = (JsonObject)SchemaOptions.GetJsonSchemaAsNode(envelope, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = definition.Type,
            ["description"] = definition.Description,
        };
        foreach (var (key, value) in schema.ToList())
        {
            schema.Remove(key);
            root[key] = value;
        }

        var properties = (JsonObject)root["properties"]!;
        properties["type"]!["const"] = definition.Type;
        properties["data"]!["type"] = "object";
        return root;
    }
}
