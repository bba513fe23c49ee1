using System.Text.Json;
using Collections.Disputes.Contracts;
using Collections.Dunning.Contracts;
using Collections.Invoicing.Contracts;
using Collections.PaymentPlans.Contracts;
using Collections.Payments.Contracts;
using Collections.Webhooks.Contracts;
using Collections.Webhooks.Domain;
using Collections.Webhooks.Features.Endpoints;
using Collections.Webhooks.Features.Events;

namespace Collections.Operations.Tests.Unit;

/// <summary>The delivered body of every event type, built by its module's payload factory from fixed inputs, against a checked-in file.</summary>
public sealed class WebhookPayloadSnapshotTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly DebtorRef Debtor = new("deb_01JQ0000000000000000000001", "CUST-1001");
    private static readonly InvoiceRef Invoice = new("inv_01JQ0000000000000000000001", "INV-2026-0042", "RE-42");
    private static readonly InvoiceRef OtherInvoice = new("inv_01JQ0000000000000000000002", "INV-2026-0043", "RE-43");
    private static readonly InvoiceRef UnknownToErp = new("inv_01JQ0000000000000000000003", null, null);

    public static IEnumerable<TestCaseData> Examples()
    {
        yield return Case(WebhookEventTypes.InvoicePaid, InvoicingEventPayloads.InvoicePaid(
            new InvoiceBalanceChanged(Invoice.InvoiceId, ItemKinds.Invoice, Debtor.DebtorId, Invoice.ExternalId!, "EUR", 1250_50, 0, "allocation", "pay_01JQ01", At),
            Debtor, Invoice));
        yield return Case(WebhookEventTypes.InvoiceWrittenOff, InvoicingEventPayloads.InvoiceWrittenOff(
            new InvoiceWrittenOff(Invoice.InvoiceId, Debtor.DebtorId, Invoice.ExternalId!, 99_99, "EUR", "uncollectable", At), Debtor));
        yield return Case(WebhookEventTypes.CreditNoteIssued, InvoicingEventPayloads.CreditNoteIssued(
            new CreditNoteIssued(new CreditNoteDto("cn_01JQ01", Invoice.InvoiceId, "CN-7", 250_50, "EUR", "Damaged goods", At), Debtor.DebtorId, Invoice.ExternalId!, At),
            Debtor));
        yield return Case(WebhookEventTypes.PaymentSucceeded, PaymentEventPayloads.PaymentSucceeded(
            new PaymentSucceeded("pay_01JQ01", Debtor.DebtorId, 1500_00, "EUR", "bank_transfer", new DateOnly(2026, 3, 2),
                [new PaymentAllocationDto(Invoice.InvoiceId, 1000_00, 20_00), new PaymentAllocationDto(OtherInvoice.InvoiceId, 300_00, 0)], 200_00, "plan_01JQ01", At),
            Debtor, [Invoice, OtherInvoice]));
        yield return Case(WebhookEventTypes.PaymentFailed, PaymentEventPayloads.PaymentFailed(
            new PaymentFailed("att_01JQ01", Debtor.DebtorId, 1000_00, "EUR", "card_declined", [Invoice.InvoiceId, UnknownToErp.InvoiceId], At),
            Debtor, [Invoice, UnknownToErp]));
        yield return Case(WebhookEventTypes.PaymentRefunded, PaymentEventPayloads.PaymentRefunded(
            new PaymentRefunded("ref_01JQ01", "pay_01JQ01", Debtor.DebtorId, 100_00, "EUR", "duplicate", At), Debtor));
        yield return Case(WebhookEventTypes.PaymentChargedBack, PaymentEventPayloads.PaymentChargedBack(
            new ChargebackOpened("pay_01JQ01", Debtor.DebtorId, 1500_00, "EUR", "fraudulent", At), Debtor));
        yield return Case(WebhookEventTypes.ChargebackClosed, PaymentEventPayloads.ChargebackClosed(
            new ChargebackClosed("pay_01JQ01", Debtor.DebtorId, 1500_00, "EUR", Won: true, 1000_00, new DateOnly(2026, 2, 20), At), Debtor));
        yield return Case(WebhookEventTypes.DisputeOpened, DisputeEventPayloads.DisputeOpened(
            new DisputeOpened("dsp_01JQ01", Debtor.DebtorId, Invoice.InvoiceId, 300_00, "EUR", "pricing", At), Debtor, Invoice));
        yield return Case(WebhookEventTypes.DisputeResolved, DisputeEventPayloads.DisputeResolved(
            new DisputeResolved("dsp_01JQ01", Debtor.DebtorId, Invoice.InvoiceId, "partially_upheld", 150_00, "EUR", At), Debtor, Invoice));
        yield return Case(WebhookEventTypes.DisputeWithdrawn, DisputeEventPayloads.DisputeWithdrawn(
            new DisputeWithdrawn("dsp_01JQ01", Debtor.DebtorId, Invoice.InvoiceId, At), Debtor, Invoice));
        yield return Case(WebhookEventTypes.PaymentPlanActivated, PaymentPlanEventPayloads.PaymentPlanActivated(
            new PaymentPlanActivated("plan_01JQ01", Debtor.DebtorId, [Invoice.InvoiceId, OtherInvoice.InvoiceId], 1300_00, "EUR", 4, At), Debtor, [Invoice, OtherInvoice]));
        yield return Case(WebhookEventTypes.PaymentPlanDefaulted, PaymentPlanEventPayloads.PaymentPlanDefaulted(
            new PaymentPlanDefaulted("plan_01JQ01", Debtor.DebtorId, [Invoice.InvoiceId], At), Debtor, [Invoice]));
        yield return Case(WebhookEventTypes.PaymentPlanCompleted, PaymentPlanEventPayloads.PaymentPlanCompleted(
            new PaymentPlanCompleted("plan_01JQ01", Debtor.DebtorId, At), Debtor));
        yield return Case(WebhookEventTypes.PromiseBroken, DunningEventPayloads.PromiseBroken(
            new PromiseToPayBroken("ptp_01JQ01", Debtor.DebtorId, 400_00, "EUR", At), Debtor));
        yield return Case(WebhookEventTypes.DebtorEscalated, DunningEventPayloads.DebtorEscalated(
            new DebtorEscalated("esc_01JQ01", Debtor.DebtorId, "agency", "No answer after final notice", "staff:maria", At), Debtor));
        yield return Case(WebhookEventTypes.Ping, new WebhookPingPayload("whe_01JQ01", At));
    }

    [TestCaseSource(nameof(Examples))]
    public void Body_OfEachEventType_MatchesItsSnapshot(string type, object data) =>
        Snapshot.Matches(Body(type, data), "Webhooks", $"{type}.example.json");

    [TestCaseSource(nameof(Examples))]
    public void Body_OfEachEventType_IsValidAgainstItsPublishedSchema(string type, object data)
    {
        var schema = Json.Schema.JsonSchema.FromText(WebhookEventCatalog.SchemaOf(WebhookEventCatalog.All.Single(d => d.Type == type)).ToJsonString());
        var result = schema.Evaluate(JsonDocument.Parse(Body(type, data)).RootElement, new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List });
        Assert.That(result.IsValid, Is.True, string.Join("; ", result.Details?.Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")) ?? []));
    }

    [Test]
    public void Schema_OfEachEventType_MatchesItsSnapshot()
    {
        Assert.Multiple(() =>
        {
            foreach (var definition in WebhookEventCatalog.All)
            {
                Snapshot.Matches(WebhookEventCatalog.SchemaOf(definition).ToJsonString(Indented), "Webhooks", $"{definition.Type}.schema.json");
            }
        });
    }

    [Test]
    public void Catalog_WhenComparedWithSubscribableTypes_ListsEachOnceAndOnlyPingBeyond()
    {
        var catalogued = WebhookEventCatalog.All.Select(d => d.Type).ToList();
        Assert.That(catalogued, Is.Unique);
        Assert.That(catalogued, Is.EquivalentTo(WebhookEventTypes.Subscribable.Append(WebhookEventTypes.Ping)));
        Assert.That(Examples().Select(e => (string)e.Arguments[0]!), Is.EquivalentTo(catalogued), "every event type has a snapshot example");
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static TestCaseData Case(string type, object data) => new TestCaseData(type, data).SetArgDisplayNames(type);

    /// <summary>Exactly what the outbox stores and every attempt sends, pretty-printed for a readable diff.</summary>
    private static string Body(string type, object data)
    {
        var compact = JsonSerializer.Serialize(new WebhookEventEnvelope<object>("evt_01JQ0000000000000000000001", type, At, data), WebhookJson.Options);
        return JsonSerializer.Serialize(JsonDocument.Parse(compact).RootElement, Indented);
    }
}
