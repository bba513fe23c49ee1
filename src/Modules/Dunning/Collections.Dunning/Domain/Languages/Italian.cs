namespace Collections.Dunning.Domain.Languages;

/// <summary>Italian (Lei), as a credit controller writes to a business customer.</summary>
internal static class Italian
{
    private const string WaysForward = """
        <p>Scelga la soluzione più comoda per Lei: pagare subito online, per intero o in parte, proporre un piano di pagamento oppure segnalarci un eventuale problema su una fattura, tutto da un'unica pagina: {{portalLink}}</p>
        """;

    private const string Signature = """
        <p>Per qualsiasi domanda può semplicemente rispondere a questa e-mail: {{senderName}} Le risponderà personalmente.</p>
        <p>Cordiali saluti<br>{{senderName}}</p>
        """;

    private const string CourtesyClose = """
        <p>Fatture, pagamenti e accordi della Sua posizione sono sempre consultabili qui: {{portalLink}}</p>
        """ + Signature;

    public static readonly Language Language = new("it", new Dictionary<string, string>
    {
        ["salutation.named"] = "Gentile {fullName},",
        ["salutation.unnamed"] = "Gentile Cliente,",
        ["contact.unnamed"] = "Ufficio Contabilità Fornitori",
        ["list.and"] = " e ",
        ["relationship.year"] = "La ringraziamo per l'anno di collaborazione trascorso insieme, dal {since} a oggi.",
        ["relationship.years"] = "La ringraziamo per i {years} anni di collaborazione trascorsi insieme, dal {since} a oggi.",
        ["relationship.new"] = "La ringraziamo per aver scelto di lavorare con noi.",
        ["saving"] = " Pagando entro il {payBy} risparmierà {saving} grazie allo sconto per pagamento anticipato previsto dalle nostre condizioni.",
        ["note.disputed"] = "L'importo di {disputed} della fattura {number} è oggetto della Sua contestazione ed è in fase di verifica; finché non l'avremo definita, Le chiediamo soltanto il pagamento della parte non contestata, pari a {undisputed}.",
        ["note.promised"] = "L'importo di {promised} della fattura {number} è coperto dal Suo impegno a pagare entro il {promisedBy}; Le chiediamo quindi soltanto il pagamento dell'importo residuo di {remaining}.",
        ["table.invoice"] = "Fattura",
        ["table.po"] = "Rif. ordine",
        ["table.dueDate"] = "Scadenza",
        ["table.amountDue"] = "Importo dovuto",
        ["table.line"] = "Fattura {number} (rif. ordine {po}), scadenza {dueDate}: {amount}",
        ["next.personal"] = "{sender} La contatterà personalmente per concordare insieme come regolare la posizione",
        ["next.seniorCall"] = "il nostro responsabile del credito La contatterà telefonicamente per concordare una soluzione",
        ["next.agencyReview"] = "valuteremo se affidare la posizione a una società di recupero crediti, come previsto dalle nostre condizioni",
        ["next.legalReview"] = "valuteremo se procedere per via legale al recupero dell'importo, come previsto dalle nostre condizioni",
        ["next.financeReview"] = "il nostro ufficio amministrativo esaminerà la posizione",
        ["next.call"] = "{sender} La contatterà telefonicamente per parlarne insieme",
        ["next.letter"] = "invieremo per posta un ultimo sollecito",
        ["next.firm"] = "torneremo a scriverLe per chiederLe una data di pagamento certa",
        ["next.final"] = "invieremo un ultimo sollecito",
        ["next.reminder"] = "invieremo un breve promemoria",
        ["invoice.open"] = "Fattura {number}: {amount} da saldare",
        ["invoice.unknown"] = "Fattura {number}",
        ["receipt.item"] = "Fattura {number}",
        ["receipt.itemWithPo"] = "Fattura {number} (rif. ordine {po})",
        ["receipt.unknownItem"] = "Una partita",
        ["receipt.discount"] = ", con uno sconto per pagamento anticipato di {amount}",
        ["receipt.settled"] = "ora saldata per intero",
        ["receipt.stillOpen"] = "{amount} ancora da saldare",
        ["receipt.line"] = "{item}: ricevuti {paid}{discount}; {rest}",
        ["receipt.credit"] = "Credito a Suo favore di {amount}, che verrà compensato con la Sua prossima fattura",
        ["receipt.next.nothingDue"] = "sulla Sua posizione non risultano altri importi da pagare, quindi non è necessario fare altro",
        ["receipt.next.overdue"] = "la fattura {number}, di {amount}, è scaduta il {dueDate}; può saldarla, anche solo in parte, in qualsiasi momento tramite il link qui sotto",
        ["receipt.next.upcoming"] = "la prossima fattura, n. {number} di {amount}, scade il {dueDate}",
        ["debitFailed.next"] = "non è stato addebitato alcun importo sul Suo conto; La preghiamo di effettuare nuovamente il pagamento tramite il link qui sotto, con carta, addebito diretto o bonifico bancario",
        ["reversed.line"] = "{amount} del Suo pagamento ricevuto il {receivedOn}, che la Sua banca Le ha riaccreditato",
        ["reversed.next.nothingOpen"] = "sulla Sua posizione non risultano importi aperti, quindi non è necessario fare nulla",
        ["reversed.next.open"] = "può saldare nuovamente le fatture aperte tramite il link qui sotto oppure, se qualcosa non torna, segnalarcelo dallo stesso link; per gli importi che restano aperti i nostri solleciti riprenderanno",
        ["plan.agreed.installments"] = "{count} rate, per un totale di {amount}",
        ["plan.agreed.invoices"] = "Fatture incluse: {numbers}",
        ["plan.agreed.next"] = "finché le rate arrivano puntualmente non invieremo solleciti per queste fatture; ogni rata, con la relativa scadenza, è consultabile nel portale",
        ["plan.late.line"] = "Rata {number}, scadenza {dueDate}: {amount} ancora da pagare",
        ["plan.late.next"] = "se la rata risulterà ancora non pagata dopo il {lastDay}, il piano di pagamento decadrà e per l'importo residuo riprenderanno i consueti solleciti; se ha appena effettuato il pagamento, La ringraziamo",
        ["plan.completed.line"] = "Tutte le rate sono state pagate",
        ["plan.completed.next.nothingDue"] = "sulla Sua posizione non risultano altri importi da pagare",
        ["plan.completed.next.otherOpen"] = "nell'ambito del piano non è dovuto altro; eventuali altre fatture aperte sono elencate nel portale",
        ["plan.defaulted.next"] = "i nostri solleciti per queste fatture riprendono; se può pagare solo una parte o ha bisogno di un nuovo accordo, risponda a questa e-mail o utilizzi il link qui sotto",
        ["plan.due.next"] = "Prossima rata: {amount}",
        ["plan.due.paid"] = "Pagato finora: {paid} su {total}",
        ["plan.due.nextStep"] = "finché le rate arrivano puntualmente non cambia nulla; può pagare la rata già ora tramite il link qui sotto",
        ["discount.line"] = "Fattura {number}: da pagare {discounted} anziché {full}",
        ["discount.next"] = "dopo tale data sarà dovuto l'intero importo di {full}, con scadenza il {dueDate}",
        ["dispute.received.line"] = "Fattura {number}: {amount} in fase di verifica (motivo: {reason})",
        ["dispute.received.next"] = "esamineremo la Sua segnalazione e Le daremo riscontro; fino ad allora non Le chiederemo di pagare l'importo in verifica",
        ["dispute.reason.pricing"] = "prezzo",
        ["dispute.reason.quantity"] = "quantità",
        ["dispute.reason.damaged_or_defective"] = "merce danneggiata o difettosa",
        ["dispute.reason.not_received"] = "merce non ricevuta",
        ["dispute.reason.duplicate_billing"] = "doppia fatturazione",
        ["dispute.reason.already_paid"] = "fattura già pagata",
        ["dispute.reason.other"] = "altro",
        ["dispute.replied.line"] = "Riguardo alla fattura {number}: {reply}",
        ["dispute.replied.next"] = "può leggere l'intera conversazione e risponderci tramite il link qui sotto; nel frattempo l'importo in verifica resta sospeso",
        ["dispute.resolved.line"] = "Fattura {number}: {outcome}",
        ["dispute.outcome.upheld"] = "concordiamo con Lei e abbiamo corretto la fattura",
        ["dispute.outcome.partiallyUpheld"] = "concordiamo in parte con Lei e abbiamo corretto la fattura di conseguenza",
        ["dispute.outcome.rejected"] = "abbiamo verificato la fattura e risulta corretta così come emessa; i dettagli sono disponibili nel portale",
        ["dispute.resolved.credit"] = "È stata emessa una nota di credito di {amount} relativa alla fattura {number}",
        ["dispute.resolved.next.nothingDue"] = "per la fattura {number} non è dovuto altro",
        ["dispute.resolved.next.remainingDue"] = "resta dovuto l'importo residuo di {amount} della fattura {number}; può saldarlo, anche solo in parte, tramite il link qui sotto",
        ["promise.recorded.line"] = "{amount} entro il {date}",
        ["promise.recorded.next"] = "fino a quella data non invieremo solleciti per l'importo concordato; se non ci sarà pervenuto entro pochi giorni da tale data, i nostri solleciti riprenderanno",
        ["promise.broken.line"] = "Importo mancante rispetto al pagamento concordato: {amount}",
        ["promise.broken.next"] = "i nostri solleciti riprendono; se è sorto qualche impedimento, risponda a questa e-mail o proponga un piano di pagamento tramite il link qui sotto",
        ["portalLink.next"] = "sulla Sua posizione non cambia nulla",
        ["caseFile.title"] = "Pratica di recupero crediti: {debtor}",
        ["caseFile.intro"] = "Debitore {externalId} ({id}), {country}, cliente dal {since}. Documento redatto il {generated}.",
        ["caseFile.openBalance"] = "Saldo aperto: {amounts}",
        ["caseFile.billingAddress"] = "Indirizzo di fatturazione: {address}",
        ["caseFile.noBillingAddress"] = "Nessun indirizzo di fatturazione registrato.",
        ["caseFile.nothingOpen"] = "nessuna partita aperta",
        ["caseFile.none"] = "Nessuna voce.",
        ["caseFile.primary"] = "referente principale",
        ["caseFile.contacts"] = "Referenti",
        ["caseFile.invoices"] = "Fatture e condizioni di pagamento",
        ["caseFile.ledger"] = "Estratto conto",
        ["caseFile.payments"] = "Pagamenti",
        ["caseFile.disputes"] = "Contestazioni",
        ["caseFile.plans"] = "Piani di rientro",
        ["caseFile.promises"] = "Impegni di pagamento",
        ["caseFile.messages"] = "Corrispondenza",
        ["caseFile.tasks"] = "Telefonate e attività",
        ["caseFile.escalations"] = "Affidamenti a società di recupero e legali",
        ["caseFile.col.name"] = "Nome",
        ["caseFile.col.role"] = "Ruolo",
        ["caseFile.col.email"] = "E-mail",
        ["caseFile.col.phone"] = "Telefono",
        ["caseFile.col.address"] = "Indirizzo",
        ["caseFile.col.number"] = "N. fattura",
        ["caseFile.col.po"] = "Rif. ordine",
        ["caseFile.col.issued"] = "Data emissione",
        ["caseFile.col.due"] = "Scadenza",
        ["caseFile.col.total"] = "Importo totale",
        ["caseFile.col.balance"] = "Residuo",
        ["caseFile.col.status"] = "Stato",
        ["caseFile.col.terms"] = "Condizioni di pagamento",
        ["caseFile.col.date"] = "Data",
        ["caseFile.col.item"] = "Documento",
        ["caseFile.col.entry"] = "Tipo movimento",
        ["caseFile.col.amount"] = "Importo",
        ["caseFile.col.balanceAfter"] = "Saldo progressivo",
        ["caseFile.col.reason"] = "Motivo",
        ["caseFile.col.received"] = "Data incasso",
        ["caseFile.col.method"] = "Modalità di pagamento",
        ["caseFile.col.refunded"] = "Rimborsato",
        ["caseFile.col.created"] = "Data creazione",
        ["caseFile.col.paid"] = "Pagato",
        ["caseFile.col.nextDue"] = "Prossima scadenza",
        ["caseFile.col.made"] = "Data impegno",
        ["caseFile.col.by"] = "Operatore",
        ["caseFile.col.promisedFor"] = "Pagamento entro",
        ["caseFile.col.written"] = "Redatto il",
        ["caseFile.col.channel"] = "Canale",
        ["caseFile.col.step"] = "Livello di sollecito",
        ["caseFile.col.to"] = "Destinatario",
        ["caseFile.col.subject"] = "Oggetto",
        ["caseFile.col.sent"] = "Inviato il",
        ["caseFile.col.kind"] = "Tipo",
        ["caseFile.col.outcome"] = "Esito",
        ["caseFile.col.note"] = "Note",
        ["caseFile.col.type"] = "Tipo",
        ["caseFile.col.agency"] = "Società di recupero",
        ["caseFile.col.fee"] = "Provvigione sul recuperato",
        ["caseFile.dispute.heading"] = "{number} sulla fattura {invoice}",
        ["caseFile.dispute.opened"] = "Aperta il {openedAt}.",
        ["caseFile.dispute.openedAndClosed"] = "Aperta il {openedAt}, chiusa il {closedAt}.",
        ["caseFile.dispute.attachments"] = "Allegati: {names}",
        ["caseFile.dispute.resolution"] = "Esito:",
        ["caseFile.terms.net"] = "{days} giorni netti",
        ["caseFile.terms.discount"] = "sconto {percent}% per pagamento entro {days} giorni",
    },
    [
        new("email_pre_due", "Promemoria: fatture in scadenza per {{debtorName}} ({{invoiceCount}})", """
            <p>{{salutation}}</p>
            <p>{{relationship}} Le ricordiamo con un po' di anticipo, perché nulla Le sfugga, le scadenze ormai prossime.</p>
            <p>Cliente: {{debtorName}}</p>
            {{invoiceTable}}
            <p>Totale: <strong>{{totalDue}}</strong>.{{earlyPaymentSaving}}</p>
            {{disputeNote}}
            """ + WaysForward + """
            <p>Prossimo passo: se entro il {{nextStepDate}} non avremo ricevuto il pagamento, {{nextStep}}.</p>
            """ + Signature),
        new("email_notice", "Promemoria di pagamento per {{debtorName}}: {{totalDue}}", """
            <p>{{salutation}}</p>
            <p>{{relationship}} Non abbiamo ancora ricevuto il pagamento delle fatture indicate di seguito. Si tratta con ogni probabilità di una semplice dimenticanza; ecco quindi i dettagli:</p>
            <p>Cliente: {{debtorName}}</p>
            {{invoiceTable}}
            <p>Totale da pagare: <strong>{{totalDue}}</strong>.</p>
            {{disputeNote}}
            """ + WaysForward + """
            <p>Prossimo passo: se entro il {{nextStepDate}} non avremo ricevuto il pagamento, {{nextStep}}. Se ha già provveduto al pagamento, La ringraziamo e La preghiamo di non tenere conto di questo messaggio.</p>
            """ + Signature),
        new("email_firm", "Fatture scadute per {{debtorName}}: La preghiamo di indicarci una data di pagamento", """
            <p>{{salutation}}</p>
            <p>Le fatture indicate di seguito risultano scadute e non abbiamo ancora ricevuto Sue notizie in merito.</p>
            <p>Cliente: {{debtorName}}</p>
            {{invoiceTable}}
            <p>Totale scaduto: <strong>{{totalDue}}</strong>.</p>
            {{disputeNote}}
            <p>La preghiamo di saldare l'importo dovuto o di comunicarci la data in cui provvederà al pagamento. Come previsto dalle condizioni di pagamento di queste fatture, sugli importi scaduti possono maturare interessi di mora.</p>
            """ + WaysForward + """
            <p>Prossimo passo: se entro il {{nextStepDate}} non avremo ricevuto il pagamento o una data di pagamento, {{nextStep}}.</p>
            """ + Signature),
        new("email_final", "Ultimo sollecito per {{debtorName}}: importo scaduto {{totalDue}}", """
            <p>{{salutation}}</p>
            <p>Nonostante i nostri precedenti messaggi, le fatture indicate di seguito risultano tuttora non pagate.</p>
            <p>Cliente: {{debtorName}}</p>
            {{invoiceTable}}
            <p>Totale scaduto: <strong>{{totalDue}}</strong>.</p>
            {{disputeNote}}
            <p>Questo è il nostro ultimo sollecito prima del passaggio successivo. Preferiremmo di gran lunga definire la questione direttamente con Lei.</p>
            """ + WaysForward + """
            <p>Prossimo passo: se entro il {{nextStepDate}} l'importo non sarà stato saldato o non sarà stato concordato un piano di pagamento, {{nextStep}}.</p>
            """ + Signature),
        new("letter_final", "Ultimo sollecito: importo scaduto {{totalDue}}", """
            <p>Spett.le {{debtorName}}<br>Alla c.a. {{contactName}}</p>
            <p>{{salutation}}</p>
            <p>Nonostante i nostri precedenti solleciti, le fatture indicate di seguito risultano tuttora non pagate.</p>
            {{invoiceTable}}
            <p>Totale scaduto: <strong>{{totalDue}}</strong>.</p>
            {{disputeNote}}
            <p>Questo è il nostro ultimo sollecito. Teniamo al nostro rapporto e preferiremmo di gran lunga definire la questione direttamente con Lei.</p>
            """ + WaysForward + """
            <p>Prossimo passo: se entro il {{nextStepDate}} l'importo non sarà stato saldato o non sarà stato concordato un piano di pagamento, {{nextStep}}.</p>
            """ + Signature),
        new("email_portal_link", "Nuovo link di accesso alla Sua posizione – {{senderName}}", """
            <p>{{salutation}}</p>
            <p>Ci ha chiesto un nuovo link per accedere alla Sua posizione. Eccolo: {{portalLink}}</p>
            <p>Il link è personale e ha una validità limitata. Se non l'ha richiesto, può ignorare questa e-mail: sulla Sua posizione non cambia nulla.</p>
            """ + Signature),
        new("email_payment_reversed", "La Sua banca ha stornato il Suo pagamento di {{amount}}", """
            <p>{{salutation}}</p>
            <p>A seguito della contestazione da Lei presentata alla Sua banca, la banca ha stornato un pagamento che ci aveva effettuato; le fatture saldate con quel pagamento risultano quindi di nuovo aperte:</p>
            {{details}}
            <p>Importo aperto sulla Sua posizione al {{nextStepDate}}: <strong>{{totalDue}}</strong>.</p>
            <p>Cosa succede ora: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_receipt", "Grazie: abbiamo ricevuto {{amount}} da {{debtorName}}", """
            <p>{{salutation}}</p>
            <p>La ringraziamo: abbiamo ricevuto il Suo pagamento di <strong>{{amount}}</strong> e lo abbiamo imputato come segue.</p>
            <p>Cliente: {{debtorName}}</p>
            {{details}}
            <p>Importo aperto sulla Sua posizione al {{nextStepDate}}: <strong>{{totalDue}}</strong>.</p>
            <p>Cosa succede ora: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_debit_failed", "Il Suo addebito diretto di {{amount}} non è andato a buon fine", """
            <p>{{salutation}}</p>
            <p>Siamo spiacenti di informarLa che il Suo addebito diretto non è andato a buon fine; le fatture indicate di seguito risultano quindi ancora aperte.</p>
            {{details}}
            <p>Cosa succede ora: {{nextStep}} (al {{nextStepDate}} sulla Sua posizione risulta aperto un importo di {{totalDue}}).</p>
            """ + CourtesyClose),
        new("email_plan_agreed", "Il Suo piano di pagamento: {{amount}}", """
            <p>{{salutation}}</p>
            <p>La ringraziamo per aver concordato con noi un piano di pagamento. Di seguito il riepilogo di quanto concordato:</p>
            {{details}}
            <p>Scadenza della prima rata: <strong>{{nextStepDate}}</strong>.</p>
            <p>Cosa succede ora: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_discount_ending", "Risparmi {{amount}}: il Suo sconto per pagamento anticipato sta per scadere", """
            <p>{{salutation}}</p>
            <p>Una breve nota perché non Le sfugga: pagando in anticipo può ancora risparmiare.</p>
            {{details}}
            <p>Ultimo giorno per usufruire dello sconto: <strong>{{nextStepDate}}</strong>. Cosa succede poi: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_plan_installment_due", "Il Suo piano di pagamento: rata di {{amount}} in scadenza il {{nextStepDate}}", """
            <p>{{salutation}}</p>
            <p>Un cortese promemoria: la prossima rata del Suo piano di pagamento è in scadenza.</p>
            {{details}}
            <p>Scadenza: <strong>{{nextStepDate}}</strong>. Cosa succede ora: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_plan_installment_late", "Il Suo piano di pagamento: una rata non ci è ancora pervenuta", """
            <p>{{salutation}}</p>
            <p>Una rata del Suo piano di pagamento non ci è ancora pervenuta. Potrebbe semplicemente essere ancora in arrivo:</p>
            {{details}}
            <p>Cosa succede ora: {{nextStep}}. La preghiamo di provvedere al pagamento entro il {{nextStepDate}}.</p>
            """ + CourtesyClose),
        new("email_plan_completed", "Il Suo piano di pagamento è concluso: grazie", """
            <p>{{salutation}}</p>
            <p>La ringraziamo: tutte le rate del Suo piano di pagamento sono state pagate.</p>
            {{details}}
            <p>Importo aperto sulla Sua posizione al {{nextStepDate}}: <strong>{{totalDue}}</strong>. Cosa succede ora: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_plan_defaulted", "Il Suo piano di pagamento è terminato", """
            <p>{{salutation}}</p>
            <p>Una rata del Suo piano di pagamento è rimasta insoluta, pertanto il piano è terminato il {{nextStepDate}}. Le seguenti fatture risultano di nuovo aperte:</p>
            {{details}}
            <p>Cosa succede ora: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_dispute_received", "Abbiamo ricevuto la Sua segnalazione relativa a {{amount}}", """
            <p>{{salutation}}</p>
            <p>La ringraziamo per la segnalazione. Abbiamo aperto una pratica per la Sua richiesta:</p>
            {{details}}
            <p>Le risponderemo entro il <strong>{{nextStepDate}}</strong>. Cosa succede ora: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_dispute_replied", "Una risposta alla Sua segnalazione", """
            <p>{{salutation}}</p>
            <p>In data {{nextStepDate}} abbiamo risposto nella pratica relativa alla Sua segnalazione:</p>
            {{details}}
            <p>Cosa succede ora: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_dispute_resolved", "La Sua segnalazione è stata risolta", """
            <p>{{salutation}}</p>
            <p>Abbiamo esaminato la Sua segnalazione; ecco l'esito, aggiornato al {{nextStepDate}}:</p>
            {{details}}
            <p>Cosa succede ora: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_promise_recorded", "Grazie: abbiamo preso nota della data di pagamento", """
            <p>{{salutation}}</p>
            <p>La ringraziamo per averci comunicato quando effettuerà il pagamento. Abbiamo preso nota di quanto segue:</p>
            {{details}}
            <p>Data di pagamento da Lei indicata: {{nextStepDate}}. Cosa succede ora: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_promise_broken", "Il pagamento concordato non ci è ancora pervenuto", """
            <p>{{salutation}}</p>
            <p>Il pagamento da Lei annunciato non ci è pervenuto per intero:</p>
            {{details}}
            <p>Cosa succede ora: {{nextStep}} (al {{nextStepDate}} sulla Sua posizione risulta aperto un importo di {{totalDue}}).</p>
            """ + CourtesyClose),
    ]);
}
