using Microsoft.SqlServer.Dac.Model;
using Index = Microsoft.SqlServer.Dac.Model.Index;

namespace Collections.SqlServerModel.Tests;

/// <summary>
/// The indexes the lists, feeds and the worklist are fast by. Each one is named with what relies on it, so
/// a migration that drops or reshapes one fails here instead of as a table scan on the production database.
/// </summary>
public sealed class RequiredIndexTests
{
    private static readonly Lazy<IReadOnlyList<string>> Indexes = new(() => IndexesCreatedBy(MigrationScript.ForSqlServer(HostAssemblies.All)));

    private static IEnumerable<TestCaseData> Required()
    {
        yield return Case("invoicing_receivables (debtor_id, status, due_date)", "a debtor's open invoices, oldest due first: GET /invoices, the statement, the portal");
        yield return Case("invoicing_receivables (status, due_date)", "the dunning run and the aging report walk open items by due date");
        yield return Case("invoicing_receivables (external_id) unique", "an ERP upsert finds its invoice by external id");
        yield return Case("invoicing_debtors (search_name)", "GET /debtors?search=");
        yield return Case("invoicing_debtors (external_id) unique", "an ERP upsert finds its debtor by external id");
        yield return Case("invoicing_activity (debtor_id, id)", "a debtor's activity timeline, newest first, paged by id");
        yield return Case("invoicing_ledger_entries (debtor_id)", "the debtor statement");
        yield return Case("payments_payments (debtor_id)", "GET /payments?debtorId=");
        yield return Case("payments_payments (stripe_payment_intent)", "a Stripe webhook finds its payment");
        yield return Case("payments_attempts (stripe_session_id)", "a Stripe checkout webhook finds its attempt");
        yield return Case("disputes_disputes (status, due_by)", "the dispute queue, nearest deadline first");
        yield return Case("disputes_disputes (debtor_id, id)", "a debtor's disputes");
        yield return Case("paymentplans_plans (status)", "the daily plan evaluation walks active plans");
        yield return Case("paymentplans_plans (debtor_id, id)", "a debtor's plans");
        yield return Case("dunning_tasks (status)", "the collector's worklist of open tasks");
        yield return Case("dunning_messages (status, next_attempt_at)", "the reminder dispatcher claims due messages");
        yield return Case("dunning_messages (debtor_id, run_id, channel) unique", "one consolidated reminder per debtor, run and channel");
        yield return Case("webhooks_deliveries (status, next_attempt_at)", "the webhook dispatcher claims due deliveries");
        yield return Case("webhooks_deliveries (endpoint_id, status, id)", "an endpoint's deliveries in order, the delivery log");
        yield return Case("insights_movements (currency, on_date)", "DSO and the trend read a period's movements");
        yield return Case("insights_payments (currency, received_on)", "CEI and the trend read a period's receipts");
        yield return Case("platform_idempotency_keys (created_at)", "expired idempotency keys are purged by age");
        yield return Case("portal_sessions (token_hash) unique", "every portal request finds its session by token");
        yield return Case("platform_api_keys (key_hash) unique", "every API request finds its key");
    }

    [TestCaseSource(nameof(Required))]
    public void TheIndexExists(string index, string reliedOnBy)
    {
        Assert.That(Indexes.Value, Has.Member(index), $"{reliedOnBy} relies on it");
    }

    [Test]
    public void AMigrationWithoutTheIndex_Fails()
    {
        var withoutIt = MigrationScript.ForSqlServer(HostAssemblies.All)
            .Where(batch => !batch.Contains("ix_invoicing_receivables_status_due", StringComparison.Ordinal));

        Assert.That(IndexesCreatedBy(withoutIt), Has.No.Member("invoicing_receivables (status, due_date)"));
    }

    private static TestCaseData Case(string index, string reliedOnBy) =>
        new TestCaseData(index, reliedOnBy).SetArgDisplayNames(index);

    private static IReadOnlyList<string> IndexesCreatedBy(IEnumerable<string> migrations)
    {
        using var model = SchemaModel.FromMigrations(migrations);
        return model.GetObjects(DacQueryScopes.UserDefined, Index.TypeClass)
            .Select(index =>
            {
                var table = index.GetReferenced(Index.IndexedObject).Single().Name.Parts[^1];
                var columns = string.Join(", ", index.GetReferenced(Index.Columns).Select(column => column.Name.Parts[^1]));
                return $"{table} ({columns}){(index.GetProperty<bool>(Index.Unique) ? " unique" : "")}";
            })
            .ToList();
    }
}
