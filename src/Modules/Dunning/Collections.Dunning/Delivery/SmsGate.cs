using Collections.Dunning.Domain;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel.Data;

namespace Collections.Dunning.Delivery;

/// <summary>Whether a claimed SMS goes now: a refusal withdraws it, a later opening puts it back until then.</summary>
internal sealed record SmsGateVerdict(string? Refusal, DateTimeOffset? WaitUntil);

/// <summary>The SMS rules checked again as a text is claimed: the contact may still be texted, and a text may arrive now.</summary>
internal sealed class SmsGate(DbSession db, ISmsSender sender, DunningOptions options, TimeProvider time)
{
    private const string OptOutSql = "SELECT " + SmsOptOutRow.Columns + " FROM dunning_sms_opt_outs WHERE phone = @Phone";

    public async Task<SmsGateVerdict> CheckAsync(MessageRow message, DebtorDto debtor, CancellationToken ct)
    {
        if (!sender.IsConfigured)
        {
            return new SmsGateVerdict(SmsReach.NotConfigured, null);
        }

        var contact = debtor.Contacts.Where(c => c.Phone == message.ToAddress).OrderByDescending(c => c.SmsConsent is { Given: true }).FirstOrDefault();
        if (contact is null)
        {
            return new SmsGateVerdict(SmsReach.NoConsent, null);
        }

        var optOut = await db.QuerySingleOrDefaultAsync<SmsOptOutRow>(OptOutSql, new { Phone = message.ToAddress }, ct);
        var optOuts = optOut is null ? new Dictionary<string, SmsOptOutRow>() : new Dictionary<string, SmsOptOutRow> { [optOut.Phone] = optOut };
        if (SmsReach.RefusalFor(contact, optOuts) is { } refusal)
        {
            return new SmsGateVerdict(refusal, null);
        }

        var now = time.GetUtcNow();
        var opening = SmsHours.NextOpening(now, ContactWindow.Zone(debtor.TimeZone), debtor.ContactHours, options.HolidaysOf(debtor.CountryCode));
        return opening is null ? new SmsGateVerdict(SmsReach.NoLegalHours, null) : new SmsGateVerdict(null, opening > now ? opening : null);
    }
}
