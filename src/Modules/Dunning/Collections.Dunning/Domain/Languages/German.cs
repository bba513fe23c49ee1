namespace Collections.Dunning.Domain.Languages;

/// <summary>German (Sie), as a credit controller writes to a business customer.</summary>
/// <remarks>
/// German letter style: the greeting line ends with a comma, so the first word of the body is written lower-case
/// (unless it is a noun or "Sie"); the `relationship.*` phrases open the body and start lower-case for that reason. The
/// `next.*` phrases follow a conditional clause ("Sollte …, senden wir …"), so they start with the verb. The
/// acknowledgements' next steps follow "So geht es weiter:" as a full sentence and therefore start upper-case.
/// </remarks>
internal static class German
{
    private const string WaysForward = """
        <p>Ganz wie es Ihnen am besten passt: Sie können online sofort den gesamten Betrag oder einen Teil davon bezahlen, eine Ratenzahlung vorschlagen oder uns mitteilen, falls mit einer Rechnung etwas nicht stimmt – alles an einem Ort: {{portalLink}}</p>
        """;

    private const string Signature = """
        <p>Bei Fragen antworten Sie einfach auf diese E-Mail – {{senderName}} meldet sich dann persönlich bei Ihnen.</p>
        <p>Mit freundlichen Grüßen<br>{{senderName}}</p>
        """;

    private const string LetterSignature = """
        <p>Bei Fragen wenden Sie sich bitte direkt an {{senderName}}; wir sind gern persönlich für Sie da.</p>
        <p>Mit freundlichen Grüßen<br>{{senderName}}</p>
        """;

    private const string CourtesyClose = """
        <p>Ihre Rechnungen, Zahlungen und Vereinbarungen finden Sie jederzeit hier: {{portalLink}}</p>
        """ + Signature;

