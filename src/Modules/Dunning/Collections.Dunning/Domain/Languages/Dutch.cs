namespace Collections.Dunning.Domain.Languages;

/// <summary>Dutch (u), as a credit controller writes to a business customer.</summary>
internal static class Dutch
{
    private const string WaysForward = """
        <p>Kies wat u het beste uitkomt: het bedrag geheel of gedeeltelijk online betalen, een betalingsregeling voorstellen of ons laten weten dat er iets niet klopt aan een factuur — alles op één plek: {{portalLink}}</p>
        """;

    private const string Signature = """
        <p>Heeft u een vraag? Beantwoord dan gewoon deze e-mail; {{senderName}} helpt u persoonlijk verder.</p>
        <p>Met vriendelijke groet,<br>{{senderName}}</p>
        """;

    private const string CourtesyClose = """
        <p>Uw facturen, betalingen en afspraken vindt u altijd hier: {{portalLink}}</p>
        """ + Signature;

    public static readonly Language Language = new("nl", new Dictionary<string, string>
    {
        ["salutation.named"] = "Geachte {fullName},",
        ["salutation.unnamed"] = "Geachte heer, mevrouw,",
        ["contact.unnamed"] = "Crediteurenadministratie",
        ["list.and"] = " en ",
        ["relationship.year"] = "Hartelijk dank voor de prettige samenwerking sinds {since}, inmiddels al een jaar.",
        ["relationship.years"] = "Hartelijk dank voor de prettige samenwerking sinds {since}, inmiddels al {years} jaar.",
        ["relationship.new"] = "Hartelijk dank dat u voor een samenwerking met ons heeft gekozen.",
        ["saving"] = " Betaalt u uiterlijk op {payBy}, dan bespaart u {saving} dankzij de betalingskorting in onze voorwaarden.",
        ["note.disputed"] = "Van factuur {number} wordt {disputed} naar aanleiding van uw bezwaar nog beoordeeld; zolang dat loopt, vragen wij u alleen het onbetwiste bedrag van {undisputed} te betalen.",
        ["note.promised"] = "Voor {promised} van factuur {number} heeft u toegezegd uiterlijk op {promisedBy} te betalen; wij vragen u daarom nu alleen het resterende bedrag van {remaining} te voldoen.",
        ["table.invoice"] = "Factuur",
        ["table.po"] = "Inkooporder",
        ["table.dueDate"] = "Vervaldatum",
        ["table.amountDue"] = "Openstaand bedrag",
        ["table.line"] = "Factuur {number} (inkooporder {po}), vervaldatum {dueDate}: {amount}",
        ["next.personal"] = "neemt {sender} persoonlijk contact met u op om samen een regeling voor het openstaande saldo af te spreken",
        ["next.seniorCall"] = "belt ons hoofd debiteurenbeheer u om samen tot een oplossing te komen",
        ["next.agencyReview"] = "beoordelen wij, zoals in onze voorwaarden is vastgelegd, of wij de vordering uit handen geven aan een incassobureau",
        ["next.legalReview"] = "beoordelen wij, zoals in onze voorwaarden is vastgelegd, of wij juridische stappen ondernemen om het bedrag te innen",
        ["next.financeReview"] = "beoordeelt onze financiële afdeling uw dossier",
        ["next.call"] = "belt {sender} u om de situatie samen door te nemen",
        ["next.letter"] = "sturen wij u per post een laatste aanmaning",
        ["next.firm"] = "schrijven wij u opnieuw aan met het verzoek om een vaste betaaldatum",
        ["next.final"] = "sturen wij u een laatste aanmaning",
        ["next.reminder"] = "sturen wij u een korte herinnering",
        ["invoice.open"] = "Factuur {number}: {amount} openstaand",
        ["invoice.unknown"] = "Factuur {number}",
        ["receipt.item"] = "Factuur {number}",
        ["receipt.itemWithPo"] = "Factuur {number} (inkooporder {po})",
        ["receipt.unknownItem"] = "Een post",
        ["receipt.discount"] = ", met een betalingskorting van {amount}",
        ["receipt.settled"] = "nu volledig voldaan",
        ["receipt.stillOpen"] = "{amount} staat nog open",
        ["receipt.line"] = "{item}: {paid} betaald{discount}; {rest}",
        ["receipt.credit"] = "{amount} als tegoed voor u aangehouden, te verrekenen met uw volgende factuur",
        ["receipt.next.nothingDue"] = "er staat bij ons niets meer open, dus u hoeft verder niets te doen",
        ["receipt.next.overdue"] = "de vervaldatum van factuur {number} van {amount} was {dueDate}; u kunt deze factuur op elk moment geheel of gedeeltelijk voldoen via de link hieronder",
        ["receipt.next.upcoming"] = "de eerstvolgende factuur, {number} van {amount}, heeft als vervaldatum {dueDate}",
        ["debitFailed.next"] = "er is niets van uw rekening afgeschreven; wij vragen u opnieuw te betalen via de link hieronder, met uw creditcard, via automatische incasso of per overschrijving",
        ["reversed.line"] = "{amount} van uw betaling, ontvangen op {receivedOn}, door uw bank aan u teruggeboekt",
        ["reversed.next.nothingOpen"] = "er staat bij ons niets open, dus u hoeft niets te doen",
        ["reversed.next.open"] = "wij vragen u de openstaande facturen opnieuw te betalen, of ons via de link hieronder te laten weten als er iets niet klopt; voor wat daarna nog openstaat, sturen wij weer herinneringen",
        ["plan.agreed.installments"] = "{count} termijnen, in totaal {amount}",
        ["plan.agreed.invoices"] = "Facturen in deze regeling: {numbers}",
        ["plan.agreed.next"] = "zolang de termijnen op tijd binnenkomen, sturen wij voor deze facturen geen herinneringen; alle termijnen en hun data vindt u in het portaal",
        ["plan.late.line"] = "Termijn {number}, vervaldatum {dueDate}: {amount} nog open",
        ["plan.late.next"] = "als de termijn na {lastDay} nog niet is betaald, eindigt de regeling en sturen wij voor het resterende bedrag weer de gebruikelijke herinneringen; heeft u zojuist betaald, dan danken wij u hartelijk",
        ["plan.completed.line"] = "Alle termijnen zijn betaald",
        ["plan.completed.next.nothingDue"] = "er staat bij ons niets meer open",
        ["plan.completed.next.otherOpen"] = "onder de regeling is niets meer verschuldigd; eventuele andere openstaande facturen vindt u in het portaal",
        ["plan.defaulted.next"] = "wij sturen voor deze facturen weer herinneringen; kunt u slechts een deel betalen of heeft u een nieuwe regeling nodig, beantwoord dan deze e-mail of gebruik de link hieronder",
        ["plan.due.next"] = "Volgende termijn: {amount}",
        ["plan.due.paid"] = "Tot nu toe betaald: {paid} van {total}",
        ["plan.due.nextStep"] = "zolang de termijnen op tijd binnenkomen, verandert er niets; u kunt deze termijn nu al betalen via de link hieronder",
        ["discount.line"] = "Factuur {number}: u betaalt {discounted} in plaats van {full}",
        ["discount.next"] = "na die datum geldt het volledige bedrag van {full}, te betalen uiterlijk op {dueDate}",
        ["dispute.received.line"] = "Factuur {number}: {amount} in onderzoek ({reason})",
        ["dispute.received.next"] = "wij zoeken het uit en geven u antwoord; tot die tijd vragen wij u niet om betaling van het bedrag in onderzoek",
        ["dispute.reason.pricing"] = "prijs",
        ["dispute.reason.quantity"] = "aantal",
        ["dispute.reason.damaged_or_defective"] = "beschadigd of defect",
        ["dispute.reason.not_received"] = "niet ontvangen",
        ["dispute.reason.duplicate_billing"] = "dubbel gefactureerd",
        ["dispute.reason.already_paid"] = "al betaald",
        ["dispute.reason.other"] = "overig",
        ["dispute.replied.line"] = "Betreft factuur {number}: {reply}",
        ["dispute.replied.next"] = "u kunt het volledige gesprek lezen en ons antwoorden via de link hieronder; het bedrag in onderzoek blijft intussen opgeschort",
        ["dispute.resolved.line"] = "Factuur {number}: {outcome}",
        ["dispute.outcome.upheld"] = "wij geven u gelijk en hebben de factuur gecorrigeerd",
        ["dispute.outcome.partiallyUpheld"] = "wij geven u gedeeltelijk gelijk en hebben de factuur dienovereenkomstig gecorrigeerd",
        ["dispute.outcome.rejected"] = "wij hebben de factuur gecontroleerd en die blijft ongewijzigd; de toelichting vindt u in het portaal",
        ["dispute.resolved.credit"] = "Voor factuur {number} hebben wij een creditnota van {amount} opgemaakt",
        ["dispute.resolved.next.nothingDue"] = "op factuur {number} staat niets meer open",
        ["dispute.resolved.next.remainingDue"] = "het restant van {amount} op factuur {number} staat nog open; u kunt dit geheel of gedeeltelijk voldoen via de link hieronder",
        ["promise.recorded.line"] = "{amount} uiterlijk op {date}",
        ["promise.recorded.next"] = "tot die datum sturen wij geen herinneringen voor het toegezegde bedrag; heeft de betaling ons kort na die datum nog niet bereikt, dan sturen wij weer herinneringen",
        ["promise.broken.line"] = "{amount} van de toegezegde betaling ontbreekt nog",
        ["promise.broken.next"] = "wij sturen weer herinneringen; is er iets tussengekomen, beantwoord dan deze e-mail of stel via de link hieronder een betalingsregeling voor",
        ["portalLink.next"] = "er verandert niets aan uw account",
        ["caseFile.title"] = "Incassodossier: {debtor}",
        ["caseFile.intro"] = "Debiteur {externalId} ({id}), {country}, klant sinds {since}. Opgesteld op {generated}.",
        ["caseFile.openBalance"] = "Openstaand saldo: {amounts}",
        ["caseFile.billingAddress"] = "Factuuradres: {address}",
        ["caseFile.noBillingAddress"] = "Geen factuuradres bekend.",
        ["caseFile.nothingOpen"] = "geen openstaande posten",
        ["caseFile.none"] = "Geen gegevens.",
        ["caseFile.primary"] = "hoofdcontactpersoon",
        ["caseFile.contacts"] = "Contactpersonen",
        ["caseFile.invoices"] = "Facturen en betalingsvoorwaarden",
        ["caseFile.ledger"] = "Rekeningoverzicht",
        ["caseFile.payments"] = "Betalingen",
        ["caseFile.disputes"] = "Geschillen",
        ["caseFile.plans"] = "Betalingsregelingen",
        ["caseFile.promises"] = "Betalingstoezeggingen",
        ["caseFile.messages"] = "Correspondentie",
        ["caseFile.tasks"] = "Belacties en taken",
        ["caseFile.escalations"] = "Overdrachten aan incassobureau en advocaat",
        ["caseFile.col.name"] = "Naam",
        ["caseFile.col.role"] = "Functie",
        ["caseFile.col.email"] = "E-mail",
        ["caseFile.col.phone"] = "Telefoon",
        ["caseFile.col.address"] = "Adres",
        ["caseFile.col.number"] = "Factuurnummer",
        ["caseFile.col.po"] = "Inkooporder",
        ["caseFile.col.issued"] = "Factuurdatum",
        ["caseFile.col.due"] = "Vervaldatum",
        ["caseFile.col.total"] = "Totaalbedrag",
        ["caseFile.col.balance"] = "Openstaand",
        ["caseFile.col.status"] = "Status",
        ["caseFile.col.terms"] = "Betalingsvoorwaarden",
        ["caseFile.col.date"] = "Datum",
        ["caseFile.col.item"] = "Document",
        ["caseFile.col.entry"] = "Boekingssoort",
        ["caseFile.col.amount"] = "Bedrag",
        ["caseFile.col.balanceAfter"] = "Nieuw saldo",
        ["caseFile.col.reason"] = "Reden",
        ["caseFile.col.received"] = "Ontvangen op",
        ["caseFile.col.method"] = "Betaalwijze",
        ["caseFile.col.refunded"] = "Terugbetaald",
        ["caseFile.col.created"] = "Aangemaakt op",
        ["caseFile.col.paid"] = "Betaald",
        ["caseFile.col.nextDue"] = "Volgende vervaldatum",
        ["caseFile.col.made"] = "Toegezegd op",
        ["caseFile.col.by"] = "Behandelaar",
        ["caseFile.col.promisedFor"] = "Toegezegde betaaldatum",
        ["caseFile.col.written"] = "Opgesteld op",
        ["caseFile.col.channel"] = "Kanaal",
        ["caseFile.col.step"] = "Aanmaningsniveau",
        ["caseFile.col.to"] = "Ontvanger",
        ["caseFile.col.subject"] = "Onderwerp",
        ["caseFile.col.sent"] = "Verzonden op",
        ["caseFile.col.kind"] = "Soort",
        ["caseFile.col.outcome"] = "Resultaat",
        ["caseFile.col.note"] = "Opmerking",
        ["caseFile.col.type"] = "Soort",
        ["caseFile.col.agency"] = "Incassobureau",
        ["caseFile.col.fee"] = "Incassoprovisie",
        ["caseFile.dispute.heading"] = "{number} betreffende factuur {invoice}",
        ["caseFile.dispute.opened"] = "Geopend op {openedAt}.",
        ["caseFile.dispute.openedAndClosed"] = "Geopend op {openedAt}, afgesloten op {closedAt}.",
        ["caseFile.dispute.attachments"] = "Bijlagen: {names}",
        ["caseFile.dispute.resolution"] = "Afhandeling:",
        ["caseFile.terms.net"] = "{days} dagen netto",
        ["caseFile.terms.discount"] = "{percent}% betalingskorting binnen {days} dagen",
    },
    [
        new("email_pre_due", "Binnenkort te betalen: {{invoiceCount}} factuur/facturen voor {{debtorName}}", """
            <p>{{salutation}}</p>
            <p>{{relationship}} Een korte attentie, zodat er niets tussendoor glipt: binnenkort verloopt de betaaltermijn van de onderstaande facturen.</p>
            <p>Klant: {{debtorName}}</p>
            {{invoiceTable}}
            <p>Totaal: <strong>{{totalDue}}</strong>.{{earlyPaymentSaving}}</p>
            {{disputeNote}}
            """ + WaysForward + """
            <p>Wat er verder gebeurt: als wij uw betaling niet uiterlijk op {{nextStepDate}} hebben ontvangen, {{nextStep}}.</p>
            """ + Signature),
        new("email_notice", "Betalingsherinnering voor {{debtorName}}: {{totalDue}}", """
            <p>{{salutation}}</p>
            <p>{{relationship}} Wij hebben de betaling van de onderstaande facturen nog niet ontvangen. Vermoedelijk is dit aan uw aandacht ontsnapt; hieronder zetten wij de gegevens voor u op een rij:</p>
            <p>Klant: {{debtorName}}</p>
            {{invoiceTable}}
            <p>Totaal te betalen: <strong>{{totalDue}}</strong>.</p>
            {{disputeNote}}
            """ + WaysForward + """
            <p>Wat er verder gebeurt: als wij uw betaling niet uiterlijk op {{nextStepDate}} hebben ontvangen, {{nextStep}}. Heeft u inmiddels betaald, dan danken wij u daarvoor en kunt u dit bericht als niet verzonden beschouwen.</p>
            """ + Signature),
        new("email_firm", "Vervallen facturen voor {{debtorName}}: graag uw betaaldatum", """
            <p>{{salutation}}</p>
            <p>De betaaltermijn van de onderstaande facturen is verstreken en wij hebben hierover nog niets van u vernomen.</p>
            <p>Klant: {{debtorName}}</p>
            {{invoiceTable}}
            <p>Totaal vervallen bedrag: <strong>{{totalDue}}</strong>.</p>
            {{disputeNote}}
            <p>Wij verzoeken u het openstaande saldo te betalen, of ons te laten weten op welke datum u dit zult doen. Zoals vermeld in de betalingsvoorwaarden van deze facturen, kunnen bij te late betaling extra kosten in rekening worden gebracht.</p>
            """ + WaysForward + """
            <p>Wat er verder gebeurt: als wij uiterlijk op {{nextStepDate}} geen betaling of betaaldatum van u hebben ontvangen, {{nextStep}}.</p>
            """ + Signature),
        new("email_final", "Laatste aanmaning voor {{debtorName}}: {{totalDue}} nog niet betaald", """
            <p>{{salutation}}</p>
            <p>Ondanks onze eerdere berichten zijn de onderstaande facturen nog altijd niet betaald.</p>
            <p>Klant: {{debtorName}}</p>
            {{invoiceTable}}
            <p>Totaal vervallen bedrag: <strong>{{totalDue}}</strong>.</p>
            {{disputeNote}}
            <p>Dit is onze laatste aanmaning voordat wij de volgende stap zetten. Wij komen er veel liever rechtstreeks met u uit.</p>
            """ + WaysForward + """
            <p>Wat er verder gebeurt: als het openstaande saldo uiterlijk op {{nextStepDate}} niet is betaald en er ook geen betalingsregeling is afgesproken, {{nextStep}}.</p>
            """ + Signature),
        new("letter_final", "Laatste aanmaning: {{totalDue}} nog niet betaald", """
            <p>{{debtorName}}<br>T.a.v. {{contactName}}</p>
            <p>{{salutation}}</p>
            <p>Ondanks onze eerdere herinneringen zijn de onderstaande facturen nog altijd niet betaald.</p>
            {{invoiceTable}}
            <p>Totaal vervallen bedrag: <strong>{{totalDue}}</strong>.</p>
            {{disputeNote}}
            <p>Dit is onze laatste aanmaning. Wij hechten veel waarde aan onze samenwerking en komen er veel liever rechtstreeks met u uit.</p>
            """ + WaysForward + """
            <p>Wat er verder gebeurt: als het openstaande saldo uiterlijk op {{nextStepDate}} niet is betaald en er ook geen betalingsregeling is afgesproken, {{nextStep}}.</p>
            """ + Signature),
        new("email_portal_link", "Uw nieuwe link naar uw account bij {{senderName}}", """
            <p>{{salutation}}</p>
            <p>U heeft om een nieuwe link naar uw account gevraagd. Hierbij ontvangt u deze: {{portalLink}}</p>
            <p>De link is persoonlijk en blijft een beperkte tijd geldig. Heeft u hier niet om gevraagd, dan kunt u deze e-mail negeren: er verandert niets aan uw account.</p>
            """ + Signature),
        new("email_payment_reversed", "Uw bank heeft uw betaling van {{amount}} teruggeboekt", """
            <p>{{salutation}}</p>
            <p>Uw bank heeft een betaling die u aan ons had gedaan teruggeboekt, nadat u deze bij de bank had betwist. De facturen die met deze betaling waren voldaan, staan daardoor weer open:</p>
            {{details}}
            <p>Uw openstaande saldo per {{nextStepDate}}: <strong>{{totalDue}}</strong>.</p>
            <p>Wat er verder gebeurt: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_receipt", "Hartelijk dank: {{amount}} van {{debtorName}} ontvangen", """
            <p>{{salutation}}</p>
            <p>Hartelijk dank: wij hebben uw betaling van <strong>{{amount}}</strong> ontvangen en als volgt verwerkt.</p>
            <p>Klant: {{debtorName}}</p>
            {{details}}
            <p>Uw openstaande saldo per {{nextStepDate}}: <strong>{{totalDue}}</strong>.</p>
            <p>Wat er verder gebeurt: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_debit_failed", "Uw automatische incasso van {{amount}} is niet gelukt", """
            <p>{{salutation}}</p>
            <p>Helaas moeten wij u laten weten dat uw automatische incasso niet is gelukt; de onderstaande facturen staan daardoor nog open.</p>
            {{details}}
            <p>Wat er verder gebeurt: {{nextStep}} (per {{nextStepDate}} staat er {{totalDue}} voor u open).</p>
            """ + CourtesyClose),
        new("email_plan_agreed", "Uw betalingsregeling bij ons: {{amount}}", """
            <p>{{salutation}}</p>
            <p>Hartelijk dank dat u met ons een betalingsregeling bent overeengekomen. Wij hebben het volgende afgesproken:</p>
            {{details}}
            <p>Vervaldatum eerste termijn: <strong>{{nextStepDate}}</strong>.</p>
            <p>Wat er verder gebeurt: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_discount_ending", "Bespaar {{amount}}: uw betalingskorting loopt binnenkort af", """
            <p>{{salutation}}</p>
            <p>Een korte attentie, zodat u het niet mist: door vroegtijdig te betalen, bespaart u nu nog geld.</p>
            {{details}}
            <p>Laatste dag voor de korting: <strong>{{nextStepDate}}</strong>. Wat er verder gebeurt: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_plan_installment_due", "Uw betalingsregeling: {{amount}} te betalen op {{nextStepDate}}", """
            <p>{{salutation}}</p>
            <p>Een vriendelijke attentie vooraf: binnenkort is de volgende termijn van uw betalingsregeling te betalen.</p>
            {{details}}
            <p>Wat er verder gebeurt: {{nextStep}}. Vervaldatum: <strong>{{nextStepDate}}</strong>.</p>
            """ + CourtesyClose),
        new("email_plan_installment_late", "Uw betalingsregeling: een termijn is nog niet ontvangen", """
            <p>{{salutation}}</p>
            <p>Een termijn van uw betalingsregeling hebben wij nog niet ontvangen. Mogelijk is de betaling al onderweg:</p>
            {{details}}
            <p>Wat er verder gebeurt: {{nextStep}}. Wij verzoeken u uiterlijk op {{nextStepDate}} te betalen.</p>
            """ + CourtesyClose),
        new("email_plan_completed", "Uw betalingsregeling is afgerond: hartelijk dank", """
            <p>{{salutation}}</p>
            <p>Hartelijk dank: alle termijnen van uw betalingsregeling zijn betaald.</p>
            {{details}}
            <p>Uw openstaande saldo per {{nextStepDate}}: <strong>{{totalDue}}</strong>. Wat er verder gebeurt: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_plan_defaulted", "Uw betalingsregeling is beëindigd", """
            <p>{{salutation}}</p>
            <p>Een termijn van uw betalingsregeling is onbetaald gebleven; daardoor is de regeling op {{nextStepDate}} beëindigd. De volgende facturen staan weer open:</p>
            {{details}}
            <p>Wat er verder gebeurt: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_dispute_received", "Wij hebben uw melding over {{amount}} ontvangen", """
            <p>{{salutation}}</p>
            <p>Hartelijk dank dat u ons dit heeft laten weten. Wij hebben voor uw melding een dossier geopend:</p>
            {{details}}
            <p>Wij reageren uiterlijk op <strong>{{nextStepDate}}</strong>. Wat er verder gebeurt: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_dispute_replied", "Een reactie op uw melding", """
            <p>{{salutation}}</p>
            <p>Wij hebben op {{nextStepDate}} gereageerd op uw melding:</p>
            {{details}}
            <p>Wat er verder gebeurt: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_dispute_resolved", "Uw melding is afgehandeld", """
            <p>{{salutation}}</p>
            <p>Wij hebben uw melding onderzocht; dit is de stand van zaken per {{nextStepDate}}:</p>
            {{details}}
            <p>Wat er verder gebeurt: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_promise_recorded", "Hartelijk dank: uw betaaldatum is genoteerd", """
            <p>{{salutation}}</p>
            <p>Hartelijk dank dat u ons heeft laten weten wanneer u betaalt. Wij hebben het volgende genoteerd:</p>
            {{details}}
            <p>Wat er verder gebeurt: {{nextStep}}. Toegezegde betaaldatum: {{nextStepDate}}.</p>
            """ + CourtesyClose),
        new("email_promise_broken", "Uw toegezegde betaling is nog niet ontvangen", """
            <p>{{salutation}}</p>
            <p>De betaling die u heeft toegezegd, hebben wij nog niet volledig ontvangen:</p>
            {{details}}
            <p>Wat er verder gebeurt: {{nextStep}} (per {{nextStepDate}} staat er {{totalDue}} voor u open).</p>
            """ + CourtesyClose),
    ]);
}
