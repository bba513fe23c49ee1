using Collections.ErpClient;
using Collections.ErpClient.Models;
using Collections.SharedKernel.Data;
using Collections.Testing;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace Collections.ErpClient.Tests;

/// <summary>
/// An ERP integration written against the client Kiota generates from api-spec/openapi.json (see the project file):
/// what an ERP developer gets from the published contract alone, run against the real host.
/// </summary>
public sealed class ErpScenarioTests(DatabaseProvider provider) : ApiFixture(provider)
{
    private CollectionsClient erp = null!;
    private CollectionsClient staff = null!;

    [OneTimeSetUp]
    public void CreateClients()
    {
        erp = Client(Erp);
        staff = Client(Staff);
    }

    [Test]
    public async Task Erp_RunsItsDailyIntegration_ThroughTheGeneratedClient()
    {
        try
        {
            await RunScenario();
        }
        catch (ProblemDetails problem)
        {
            Assert.Fail($"The API answered {problem.Status} {problem.Title}: {problem.Detail}\n{problem.StackTrace}");
        }
    }

    private async Task RunScenario()
    {
        var debtorExternalId = Unique("erp-deb");
        var debtor = await erp.Api.V1.Debtors.ByExternalId[debtorExternalId].PutAsync(new UpsertDebtorRequest
        {
            Name = "Nordwind Handels GmbH",
            CountryCode = "DE",
            TimeZone = "Europe/Berlin",
            Language = "de",
            Currency = "EUR",
            CreditLimit = 25_000.00m,
            PaymentTermsDays = 30,
            Segment = DebtorSegment.Standard,
            Contacts = [new UpsertDebtorContact { Name = "Jana Krüger", Email = "jana@nordwind.example", Role = ContactRole.Accounts_payable, IsPrimary = true }],
        });
        Assert.That(debtor!.Id, Is.Not.Null.And.Not.Empty);

        // 100.10 three times, computed in decimal as the contract's format tells a C# client to: exactly 300.30.
        var lineTotal = 100.10m * 3;
        var imported = await erp.Api.V1.Invoices.Import.PostAsync(new ImportInvoicesRequest
        {
            Invoices =
            [
                Invoice(debtorExternalId, Unique("erp-inv"), lineTotal, new Date(2026, 1, 5), new Date(2026, 2, 4)),
                Invoice(debtorExternalId, Unique("erp-inv"), 1_190.00m, new Date(2026, 2, 1), new Date(2026, 3, 3)),
                Invoice(debtorExternalId, Unique("erp-inv"), 2_400.00m, new Date(2026, 1, 20), new Date(2026, 2, 19)),
            ],
        });
        Assert.That(imported!.Created, Is.EqualTo(3));
        var (paidId, disputedId, plannedId) = (imported.Items![0].InvoiceId!, imported.Items[1].InvoiceId!, imported.Items[2].InvoiceId!);

        var payment = await erp.Api.V1.Payments.PostAsync(
            new RecordPaymentRequest
            {
                DebtorId = debtor.Id,
                Amount = 300.30m,
                Currency = "EUR",
                Method = "wire",
                Reference = "SEPA 2026-03-02",
                ReceivedAt = new Date(2026, 3, 2),
                Allocations = [new AllocationRequest { InvoiceId = paidId, Amount = 300.30m }],
            },
            config => config.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString()));
        Assert.That(payment!.Amount!.Amount, Is.EqualTo(300.30m));

        // The feed is read page by page from the cursor, as a cash-application job would.
        List<PaymentResponse> fed = [];
        string? cursor = null;
        do
        {
            var page = await erp.Api.V1.Payments.GetAsync(config =>
            {
                config.QueryParameters.DebtorId = debtor.Id;
                config.QueryParameters.Limit = 1;
                config.QueryParameters.Cursor = cursor;
            });
            fed.AddRange(page!.Items!);
            cursor = page.NextCursor;
        }
        while (cursor is not null && fed.Count < 10);
        Assert.That(fed.Select(p => p.Id), Is.EqualTo(new[] { payment.Id }));

        var statement = await erp.Api.V1.Debtors[debtor.Id!].Statement.GetAsync();
        Assert.That(statement!.Totals!.Single().Balance!.Amount, Is.EqualTo(3_590.00m), "the paid invoice is settled; the others stay open");

        var aging = await erp.Api.V1.Reports.Aging.GetAsync();
        Assert.That(aging!.Debtors!.Any(d => d.DebtorId == debtor.Id), Is.True);

        var dispute = await staff.Api.V1.Disputes.PostAsync(
            new OpenDisputeRequest { InvoiceId = disputedId, Amount = 190.00m, Reason = "pricing", Description = "Volume discount of 190.00 not applied." },
            config => config.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString()));
        Assert.That(dispute!.Disputed!.Amount, Is.EqualTo(190.00m));

        var quote = await staff.Api.V1.PaymentPlans.Quotes.PostAsync(new PaymentPlanTermsRequest
        {
            InvoiceIds = [plannedId],
            InstallmentCount = 2,
            Frequency = "monthly",
            FirstPaymentDate = new Date(2026, 3, 16),
        });
        Assert.That(quote!.Installments, Has.Count.EqualTo(2));
        Assert.That(quote.Installments!.Sum(i => i.Amount!.Amount), Is.EqualTo(quote.Total!.Amount), "installments add up to the cent");

        var missing = Assert.ThrowsAsync<ProblemDetails>(() => erp.Api.V1.Debtors["deb_does_not_exist"].GetAsync());
        Assert.That(missing!.ResponseStatusCode, Is.EqualTo(404));
        Assert.That(missing.Status, Is.EqualTo(404));
    }

    private static ImportInvoiceItem Invoice(string debtorExternalId, string externalId, decimal total, Date issued, Date due) => new()
    {
        ExternalId = externalId,
        DebtorExternalId = debtorExternalId,
        Number = externalId.ToUpperInvariant(),
        Currency = "EUR",
        IssueDate = issued,
        DueDate = due,
        Total = total,
    };

    private static CollectionsClient Client(HttpClient http) =>
        new(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = http.BaseAddress!.ToString().TrimEnd('/') });
}
