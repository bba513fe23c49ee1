namespace Collections.Dunning.Domain.Languages;

/// <summary>
/// The seeded wording of the SMS reminders in every language, kept together because each is one short paragraph. Each names
/// the creditor ({{senderName}}), what is owed ({{totalDue}}), the portal ({{portalLink}}: the portal's address, short enough
/// for a text) and how to opt out. STOP stays STOP in every language: it is the keyword Twilio and the carriers act on.
/// </summary>
internal static class SmsTexts
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<TemplateText>> ByLanguage = new Dictionary<string, IReadOnlyList<TemplateText>>(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] =
        [
            new("sms_notice", "SMS reminder: {{totalDue}}",
                "{{senderName}}: a friendly reminder that {{totalDue}} is due from {{debtorName}}. Pay or ask us anything here: {{portalLink}} Reply STOP to opt out."),
            new("sms_firm", "SMS: {{totalDue}} overdue",
                "{{senderName}}: {{totalDue}} from {{debtorName}} is overdue. Please pay or give us a payment date: {{portalLink}} Reply STOP to opt out."),
            new("sms_final", "SMS final reminder: {{totalDue}}",
                "{{senderName}}: final reminder. {{totalDue}} from {{debtorName}} is still unpaid. Please settle it now: {{portalLink}} Reply STOP to opt out."),
        ],
        ["de"] =
        [
            new("sms_notice", "SMS-Erinnerung: {{totalDue}}",
                "{{senderName}}: Eine freundliche Erinnerung – für {{debtorName}} sind {{totalDue}} fällig. Zahlen oder Fragen stellen: {{portalLink}} Antworten Sie STOP, um keine SMS mehr zu erhalten."),
            new("sms_firm", "SMS: {{totalDue}} überfällig",
                "{{senderName}}: {{totalDue}} für {{debtorName}} sind überfällig. Bitte zahlen Sie oder nennen Sie uns einen Zahlungstermin: {{portalLink}} Antworten Sie STOP, um keine SMS mehr zu erhalten."),
            new("sms_final", "SMS, letzte Erinnerung: {{totalDue}}",
                "{{senderName}}: Letzte Erinnerung – {{totalDue}} für {{debtorName}} sind weiterhin offen. Bitte begleichen Sie den Betrag jetzt: {{portalLink}} Antworten Sie STOP, um keine SMS mehr zu erhalten."),
        ],
        ["fr"] =
        [
            new("sms_notice", "Rappel par SMS : {{totalDue}}",
                "{{senderName}} : petit rappel, {{totalDue}} sont dus par {{debtorName}}. Payer ou nous poser une question : {{portalLink}} Répondez STOP pour ne plus recevoir de SMS."),
            new("sms_firm", "SMS : {{totalDue}} en retard",
                "{{senderName}} : {{totalDue}} dus par {{debtorName}} sont en retard. Merci de payer ou de nous indiquer une date de paiement : {{portalLink}} Répondez STOP pour ne plus recevoir de SMS."),
            new("sms_final", "Dernier rappel par SMS : {{totalDue}}",
                "{{senderName}} : dernier rappel, {{totalDue}} dus par {{debtorName}} restent impayés. Merci de régler dès maintenant : {{portalLink}} Répondez STOP pour ne plus recevoir de SMS."),
        ],
        ["es"] =
        [
            new("sms_notice", "Recordatorio por SMS: {{totalDue}}",
                "{{senderName}}: le recordamos que {{debtorName}} tiene {{totalDue}} pendientes de pago. Pague o consúltenos aquí: {{portalLink}} Responda STOP para no recibir más SMS."),
            new("sms_firm", "SMS: {{totalDue}} vencidos",
                "{{senderName}}: {{totalDue}} de {{debtorName}} están vencidos. Le rogamos que pague o nos indique una fecha de pago: {{portalLink}} Responda STOP para no recibir más SMS."),
            new("sms_final", "Último aviso por SMS: {{totalDue}}",
                "{{senderName}}: último aviso. {{totalDue}} de {{debtorName}} siguen sin pagar. Le rogamos que los abone ahora: {{portalLink}} Responda STOP para no recibir más SMS."),
        ],
        ["nl"] =
        [
            new("sms_notice", "Sms-herinnering: {{totalDue}}",
                "{{senderName}}: een vriendelijke herinnering dat {{debtorName}} {{totalDue}} verschuldigd is. Betalen of een vraag stellen: {{portalLink}} Antwoord STOP om geen sms meer te ontvangen."),
            new("sms_firm", "Sms: {{totalDue}} achterstallig",
                "{{senderName}}: {{totalDue}} van {{debtorName}} is achterstallig. Betaal of geef ons een betaaldatum door: {{portalLink}} Antwoord STOP om geen sms meer te ontvangen."),
            new("sms_final", "Laatste sms-herinnering: {{totalDue}}",
                "{{senderName}}: laatste herinnering. {{totalDue}} van {{debtorName}} is nog steeds niet betaald. Wij verzoeken u nu te betalen: {{portalLink}} Antwoord STOP om geen sms meer te ontvangen."),
        ],
        ["it"] =
        [
            new("sms_notice", "Promemoria via SMS: {{totalDue}}",
                "{{senderName}}: Le ricordiamo che {{debtorName}} ha {{totalDue}} in scadenza. Paghi o ci scriva qui: {{portalLink}} Risponda STOP per non ricevere più SMS."),
            new("sms_firm", "SMS: {{totalDue}} scaduti",
                "{{senderName}}: {{totalDue}} di {{debtorName}} sono scaduti. La preghiamo di pagare o di indicarci una data di pagamento: {{portalLink}} Risponda STOP per non ricevere più SMS."),
            new("sms_final", "Ultimo sollecito via SMS: {{totalDue}}",
                "{{senderName}}: ultimo sollecito. {{totalDue}} di {{debtorName}} risultano ancora non pagati. La preghiamo di saldare ora: {{portalLink}} Risponda STOP per non ricevere più SMS."),
        ],
    };

    /// <summary>The keyword every SMS template names, so a reader knows how to stop them.</summary>
    public const string OptOutKeyword = "STOP";

    /// <summary>The merge fields every SMS template must use: who writes, what is owed, where to pay.</summary>
    public static readonly string[] RequiredFields = ["{{senderName}}", "{{totalDue}}", "{{portalLink}}"];

    /// <summary>An SMS template as written; filled, a text of two or three segments at most.</summary>
    public const int MaxLength = 320;
}
