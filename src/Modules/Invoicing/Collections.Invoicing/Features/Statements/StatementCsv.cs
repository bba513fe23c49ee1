using System.Globalization;
using System.Text;
using Collections.SharedKernel;

namespace Collections.Invoicing.Features.Statements;

/// <summary>
/// One table a spreadsheet opens as is: the open items, then one total row per currency. Fields that a
/// spreadsheet would run as a formula (=, +, -, @ first) are prefixed with an apostrophe.
/// </summary>
internal static class StatementCsv
{
    private const string Header = "row,number,po_number,kind,issue_date,due_date,days_overdue,currency,total,balance,disputed";

    public static string Write(StatementResponse statement)
    {
        var csv = new StringBuilder();
        csv.Append(Header).Append("\r\n");
        foreach (var item in statement.OpenItems)
        {
            Row(csv, "item", item.Number, item.PoNumber, item.Kind, Date(item.IssueDate), Date(item.DueDate), item.DaysOverdue.ToString(CultureInfo.InvariantCulture),
                item.Balance.Currency, Amount(item.Total), Amount(item.Balance), Amount(item.Disputed));
        }

        foreach (var total in statement.Totals)
        {
            Row(csv, "total", "", "", "", "", "", "", total.Currency, "", Amount(total.Balance), Amount(total.Disputed));
            Row(csv, "overdue", "", "", "", "", "", "", total.Currency, "", Amount(total.Overdue), "");
        }

        return csv.ToString();
    }

    private static void Row(StringBuilder csv, params string?[] fields) =>
        csv.AppendJoin(',', fields.Select(Field)).Append("\r\n");

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Amount(MoneyDto money) =>
        money.Amount.ToString("F" + Currency.Of(money.Currency).Decimals, CultureInfo.InvariantCulture);

    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
