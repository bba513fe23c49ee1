using Collections.Api.Hosting;
using Collections.SharedKernel.Data;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddCollectionsPlatform(builder.Configuration);
builder.Services.AddCollectionsMediation();

var app = builder.Build();

if (args.Contains("migrate", StringComparer.OrdinalIgnoreCase))
{
    Migrations.Run(app.Services.GetRequiredService<DatabaseOptions>(), app.Services.GetRequiredService<ModuleCatalog>().Assemblies);
    app.Logger.LogInformation("Migrations applied.");
    return;
}

await app.PrepareDatabaseAsync();
app.UseCollectionsPipeline();

app.Run();

public partial class Program;
