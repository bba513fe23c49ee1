using System.Globalization;
using Collections.SharedKernel;
using Microsoft.Extensions.Configuration;

namespace Collections.Dunning.Domain;

/// <summary>The `Dunning` configuration section.</summary>
internal sealed class DunningOptions
{
    public string SenderName { get; set; } = "Accounts Receivable";

    /// <summary>The accounts-receivable mailbox debtors' replies to e-mails go to (Reply-To); none: replies go to Smtp:From.</summary>
    public string? ReplyTo { get; set; }

    /// <summary>
    /// The creditor's language: what a debtor whose language Collections has no words for is written in (before English).
    /// </summary>
    public string DefaultLanguage { get; set; } = "en";

    /// <summary>
    /// The creditor's own country (ISO 3166-1 alpha-2): a letter's address block names the country only for an address
    /// elsewhere. Unset, every address block ends with its country.
    /// </summary>
    public string? HomeCountry { get; set; }

    public int PromiseGraceDays { get; set; } = 3;

    /// <summary>How far ahead a promised date may lie.</summary>
    public int MaxPromiseDays { get; set; } = 30;

    /// <summary>At most one reminder per debtor and channel in this many days; steps due inside the gap join the next one.</summary>
    public int MinDaysBetweenReminders { get; set; } = 3;

    /// <summary>How many days ahead the debtor hears that an early-payment discount ends or a plan installment falls due.</summary>
    public int DueSoonNoticeDays { get; set; } = 3;

    /// <summary>In major units of the invoice's currency: below it, a write-off is proposed instead of further chasing.</summary>
    public decimal SmallBalanceThreshold { get; set; } = 5m;

    /// <summary>Public holidays per ISO country code, as ISO dates (`Dunning:Holidays:DE:0 = 2026-12-25`).</summary>
    public Dictionary<string, List<string>> Holidays { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public bool BackgroundEnabled { get; set; } = true;

    public TimeSpan RunInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A run takes this many debtors per transaction, so payments and webhooks get the database between batches.</summary>
    public int RunBatchSize { get; set; } = 500;

    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(30);

    public int MaxAttempts { get; set; } = 6;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A send the mail server has not accepted within this is abandoned and retried, so it always ends inside its claim.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a dispatcher's claim on an e-mail lasts, on the database's clock; then another dispatcher may take it
    /// up. Five send timeouts: the send, and room for the writes around it (a busy database can keep one waiting).
    /// </summary>
    public TimeSpan ClaimLease => SendTimeout * 5;

    /// <summary>A pending bank debit that never reports back stops pausing the cadence after this many days.</summary>
    public int PendingPaymentExpiryDays { get; set; } = 14;

    public string OutboxDirectory { get; set; } = "data/outbox";

    public static DunningOptions From(IConfiguration configuration)
    {
        var options = new DunningOptions();
        configuration.GetSection("Dunning").Bind(options);
        options.Rates = IndicativeRates.From(configuration);
        if (options.HomeCountry is not null && !Countries.IsKnown(options.HomeCountry))
        {
            throw new InvalidOperationException($"Dunning:HomeCountry must be an ISO 3166-1 alpha-2 code in upper case such as 'DE' (it is '{options.HomeCountry}').");
        }

        if (options.RunBatchSize < 1)
        {
            throw new InvalidOperationException($"Dunning:RunBatchSize must be at least 1 (it is {options.RunBatchSize}).");
        }

        return options;
    }

    public IReadOnlySet<DateOnly> HolidaysOf(string countryCode) =>
        holidayCache.GetOrAdd(countryCode, code => Holidays.TryGetValue(code, out var dates)
            ? dates.Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToHashSet()
            : new HashSet<DateOnly>());

    /// <summary>
    /// Below this a balance is proposed for write-off instead of chased: <see cref="SmallBalanceThreshold"/> in the
    /// reporting currency, or the currency's own figure (`Dunning:SmallBalanceThresholdByCurrency:{CODE}`), else at the
    /// indicative rate; 0 (nothing is small) in a currency with neither.
    /// </summary>
    public long SmallBalanceMinor(string currency) =>
        CurrencyThresholds.MinorIn(currency, SmallBalanceThreshold, SmallBalanceThresholdByCurrency, Rates, MidpointRounding.AwayFromZero) ?? 0;

    public Dictionary<string, decimal> SmallBalanceThresholdByCurrency { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The indicative rates thresholds are scaled by (`Collections:FxRates`).</summary>
    public IndicativeRates Rates { get; private set; } = IndicativeRates.None;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlySet<DateOnly>> holidayCache = new(StringComparer.OrdinalIgnoreCase);
}

internal sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public bool UseTls { get; set; }

    public string? UserName { get; set; }

    public string? User { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "receivables@localhost";

    public string? Login => UserName ?? User;
}
