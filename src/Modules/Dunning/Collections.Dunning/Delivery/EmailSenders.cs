using Collections.Dunning.Domain;
using Collections.SharedKernel.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Collections.Dunning.Delivery;

/// <param name="ReplyTo">Where the debtor's reply goes (<see cref="ReplyToAddress"/>); null: to the sender.</param>
internal sealed record OutgoingEmail(string MessageId, string ToName, string ToAddress, string Subject, string Html, string Text, string? ReplyTo = null);

internal interface IEmailSender
{
    Task SendAsync(OutgoingEmail email, CancellationToken ct);
}

internal static class MimeFactory
{
    public static MimeMessage Build(OutgoingEmail email, string from, string? senderName)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(senderName ?? from, from));
        if (email.ReplyTo is not null)
        {
            message.ReplyTo.Add(new MailboxAddress(senderName ?? email.ReplyTo, email.ReplyTo));
        }

        message.To.Add(new MailboxAddress(email.ToName, email.ToAddress));
        message.Subject = email.Subject;
        message.MessageId = $"{email.MessageId}@collections";
        message.Headers.Add("X-Collections-Message", email.MessageId);
        message.Body = new BodyBuilder { HtmlBody = email.Html, TextBody = email.Text }.ToMessageBody();
        return message;
    }
}

/// <summary>Delivers through SMTP (`Smtp:Host`, `Port`, `UseTls`, `UserName`/`User`, `Password`, `From`).</summary>
internal sealed class SmtpEmailSender(SmtpOptions smtp, DunningOptions options) : IEmailSender
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken ct)
    {
        DbSession.EnsureNoTransaction("SMTP");
        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(smtp.Host!, smtp.Port, Security(smtp), ct);
        if (!string.IsNullOrEmpty(smtp.Login))
        {
            await client.AuthenticateAsync(smtp.Login, smtp.Password ?? string.Empty, ct);
        }

        await client.SendAsync(MimeFactory.Build(email, smtp.From, options.SenderName), ct);
        await client.DisconnectAsync(true, ct);
    }

    /// <summary>
    /// With UseTls, TLS is required and the certificate validated: on connect for port 465, by STARTTLS otherwise. A server
    /// that offers no TLS is refused instead of being sent the password and the debtors' links in the clear (MailKit's
    /// Auto would fall back to plaintext).
    /// </summary>
    internal static SecureSocketOptions Security(SmtpOptions smtp) =>
        !smtp.UseTls ? SecureSocketOptions.None : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
}

/// <summary>Without an SMTP host, e-mails become .eml files a newcomer can open in any mail program.</summary>
internal sealed class EmlFileSender(SmtpOptions smtp, DunningOptions options) : IEmailSender
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken ct)
    {
        Directory.CreateDirectory(options.OutboxDirectory);
        var path = Path.Combine(options.OutboxDirectory, $"{email.MessageId}.eml");
        await MimeFactory.Build(email, smtp.From, options.SenderName).WriteToAsync(path, ct);
    }
}
