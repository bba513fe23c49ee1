using System.Reflection;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Processors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collections.SqlServerModel.Tests;

/// <summary>
/// The SQL the migrations send to SQL Server, captured from FluentMigrator's own SQL Server generator
/// in preview mode with no connection: exactly what a real <c>MigrateUp</c> on an empty database would run.
/// </summary>
public static class MigrationScript
{
    public static IReadOnlyList<string> ForSqlServer(IEnumerable<Assembly> assemblies)
    {
        var capture = new SqlCapture();
        using (var provider = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(capture))
            .AddFluentMigratorCore()
            .ConfigureRunner(runner => runner.AddSqlServer2016().ScanIn(assemblies.Distinct().ToArray()).For.Migrations())
            .Configure<ProcessorOptions>(options => options.PreviewOnly = true)
            .Configure<FluentMigratorLoggerOptions>(options => options.ShowSql = true)
            .BuildServiceProvider(false))
        {
            using var scope = provider.CreateScope();
            scope.ServiceProvider.GetRequiredService<IMigrationRunner>().MigrateUp();
        }

        return capture.Batches;
    }

    private sealed class SqlCapture : ILoggerProvider, ILogger
    {
        private readonly List<string> batches = [];

        public IReadOnlyList<string> Batches => batches;

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == RunnerEventIds.Sql.Id)
            {
                batches.Add(formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }
}
