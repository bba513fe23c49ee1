using System.Xml.Linq;
using Collections.SharedKernel.Data;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Collections.Api.Hosting;

/// <summary>
/// Data Protection keys in platform_data_protection_keys, so every instance shares one key ring: a portal link or
/// session sealed on one instance opens on any other. Keys rest unencrypted here, like the default file store:
/// protect the database (and its backups) accordingly.
/// </summary>
internal sealed class DatabaseXmlRepository(IDbConnectionFactory connections, SqlDialect dialect, TimeProvider time) : IXmlRepository
{
    private const string AllSql = "SELECT xml FROM platform_data_protection_keys ORDER BY created_at, friendly_name";

    private const string InsertSql = """
        INSERT INTO platform_data_protection_keys (friendly_name, xml, created_at) VALUES (@FriendlyName, @Xml, @CreatedAt)
        """;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = connections.Create();
        connection.Open();
        return connection.Query<string>(dialect.Render(AllSql)).Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = connections.Create();
        connection.Open();
        connection.Execute(dialect.Render(InsertSql), new { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting), CreatedAt = time.GetUtcNow() });
    }
}