    public static readonly Language Language = new("de", new Dictionary<string, string>
    {
        ["salutation.named"] = "Guten Tag {fullName},",
        ["salutation.unnamed"] = "Sehr geehrte Damen und Herren,",
        ["contact.unnamed"] = "Kreditorenbuchhaltung",
        ["list.and"] = " und ",
        ["relationship.year"] = "vielen Dank für die vertrauensvolle Zusammenarbeit seit {since} – inzwischen schon ein ganzes Jahr.",
        ["relationship.years"] = "vielen Dank für die vertrauensvolle Zusammenarbeit seit {since} – inzwischen schon {years} Jahre.",
        ["relationship.new"] = "vielen Dank, dass Sie sich für die Zusammenarbeit mit uns entschieden haben.",
        ["saving"] = " Bei Zahlung bis zum {payBy} sparen Sie gemäß unseren Skontobedingungen {saving}.",
        ["note.disputed"] = "Von der Rechnung {number} prüfen wir aufgrund Ihrer Beanstandung derzeit {disputed}; bis zur Klärung bitten wir Sie nur um Zahlung des unstrittigen Betrags von {undisputed}.",
        ["note.promised"] = "Für {promised} der Rechnung {number} haben Sie uns die Zahlung bis zum {promisedBy} zugesagt; wir bitten Sie daher nur um Zahlung des verbleibenden Betrags von {remaining}.",
        ["table.invoice"] = "Rechnung",
        ["table.po"] = "Bestellnr.",
        ["table.dueDate"] = "Fällig am",
        ["table.amountDue"] = "Offener Betrag",
        ["table.line"] = "Rechnung {number} (Bestellnr. {po}), fällig am {dueDate}: {amount}",
        ["next.personal"] = "wird sich {sender} persönlich bei Ihnen melden, um gemeinsam mit Ihnen eine Lösung für den Ausgleich Ihres Kundenkontos zu finden",
        ["next.seniorCall"] = "wird die Leitung unseres Kreditmanagements Sie anrufen, um das weitere Vorgehen mit Ihnen abzustimmen",
        ["next.agencyReview"] = "prüfen wir, wie in unseren Geschäftsbedingungen vorgesehen, die Übergabe der Forderung an ein Inkassounternehmen",
        ["next.legalReview"] = "prüfen wir, wie in unseren Geschäftsbedingungen vorgesehen, rechtliche Schritte zur Durchsetzung der Forderung",
        ["next.financeReview"] = "wird unsere Finanzabteilung Ihr Kundenkonto prüfen",
        ["next.call"] = "wird {sender} Sie anrufen, um die Angelegenheit mit Ihnen zu besprechen",
        ["next.letter"] = "senden wir Ihnen eine letzte Mahnung per Post",
        ["next.firm"] = "schreiben wir Ihnen erneut und bitten Sie um einen verbindlichen Zahlungstermin",
        ["next.final"] = "senden wir Ihnen eine letzte Mahnung",
        ["next.reminder"] = "senden wir Ihnen eine kurze Erinnerung",
        ["invoice.open"] = "Rechnung {number}: {amount} offen",
        ["invoice.unknown"] = "Rechnung {number}",
        ["receipt.item"] = "Rechnung {number}",
        ["receipt.itemWithPo"] = "Rechnung {number} (Bestellnr. {po})",
        ["receipt.unknownItem"] = "Ein Posten",
        ["receipt.discount"] = ", unter Abzug von {amount} Skonto",
        ["receipt.settled"] = "damit vollständig beglichen",
        ["receipt.stillOpen"] = "noch {amount} offen",
        ["receipt.line"] = "{item}: {paid} bezahlt{discount}; {rest}",
        ["receipt.credit"] = "{amount} als Guthaben auf Ihrem Kundenkonto, das wir mit Ihrer nächsten Rechnung verrechnen",
        ["receipt.next.nothingDue"] = "Auf Ihrem Kundenkonto ist nichts mehr offen, Sie müssen also nichts weiter veranlassen",
        ["receipt.next.overdue"] = "Die Rechnung {number} über {amount} war am {dueDate} fällig; Sie können sie jederzeit ganz oder teilweise über den untenstehenden Link bezahlen",
        ["receipt.next.upcoming"] = "Die nächste Rechnung, {number} über {amount}, wird am {dueDate} fällig",
        ["debitFailed.next"] = "Von Ihrem Bankkonto wurde nichts abgebucht; bitte zahlen Sie erneut über den untenstehenden Link – per Karte, Lastschrift oder Überweisung",
        ["reversed.line"] = "{amount} aus Ihrer am {receivedOn} eingegangenen Zahlung, von Ihrer Bank an Sie zurückgebucht",
        ["reversed.next.nothingOpen"] = "Auf Ihrem Kundenkonto ist nichts offen, Sie müssen also nichts weiter veranlassen",
        ["reversed.next.open"] = "Bitte zahlen Sie die offenen Rechnungen erneut oder teilen Sie uns über den untenstehenden Link mit, falls etwas nicht stimmt; für die weiterhin offenen Beträge setzen unsere Zahlungserinnerungen wieder ein",
        ["plan.agreed.installments"] = "{count} Raten, insgesamt {amount}",
        ["plan.agreed.invoices"] = "Enthaltene Rechnungen: {numbers}",
        ["plan.agreed.next"] = "Solange die Raten pünktlich eingehen, senden wir Ihnen zu diesen Rechnungen keine Zahlungserinnerungen; alle Raten mit ihren Fälligkeiten finden Sie im Portal",
        ["plan.late.line"] = "Rate {number}, fällig am {dueDate}: {amount} offen",
        ["plan.late.next"] = "Sollte die Rate nach dem {lastDay} noch offen sein, endet die Ratenvereinbarung, und für den verbleibenden Betrag setzen die üblichen Zahlungserinnerungen wieder ein; falls Sie inzwischen gezahlt haben, vielen Dank",
        ["plan.completed.line"] = "Alle Raten sind bezahlt",
        ["plan.completed.next.nothingDue"] = "Auf Ihrem Kundenkonto ist nichts mehr offen",
        ["plan.completed.next.otherOpen"] = "Aus der Ratenvereinbarung ist nichts mehr offen; weitere offene Rechnungen finden Sie im Portal",
        ["plan.defaulted.next"] = "Für diese Rechnungen setzen unsere Zahlungserinnerungen wieder ein; wenn Sie nur einen Teil zahlen können oder eine neue Vereinbarung benötigen, antworten Sie einfach auf diese E-Mail oder nutzen Sie den untenstehenden Link",
        ["plan.due.next"] = "Nächste Rate: {amount}",
        ["plan.due.paid"] = "Bisher bezahlt: {paid} von {total}",
        ["plan.due.nextStep"] = "Solange die Raten pünktlich eingehen, ändert sich nichts; Sie können die Rate schon jetzt über den untenstehenden Link bezahlen",
        ["discount.line"] = "Rechnung {number}: Sie zahlen {discounted} statt {full}",
        ["discount.next"] = "Nach Ablauf der Skontofrist ist der volle Betrag von {full} zum {dueDate} fällig",
        ["dispute.received.line"] = "Rechnung {number}: {amount} in Prüfung ({reason})",
        ["dispute.received.next"] = "Wir prüfen Ihr Anliegen und melden uns bei Ihnen; bis dahin bitten wir Sie nicht um Zahlung des betroffenen Betrags",
        ["dispute.reason.pricing"] = "Preis",
        ["dispute.reason.quantity"] = "Menge",
        ["dispute.reason.damaged_or_defective"] = "beschädigt oder mangelhaft",
        ["dispute.reason.not_received"] = "nicht erhalten",
        ["dispute.reason.duplicate_billing"] = "doppelt berechnet",
        ["dispute.reason.already_paid"] = "bereits bezahlt",
        ["dispute.reason.other"] = "Sonstiges",
        ["dispute.replied.line"] = "Zur Rechnung {number}: {reply}",
        ["dispute.replied.next"] = "Über den untenstehenden Link können Sie den gesamten Verlauf lesen und uns antworten; der betroffene Betrag bleibt so lange zurückgestellt",
        ["dispute.resolved.line"] = "Rechnung {number}: {outcome}",
        ["dispute.outcome.upheld"] = "Wir geben Ihnen recht und haben die Rechnung korrigiert",
        ["dispute.outcome.partiallyUpheld"] = "Wir geben Ihnen teilweise recht und haben die Rechnung entsprechend korrigiert",
        ["dispute.outcome.rejected"] = "Wir haben die Rechnung geprüft, sie bleibt unverändert bestehen; die Einzelheiten finden Sie im Portal",
        ["dispute.resolved.credit"] = "Zur Rechnung {number} haben wir eine Gutschrift über {amount} ausgestellt",
        ["dispute.resolved.next.nothingDue"] = "Für die Rechnung {number} ist nichts mehr zu zahlen",
        ["dispute.resolved.next.remainingDue"] = "Der Restbetrag der Rechnung {number} von {amount} ist fällig; Sie können ihn ganz oder teilweise über den untenstehenden Link bezahlen",
        ["promise.recorded.line"] = "{amount} bis zum {date}",
        ["promise.recorded.next"] = "Bis zum zugesagten Termin senden wir Ihnen für diesen Betrag keine Zahlungserinnerungen; ist er kurz danach nicht bei uns eingegangen, setzen unsere Erinnerungen wieder ein",
        ["promise.broken.line"] = "Von der zugesagten Zahlung fehlen noch {amount}",
        ["promise.broken.next"] = "Unsere Zahlungserinnerungen setzen wieder ein; falls etwas dazwischengekommen ist, antworten Sie einfach auf diese E-Mail oder schlagen Sie uns über den untenstehenden Link eine Ratenzahlung vor",
        ["portalLink.next"] = "An Ihrem Kundenkonto ändert sich nichts",
        ["caseFile.title"] = "Forderungsakte: {debtor}",
        ["caseFile.intro"] = "Schuldner {externalId} ({id}), {country}, Kunde seit {since}. Erstellt am {generated}.",
        ["caseFile.openBalance"] = "Offener Saldo: {amounts}",
        ["caseFile.billingAddress"] = "Rechnungsanschrift: {address}",
        ["caseFile.noBillingAddress"] = "Keine Rechnungsanschrift hinterlegt.",
        ["caseFile.nothingOpen"] = "keine offenen Posten",
        ["caseFile.none"] = "Keine Einträge.",
        ["caseFile.primary"] = "Hauptansprechpartner",
        ["caseFile.contacts"] = "Ansprechpartner",
        ["caseFile.invoices"] = "Rechnungen und Zahlungsbedingungen",
        ["caseFile.ledger"] = "Kontoauszug",
        ["caseFile.payments"] = "Zahlungseingänge",
        ["caseFile.disputes"] = "Beanstandungen",
        ["caseFile.plans"] = "Ratenvereinbarungen",
        ["caseFile.promises"] = "Zahlungszusagen",
        ["caseFile.messages"] = "Schriftverkehr",
        ["caseFile.tasks"] = "Anrufe und Aufgaben",
        ["caseFile.escalations"] = "Übergaben an Inkasso und Anwalt",
        ["caseFile.col.name"] = "Name",
        ["caseFile.col.role"] = "Funktion",
        ["caseFile.col.email"] = "E-Mail",
        ["caseFile.col.phone"] = "Telefon",
        ["caseFile.col.address"] = "Anschrift",
        ["caseFile.col.number"] = "Rechnungsnr.",
        ["caseFile.col.po"] = "Bestellnr.",
        ["caseFile.col.issued"] = "Rechnungsdatum",
        ["caseFile.col.due"] = "Fällig am",
        ["caseFile.col.total"] = "Gesamtbetrag",
        ["caseFile.col.balance"] = "Offen",
        ["caseFile.col.status"] = "Status",
        ["caseFile.col.terms"] = "Zahlungsbedingungen",
        ["caseFile.col.date"] = "Datum",
        ["caseFile.col.item"] = "Beleg",
        ["caseFile.col.entry"] = "Buchungsart",
        ["caseFile.col.amount"] = "Betrag",
        ["caseFile.col.balanceAfter"] = "Neuer Saldo",
        ["caseFile.col.reason"] = "Grund",
        ["caseFile.col.received"] = "Eingangsdatum",
        ["caseFile.col.method"] = "Zahlungsart",
        ["caseFile.col.refunded"] = "Erstattet",
        ["caseFile.col.created"] = "Angelegt am",
        ["caseFile.col.paid"] = "Bezahlt",
        ["caseFile.col.nextDue"] = "Nächste Fälligkeit",
        ["caseFile.col.made"] = "Zugesagt am",
        ["caseFile.col.by"] = "Bearbeiter",
        ["caseFile.col.promisedFor"] = "Zahlung bis",
        ["caseFile.col.written"] = "Verfasst am",
        ["caseFile.col.channel"] = "Kanal",
        ["caseFile.col.step"] = "Mahnstufe",
        ["caseFile.col.to"] = "Empfänger",
        ["caseFile.col.subject"] = "Betreff",
        ["caseFile.col.sent"] = "Versandt am",
        ["caseFile.col.kind"] = "Art",
        ["caseFile.col.outcome"] = "Ergebnis",
        ["caseFile.col.note"] = "Bemerkung",
        ["caseFile.col.type"] = "Maßnahme",
        ["caseFile.col.agency"] = "Inkassobüro",
        ["caseFile.col.fee"] = "Erfolgsprovision",
        ["caseFile.dispute.heading"] = "{number} zur Rechnung {invoice}",
        ["caseFile.dispute.opened"] = "Erfasst am {openedAt}.",
        ["caseFile.dispute.openedAndClosed"] = "Erfasst am {openedAt}, abgeschlossen am {closedAt}.",
        ["caseFile.dispute.attachments"] = "Anlagen: {names}",
        ["caseFile.dispute.resolution"] = "Entscheidung:",
        ["caseFile.terms.net"] = "{days} Tage netto",
        ["caseFile.terms.discount"] = "{percent} % Skonto innerhalb von {days} Tagen",
    },
    [
        new("email_pre_due", "Demnächst fällig: {{invoiceCount}} Rechnung(en) für {{debtorName}}", """
            <p>{{salutation}}</p>
            <p>{{relationship}} Ein kurzer Hinweis, damit nichts untergeht: Die folgenden Rechnungen werden in Kürze fällig.</p>
            <p>Kundenkonto: {{debtorName}}</p>
            {{invoiceTable}}
            <p>Gesamtbetrag: <strong>{{totalDue}}</strong>.{{earlyPaymentSaving}}</p>
            {{disputeNote}}
            """ + WaysForward + """
            <p>So geht es weiter: Sollte Ihre Zahlung bis zum {{nextStepDate}} nicht bei uns eingegangen sein, {{nextStep}}.</p>
            """ + Signature),
        new("email_notice", "Zahlungserinnerung für {{debtorName}}: {{totalDue}}", """
            <p>{{salutation}}</p>
            <p>{{relationship}} Für die unten aufgeführten Rechnungen konnten wir bisher noch keinen Zahlungseingang feststellen. Vermutlich handelt es sich um ein Versehen, daher hier noch einmal die Einzelheiten:</p>
            <p>Kundenkonto: {{debtorName}}</p>
            {{invoiceTable}}
            <p>Fälliger Gesamtbetrag: <strong>{{totalDue}}</strong>.</p>
            {{disputeNote}}
            """ + WaysForward + """
            <p>So geht es weiter: Sollte Ihre Zahlung bis zum {{nextStepDate}} nicht bei uns eingegangen sein, {{nextStep}}. Falls Sie bereits gezahlt haben, vielen Dank – betrachten Sie diese Nachricht dann bitte als gegenstandslos.</p>
            """ + Signature),
        new("email_firm", "Überfällige Rechnungen für {{debtorName}}: Bitte nennen Sie uns einen Zahlungstermin", """
            <p>{{salutation}}</p>
            <p>die unten aufgeführten Rechnungen sind inzwischen überfällig, und wir haben dazu bisher nichts von Ihnen gehört.</p>
            <p>Kundenkonto: {{debtorName}}</p>
            {{invoiceTable}}
            <p>Überfälliger Gesamtbetrag: <strong>{{totalDue}}</strong>.</p>
            {{disputeNote}}
            <p>Bitte begleichen Sie den offenen Betrag oder teilen Sie uns mit, zu welchem Termin Sie ihn begleichen werden. Gemäß den Zahlungsbedingungen dieser Rechnungen können für überfällige Beträge Verzugskosten anfallen.</p>
            """ + WaysForward + """
            <p>So geht es weiter: Sollten bis zum {{nextStepDate}} weder Ihre Zahlung noch ein Zahlungstermin bei uns eingegangen sein, {{nextStep}}.</p>
            """ + Signature),
        new("email_final", "Letzte Mahnung für {{debtorName}}: {{totalDue}} überfällig", """
            <p>{{salutation}}</p>
            <p>trotz unserer bisherigen Nachrichten sind die unten aufgeführten Rechnungen weiterhin unbezahlt.</p>
            <p>Kundenkonto: {{debtorName}}</p>
            {{invoiceTable}}
            <p>Überfälliger Gesamtbetrag: <strong>{{totalDue}}</strong>.</p>
            {{disputeNote}}
            <p>Dies ist unsere letzte Mahnung vor dem nächsten Schritt. Uns liegt viel daran, die Angelegenheit direkt mit Ihnen zu klären.</p>
            """ + WaysForward + """
            <p>So geht es weiter: Sollte bis zum {{nextStepDate}} weder der offene Betrag beglichen noch eine Ratenzahlung vereinbart worden sein, {{nextStep}}.</p>
            """ + Signature),
        new("letter_final", "Letzte Mahnung: {{totalDue}} überfällig", """
            <p>{{debtorName}}<br>z. Hd. {{contactName}}</p>
            <p>{{salutation}}</p>
            <p>trotz unserer bisherigen Zahlungserinnerungen sind die nachstehend aufgeführten Rechnungen weiterhin unbezahlt.</p>
            {{invoiceTable}}
            <p>Überfälliger Gesamtbetrag: <strong>{{totalDue}}</strong>.</p>
            {{disputeNote}}
            <p>Dies ist unsere letzte Mahnung. Wir schätzen die Zusammenarbeit mit Ihnen und möchten die Angelegenheit sehr gern direkt mit Ihnen klären.</p>
            """ + WaysForward + """
            <p>So geht es weiter: Sollte bis zum {{nextStepDate}} weder der offene Betrag beglichen noch eine Ratenzahlung vereinbart worden sein, {{nextStep}}.</p>
            """ + LetterSignature),
        new("email_portal_link", "Ihr neuer Link zu Ihrem Kundenkonto bei {{senderName}}", """
            <p>{{salutation}}</p>
            <p>Sie haben einen neuen Link zu Ihrem Kundenkonto angefordert. Hier ist er: {{portalLink}}</p>
            <p>Der Link ist persönlich für Sie bestimmt und nur für begrenzte Zeit gültig. Falls Sie ihn nicht angefordert haben, können Sie diese E-Mail einfach ignorieren: An Ihrem Kundenkonto ändert sich nichts.</p>
            """ + Signature),
        new("email_payment_reversed", "Ihre Bank hat Ihre Zahlung über {{amount}} zurückgebucht", """
            <p>{{salutation}}</p>
            <p>Ihre Bank hat eine Zahlung, die Sie an uns geleistet hatten, nach Ihrem Widerspruch zurückgebucht. Die damit beglichenen Rechnungen sind deshalb wieder offen:</p>
            {{details}}
            <p>Offener Betrag auf Ihrem Kundenkonto zum {{nextStepDate}}: <strong>{{totalDue}}</strong>.</p>
            <p>So geht es weiter: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_receipt", "Vielen Dank: Zahlung über {{amount}} von {{debtorName}} erhalten", """
            <p>{{salutation}}</p>
            <p>vielen Dank für Ihre Zahlung über <strong>{{amount}}</strong>. Wir haben sie wie folgt verbucht:</p>
            <p>Kundenkonto: {{debtorName}}</p>
            {{details}}
            <p>Offener Betrag auf Ihrem Kundenkonto zum {{nextStepDate}}: <strong>{{totalDue}}</strong>.</p>
            <p>So geht es weiter: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_debit_failed", "Ihre Lastschrift über {{amount}} konnte nicht eingezogen werden", """
            <p>{{salutation}}</p>
            <p>leider müssen wir Ihnen mitteilen, dass Ihre Lastschrift nicht eingelöst wurde. Die folgenden Rechnungen sind daher weiterhin offen.</p>
            {{details}}
            <p>So geht es weiter: {{nextStep}} (zum {{nextStepDate}} sind auf Ihrem Kundenkonto {{totalDue}} offen).</p>
            """ + CourtesyClose),
        new("email_plan_agreed", "Ihre Ratenvereinbarung mit uns: {{amount}}", """
            <p>{{salutation}}</p>
            <p>vielen Dank, dass Sie mit uns eine Ratenzahlung vereinbart haben. Hier die Vereinbarung im Überblick:</p>
            {{details}}
            <p>Fälligkeit der ersten Rate: <strong>{{nextStepDate}}</strong>.</p>
            <p>So geht es weiter: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_discount_ending", "{{amount}} sparen: Ihre Skontofrist endet bald", """
            <p>{{salutation}}</p>
            <p>ein kurzer Hinweis, damit Sie es nicht verpassen: Bei frühzeitiger Zahlung können Sie noch Skonto nutzen.</p>
            {{details}}
            <p>So geht es weiter: {{nextStep}}. Letzter Tag für den Skontoabzug: <strong>{{nextStepDate}}</strong>.</p>
            """ + CourtesyClose),
        new("email_plan_installment_due", "Ihre Ratenzahlung: {{amount}} fällig am {{nextStepDate}}", """
            <p>{{salutation}}</p>
            <p>ein freundlicher Hinweis: Die nächste Rate Ihrer Ratenvereinbarung wird in Kürze fällig.</p>
            {{details}}
            <p>So geht es weiter: {{nextStep}}. Fälligkeitsdatum: <strong>{{nextStepDate}}</strong>.</p>
            """ + CourtesyClose),
        new("email_plan_installment_late", "Ihre Ratenzahlung: Eine Rate ist noch nicht bei uns eingegangen", """
            <p>{{salutation}}</p>
            <p>eine Rate Ihrer Ratenvereinbarung ist noch nicht bei uns eingegangen. Vielleicht ist sie bereits unterwegs:</p>
            {{details}}
            <p>So geht es weiter: {{nextStep}}. Bitte zahlen Sie bis zum {{nextStepDate}}.</p>
            """ + CourtesyClose),
        new("email_plan_completed", "Ihre Ratenvereinbarung ist erfüllt – vielen Dank", """
            <p>{{salutation}}</p>
            <p>vielen Dank: Alle Raten Ihrer Ratenvereinbarung sind bezahlt.</p>
            {{details}}
            <p>Offener Betrag auf Ihrem Kundenkonto zum {{nextStepDate}}: <strong>{{totalDue}}</strong>. So geht es weiter: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_plan_defaulted", "Ihre Ratenvereinbarung ist beendet", """
            <p>{{salutation}}</p>
            <p>eine Rate Ihrer Ratenvereinbarung ist unbezahlt geblieben, daher endete die Vereinbarung am {{nextStepDate}}. Diese Rechnungen sind wieder offen:</p>
            {{details}}
            <p>So geht es weiter: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_dispute_received", "Wir haben Ihre Anfrage zu {{amount}} erhalten", """
            <p>{{salutation}}</p>
            <p>vielen Dank für Ihre Nachricht. Wir haben zu Ihrer Anfrage einen Vorgang angelegt:</p>
            {{details}}
            <p>Wir antworten Ihnen bis zum <strong>{{nextStepDate}}</strong>. So geht es weiter: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_dispute_replied", "Antwort auf Ihre Anfrage", """
            <p>{{salutation}}</p>
            <p>wir haben Ihnen am {{nextStepDate}} in Ihrem Vorgang geantwortet:</p>
            {{details}}
            <p>So geht es weiter: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_dispute_resolved", "Ihre Anfrage ist geklärt", """
            <p>{{salutation}}</p>
            <p>wir haben Ihre Anfrage geprüft (Stand: {{nextStepDate}}):</p>
            {{details}}
            <p>So geht es weiter: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_promise_recorded", "Vielen Dank: Ihr Zahlungstermin ist vorgemerkt", """
            <p>{{salutation}}</p>
            <p>vielen Dank, dass Sie uns mitgeteilt haben, wann Sie zahlen werden. Wir haben Folgendes vorgemerkt:</p>
            {{details}}
            <p>So geht es weiter: {{nextStep}}. Zugesagter Zahlungstermin: {{nextStepDate}}.</p>
            """ + CourtesyClose),
        new("email_promise_broken", "Ihre zugesagte Zahlung ist nicht bei uns eingegangen", """
            <p>{{salutation}}</p>
            <p>die uns zugesagte Zahlung ist nicht vollständig bei uns eingegangen:</p>
            {{details}}
            <p>So geht es weiter: {{nextStep}} (zum {{nextStepDate}} sind auf Ihrem Kundenkonto {{totalDue}} offen).</p>
            """ + CourtesyClose),
    ]);
}
