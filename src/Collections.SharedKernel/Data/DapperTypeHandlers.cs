using System.Data;
using System.Globalization;
using Dapper;

namespace Collections.SharedKernel.Data;

/// <summary>
/// Dates travel as `date` on SQL Server and ISO text on SQLite; instants are stored as UTC
/// DATETIME2 / ISO text. These handlers make both read back as DateOnly and UTC DateTimeOffset.
/// </summary>
public static class DapperTypeHandlers
{
    private static int registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 1)
        {
            return;
        }

        SqlMapper.AddTypeHandler(new DateOnlyHandler());
        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
    }

    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            parameter.DbType = DbType.Date;
            parameter.Value = value.ToDateTime(TimeOnly.MinValue);
        }

        public override DateOnly Parse(object value) => value switch
        {
            DateTime dateTime => DateOnly.FromDateTime(dateTime),
            DateOnly date => date,
            string text => DateOnly.FromDateTime(DateTime.Parse(text, CultureInfo.InvariantCulture)),
            _ => throw new DataException($"Cannot read {value.GetType()} as a date."),
        };
    }

    private sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            parameter.DbType = DbType.DateTime2;
            parameter.Value = value.UtcDateTime;
        }

        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
            DateTimeOffset instant => instant.ToUniversalTime(),
            string text => new DateTimeOffset(DateTime.SpecifyKind(
                DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                DateTimeKind.Utc)),
            _ => throw new DataException($"Cannot read {value.GetType()} as an instant."),
        };
    }
}
