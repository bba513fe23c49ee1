using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Collections.Dunning.Features.Runs;
using Collections.SharedKernel.Data;
using Collections.Testing;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Dunning.Tests.Integration;

/// <summary>A run over a book of 20,000 overdue invoices at the default batch size, with payments arriving in the middle.</summary>
public sealed class LongRunTests(DatabaseProvider provider) : DunningFixture(provider)
{
    private const int Debtors = 4_000;
    private const int InvoicesPerDebtor = 5;
    private const int Invoices = Debtors * InvoicesPerDebtor;

    private static readonly TimeSpan PatienceOfAPayment = TimeSpan.FromSeconds(20);

    private readonly BatchBoundary boundary = new();

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton(boundary);
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(HoldAtBatchBoundary<,>));
    }

    [TearDown]
    public void LetTheRunFinish() => boundary.Open();

    [Test]
    public async Task Payments_WhileARunOver20000InvoicesIsInProgress_AreRecordedAndTheRunStillTakesEveryStepOnce()
    {
        var clock = Stopwatch.StartNew();
        var (payerId, payerInvoice) = await ImportBook(Today.AddDays(-10));
        TestContext.Out.WriteLine($"{Invoices:N0} invoices of {Debtors:N0} debtors imported in {clock.Elapsed.TotalSeconds:F1} s");

        clock.Restart();
        var run = boundary.Watch(() => App.Send(new RunDunningCommand(null, false)));
        Assert.That(await Task.WhenAny(boundary.AfterFirstBatch, run), Is.SameAs(boundary.AfterFirstBatch), "the run committed a batch with more to come");
        Assert.That(await StepCount(), Is.GreaterThan(0).And.LessThan(Invoices), "the first batch is committed, the rest is not");

        // Between two batches nothing holds the database.
        var between = Pay(payerId, (payerInvoice, 10.00m));
        Assert.That(await Task.WhenAny(between, Task.Delay(PatienceOfAPayment)), Is.SameAs(between), "the payment between batches did not wait");
        await between;

        // A payment that arrives during a batch goes next, before the batch after it.
        boundary.Release();
        await boundary.InsideSecondBatch;
        var during = Pay(payerId, (payerInvoice, 10.00m));
        await Task.Delay(500);
        boundary.Release();
        await boundary.InsideThirdBatch;
        Assert.That(await Balance(payerInvoice), Is.EqualTo(99.00m), "the second payment committed between the second and the third batch");
        boundary.Release();
        await during;

        var response = await run;
        TestContext.Out.WriteLine($"run over {response.Evaluated:N0} invoices took {clock.Elapsed.TotalSeconds:F1} s (held three times, 0.5 s of it waiting on purpose)");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(response.Evaluated, Is.EqualTo(Invoices));
            Assert.That(response.Steps.Select(s => s.InvoiceId).Distinct().Count(), Is.EqualTo(Invoices), "every invoice took its first step");
            Assert.That(response.Steps, Has.Count.EqualTo(Invoices), "once");
            Assert.That(response.Messages, Has.Count.EqualTo(Debtors), "one reminder per debtor");
            Assert.That(await StepCount(), Is.EqualTo(Invoices), "each step is logged once");
            Assert.That(await RunRow(response.RunId!), Is.EqualTo((Invoices, Debtors)), "the run's row counts every batch");
        });
    }

    /// <summary>The debtors and their invoices through the ERP's bulk imports, 1,000 a request; returns the first debtor and its first invoice.</summary>
    private async Task<(string DebtorId, string InvoiceId)> ImportBook(DateOnly dueDate)
    {
        var prefix = Unique("book");
        string? firstDebtor = null;
        foreach (var chunk in Enumerable.Range(0, Debtors).Chunk(1000))
        {
            var items = chunk.Select(d => new
            {
                externalId = $"{prefix}-{d}",
                name = $"Book Debtor {d} GmbH",
                countryCode = "DE",
                timeZone = "Europe/Berlin",
                language = "en",
                currency = "EUR",
                creditLimit = 50000.00m,
                paymentTermsDays = 30,
                segment = "standard",
                contacts = new[] { new { name = "Anna Schmidt", email = $"ap{d}@book.example", role = "accounts_payable", isPrimary = true } },
            });
            var imported = await (await Erp.PostAsJsonAsync("/api/v1/debtors/import", new { debtors = items })).ShouldBe(HttpStatusCode.OK);
            Assert.That(imported.GetProperty("created").GetInt32(), Is.EqualTo(chunk.Length));
            firstDebtor ??= imported.GetProperty("items")[0].GetProperty("debtorId").GetString();
        }

        string? firstInvoice = null;
        var invoices = Enumerable.Range(0, Debtors).SelectMany(d => Enumerable.Range(0, InvoicesPerDebtor).Select(i => (Debtor: d, Invoice: i)));
        foreach (var chunk in invoices.Chunk(1000))
        {
            var items = chunk.Select(x => new
            {
                externalId = $"{prefix}-{x.Debtor}-{x.Invoice}",
                debtorExternalId = $"{prefix}-{x.Debtor}",
                number = $"B-{x.Debtor}-{x.Invoice}",
                poNumber = "PO-1",
                currency = "EUR",
                issueDate = dueDate.AddDays(-30).ToString("yyyy-MM-dd"),
                dueDate = dueDate.ToString("yyyy-MM-dd"),
                total = 119.00m,
            });
            var imported = await (await Erp.PostAsJsonAsync("/api/v1/invoices/import", new { invoices = items })).ShouldBe(HttpStatusCode.OK);
            Assert.That(imported.GetProperty("created").GetInt32(), Is.EqualTo(chunk.Length));
            firstInvoice ??= imported.GetProperty("items")[0].GetProperty("invoiceId").GetString();
        }

        return (firstDebtor!, firstInvoice!);
    }

    private async Task<decimal> Balance(string invoiceId) =>
        (await (await Staff.GetAsync($"/api/v1/invoices/{invoiceId}")).ShouldBe(HttpStatusCode.OK)).GetProperty("balance").GetProperty("amount").GetDecimal();

    private async Task<long> StepCount()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DbSession>().ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dunning_step_log");
    }

    private async Task<(int Evaluated, int Messages)> RunRow(string runId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DbSession>()
            .QuerySingleOrDefaultAsync<(int, int)>("SELECT evaluated, messages FROM dunning_runs WHERE id = @Id", new { Id = runId });
    }
}
