using Collections.Access;
using Collections.Api.Features.Demo;
using Collections.Api.Hosting;
using Collections.Disputes;
using Collections.Dunning;
using Collections.Insights;
using Collections.Invoicing;
using Collections.PaymentPlans;
using Collections.Payments;
using Collections.SharedKernel.Data;
using Collections.Webhooks;

var builder = WebApplication.CreateBuilder(args);
StartupChecks.ThrowIfUnsafe(builder.Configuration, builder.Environment);

var demo = DemoStartup.Configure(builder, args);
builder.Services.AddCollectionsPlatform(builder.Configuration);
builder.Services.AddAccessModule(builder.Configuration);
builder.Services.AddInvoicingModule(builder.Configuration);
builder.Services.AddPaymentsModule(builder.Configuration);
builder.Services.AddDisputesModule(builder.Configuration);
builder.Services.AddPaymentPlansModule(builder.Configuration);
builder.Services.AddDunningModule(builder.Configuration);
builder.Services.AddInsightsModule(builder.Configuration);
builder.Services.AddWebhooksModule(builder.Configuration);
builder.AddCollectionsOperations();
builder.Services.AddCollectionsMediation();

var app = builder.Build();

if (args.Contains("migrate", StringComparer.OrdinalIgnoreCase))
{
    Migrations.Run(app.Services.GetRequiredService<DatabaseOptions>(), app.Services.GetRequiredService<ModuleCatalog>().Assemblies);
    app.Logger.LogInformation("Migrations applied.");
    return;
}

await app.PrepareDatabaseAsync();
app.UseCollectionsOperations();
app.UseCollectionsPipeline();
app.MapAccessEndpoints();
app.MapInvoicingEndpoints();
app.MapPaymentsEndpoints();
app.MapDisputesEndpoints();
app.MapPaymentPlansEndpoints();
app.MapDunningEndpoints();
app.MapInsightsEndpoints();
app.MapWebhooksEndpoints();

if (demo is null)
{
    await app.RunAsync();
    return;
}

await app.StartAsync();
await demo.TellAsync(app);
await app.WaitForShutdownAsync();

public partial class Program;
