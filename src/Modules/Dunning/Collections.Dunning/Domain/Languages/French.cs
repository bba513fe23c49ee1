namespace Collections.Dunning.Domain.Languages;

/// <summary>
/// French (vous), as a credit controller writes to a business customer. The spaces before ":" and ";" are no-break
/// spaces (U+00A0), as French typography requires; keep them when editing.
/// </summary>
internal static class French
{
    private const string WaysForward = """
        <p>Comme vous le préférez, vous pouvez régler en ligne tout ou partie du montant, proposer un échéancier ou nous signaler un problème sur une facture, le tout au même endroit : {{portalLink}}</p>
        """;

    private const string Signature = """
        <p>Pour toute question, il vous suffit de répondre à cet e-mail : {{senderName}} vous répondra personnellement.</p>
        <p>Bien cordialement,<br>{{senderName}}</p>
        """;

    /// <summary>A posted letter cannot be answered by e-mail, and closes with the formula of a French business letter.</summary>
    private const string LetterSignature = """
        <p>Pour toute question, n'hésitez pas à contacter directement {{senderName}}, qui vous répondra personnellement.</p>
        <p>Nous vous prions d'agréer l'expression de nos salutations distinguées.<br>{{senderName}}</p>
        """;

    private const string CourtesyClose = """
        <p>Vos factures, règlements et accords de paiement restent consultables à tout moment ici : {{portalLink}}</p>
        """ + Signature;

    public static readonly Language Language = new("fr", new Dictionary<string, string>
    {
        ["salutation.named"] = "Bonjour {fullName},",
        ["salutation.unnamed"] = "Madame, Monsieur,",
        ["contact.unnamed"] = "Service comptabilité fournisseurs",
        ["list.and"] = " et ",
        ["relationship.year"] = "Nous travaillons ensemble depuis {since} et vous remercions de cette première année de collaboration.",
        ["relationship.years"] = "Nous travaillons ensemble depuis {since} et vous remercions de ces {years} années de collaboration.",
        ["relationship.new"] = "Nous vous remercions de votre confiance.",
        ["saving"] = " En réglant au plus tard le {payBy}, vous bénéficiez d'un escompte pour paiement anticipé de {saving}.",
        ["note.disputed"] = "Sur la facture {number}, un montant de {disputed} fait l'objet de votre contestation et est en cours d'examen ; dans l'attente de sa résolution, nous vous demandons uniquement de régler la part non contestée, soit {undisputed}.",
        ["note.promised"] = "Sur la facture {number}, un montant de {promised} est couvert par votre engagement de règlement d'ici le {promisedBy} ; nous vous demandons uniquement de régler le solde, soit {remaining}.",
        ["table.invoice"] = "Facture",
        ["table.po"] = "N° de commande",
        ["table.dueDate"] = "Échéance",
        ["table.amountDue"] = "Montant dû",
        ["table.line"] = "Facture {number} (commande {po}), échéance le {dueDate} : {amount}",
        ["next.personal"] = "{sender} vous contactera personnellement afin de convenir ensemble du règlement de votre compte",
        ["next.seniorCall"] = "notre responsable du crédit clients vous appellera afin de convenir ensemble d'une solution",
        ["next.agencyReview"] = "nous étudierons l'opportunité de confier le recouvrement de votre dossier à une société spécialisée, comme le prévoient nos conditions générales",
        ["next.legalReview"] = "nous étudierons l'opportunité d'engager une procédure judiciaire pour recouvrer ce montant, comme le prévoient nos conditions générales",
        ["next.financeReview"] = "notre service financier procédera à un examen de votre dossier",
        ["next.call"] = "{sender} vous appellera pour faire le point avec vous",
        ["next.letter"] = "nous vous adresserons une dernière relance par courrier postal",
        ["next.firm"] = "nous reviendrons vers vous pour vous demander une date de règlement ferme",
        ["next.final"] = "nous vous adresserons une dernière relance",
        ["next.reminder"] = "nous vous adresserons un bref rappel",
        ["invoice.open"] = "Facture {number} : {amount} restant à régler",
        ["invoice.unknown"] = "Facture {number}",
        ["receipt.item"] = "Facture {number}",
        ["receipt.itemWithPo"] = "Facture {number} (commande {po})",
        ["receipt.unknownItem"] = "Une pièce de votre compte",
        ["receipt.discount"] = ", après déduction d'un escompte pour paiement anticipé de {amount}",
        ["receipt.settled"] = "désormais intégralement soldée",
        ["receipt.stillOpen"] = "{amount} restant à régler",
        ["receipt.line"] = "{item} : règlement de {paid}{discount} ; {rest}",
        ["receipt.credit"] = "Un montant de {amount} est conservé en crédit sur votre compte et sera imputé sur votre prochaine facture",
        ["receipt.next.nothingDue"] = "plus aucun montant n'est dû sur votre compte ; vous n'avez donc rien d'autre à faire",
        ["receipt.next.overdue"] = "la facture {number}, d'un montant de {amount}, est arrivée à échéance le {dueDate} ; vous pouvez la régler, en tout ou partie, à tout moment via le lien ci-dessous",
        ["receipt.next.upcoming"] = "la prochaine échéance est la facture {number}, d'un montant de {amount}, payable le {dueDate}",
        ["debitFailed.next"] = "aucun montant n'a été prélevé sur votre compte bancaire ; nous vous remercions de bien vouloir régler à nouveau via le lien ci-dessous, par carte, prélèvement ou virement bancaire",
        ["reversed.line"] = "Règlement reçu le {receivedOn} : un montant de {amount} vous a été restitué par votre banque",
        ["reversed.next.nothingOpen"] = "aucun montant n'est en attente sur votre compte ; vous n'avez donc rien à faire",
        ["reversed.next.open"] = "nous vous remercions de bien vouloir régler à nouveau les factures concernées ou, en cas d'erreur, de nous le signaler via le lien ci-dessous ; nos relances reprendront pour les montants qui resteront dus",
        ["plan.agreed.installments"] = "{count} échéances, pour un total de {amount}",
        ["plan.agreed.invoices"] = "Factures concernées : {numbers}",
        ["plan.agreed.next"] = "tant que les échéances sont réglées à temps, nous ne vous adressons aucune relance pour ces factures ; chaque échéance et sa date sont consultables dans votre espace client",
        ["plan.late.line"] = "Échéance n° {number}, prévue le {dueDate} : {amount} restant à régler",
        ["plan.late.next"] = "si cette échéance n'est toujours pas réglée après le {lastDay}, l'échéancier prendra fin et les relances habituelles reprendront pour le solde ; si vous venez d'effectuer le règlement, nous vous en remercions",
        ["plan.completed.line"] = "Toutes les échéances ont été réglées",
        ["plan.completed.next.nothingDue"] = "plus aucun montant n'est dû sur votre compte",
        ["plan.completed.next.otherOpen"] = "plus aucun montant n'est dû au titre de l'échéancier ; toute autre facture en attente figure dans votre espace client",
        ["plan.defaulted.next"] = "nos relances reprennent pour ces factures ; si vous ne pouvez en régler qu'une partie ou souhaitez convenir d'un nouvel accord, répondez simplement à cet e-mail ou utilisez le lien ci-dessous",
        ["plan.due.next"] = "Prochaine échéance : {amount}",
        ["plan.due.paid"] = "Déjà réglé : {paid} sur {total}",
        ["plan.due.nextStep"] = "rien ne change tant que les échéances sont réglées à temps ; vous pouvez régler celle-ci dès maintenant via le lien ci-dessous",
        ["discount.line"] = "Facture {number} : {discounted} à régler au lieu de {full}",
        ["discount.next"] = "passé la date limite de l'escompte, le montant intégral de {full} sera dû le {dueDate}",
        ["dispute.received.line"] = "Facture {number} : {amount} en cours d'examen (motif : {reason})",
        ["dispute.received.next"] = "nous examinons votre demande et revenons vers vous ; d'ici là, nous ne vous demandons pas de régler le montant en cours d'examen",
        ["dispute.reason.pricing"] = "prix",
        ["dispute.reason.quantity"] = "quantités",
        ["dispute.reason.damaged_or_defective"] = "marchandise endommagée ou défectueuse",
        ["dispute.reason.not_received"] = "non-réception",
        ["dispute.reason.duplicate_billing"] = "double facturation",
        ["dispute.reason.already_paid"] = "facture déjà réglée",
        ["dispute.reason.other"] = "autre",
        ["dispute.replied.line"] = "Concernant la facture {number} : {reply}",
        ["dispute.replied.next"] = "vous pouvez consulter l'ensemble de l'échange et nous répondre via le lien ci-dessous ; d'ici là, le montant en cours d'examen reste en suspens",
        ["dispute.resolved.line"] = "Facture {number} : {outcome}",
        ["dispute.outcome.upheld"] = "nous vous donnons raison et avons corrigé la facture",
        ["dispute.outcome.partiallyUpheld"] = "nous vous donnons partiellement raison et avons corrigé la facture en conséquence",
        ["dispute.outcome.rejected"] = "après vérification, la facture est maintenue telle qu'émise ; le détail figure dans votre espace client",
        ["dispute.resolved.credit"] = "Un avoir de {amount} a été émis sur la facture {number}",
        ["dispute.resolved.next.nothingDue"] = "plus aucun montant n'est dû au titre de la facture {number}",
        ["dispute.resolved.next.remainingDue"] = "le solde de {amount} de la facture {number} reste dû ; vous pouvez le régler, en tout ou partie, via le lien ci-dessous",
        ["promise.recorded.line"] = "{amount} au plus tard le {date}",
        ["promise.recorded.next"] = "nous ne vous adresserons aucune relance pour ce montant d'ici là ; s'il ne nous est pas parvenu peu après cette date, nos relances reprendront",
        ["promise.broken.line"] = "Montant manquant sur le règlement annoncé : {amount}",
        ["promise.broken.next"] = "nos relances reprennent ; si un imprévu vous en a empêché, répondez simplement à cet e-mail ou proposez un échéancier via le lien ci-dessous",
        ["portalLink.next"] = "rien ne change sur votre compte",
        ["caseFile.title"] = "Dossier de recouvrement : {debtor}",
        ["caseFile.intro"] = "Débiteur {externalId} ({id}), {country}, client depuis le {since}. Dossier établi le {generated}.",
        ["caseFile.openBalance"] = "Solde restant dû : {amounts}",
        ["caseFile.billingAddress"] = "Adresse de facturation : {address}",
        ["caseFile.noBillingAddress"] = "Aucune adresse de facturation enregistrée.",
        ["caseFile.nothingOpen"] = "aucun montant dû",
        ["caseFile.none"] = "Néant.",
        ["caseFile.primary"] = "principal",
        ["caseFile.contacts"] = "Contacts",
        ["caseFile.invoices"] = "Factures et conditions de paiement",
        ["caseFile.ledger"] = "Relevé de compte",
        ["caseFile.payments"] = "Règlements",
        ["caseFile.disputes"] = "Litiges",
        ["caseFile.plans"] = "Échéanciers",
        ["caseFile.promises"] = "Engagements de règlement",
        ["caseFile.messages"] = "Correspondance",
        ["caseFile.tasks"] = "Appels et tâches",
        ["caseFile.escalations"] = "Transmissions au recouvrement et au contentieux",
        ["caseFile.col.name"] = "Nom",
        ["caseFile.col.role"] = "Fonction",
        ["caseFile.col.email"] = "E-mail",
        ["caseFile.col.phone"] = "Téléphone",
        ["caseFile.col.address"] = "Adresse",
        ["caseFile.col.number"] = "N° de facture",
        ["caseFile.col.po"] = "N° de commande",
        ["caseFile.col.issued"] = "Date d'émission",
        ["caseFile.col.due"] = "Échéance",
        ["caseFile.col.total"] = "Montant total",
        ["caseFile.col.balance"] = "Reste dû",
        ["caseFile.col.status"] = "Statut",
        ["caseFile.col.terms"] = "Conditions de paiement",
        ["caseFile.col.date"] = "Date",
        ["caseFile.col.item"] = "Pièce",
        ["caseFile.col.entry"] = "Nature",
        ["caseFile.col.amount"] = "Montant",
        ["caseFile.col.balanceAfter"] = "Nouveau solde",
        ["caseFile.col.reason"] = "Motif",
        ["caseFile.col.received"] = "Reçu le",
        ["caseFile.col.method"] = "Mode de règlement",
        ["caseFile.col.refunded"] = "Remboursé",
        ["caseFile.col.created"] = "Date de création",
        ["caseFile.col.paid"] = "Réglé",
        ["caseFile.col.nextDue"] = "Prochaine échéance",
        ["caseFile.col.made"] = "Date de l'engagement",
        ["caseFile.col.by"] = "Gestionnaire",
        ["caseFile.col.promisedFor"] = "Échéance promise",
        ["caseFile.col.written"] = "Rédigé le",
        ["caseFile.col.channel"] = "Canal",
        ["caseFile.col.step"] = "Niveau de relance",
        ["caseFile.col.to"] = "Destinataire",
        ["caseFile.col.subject"] = "Objet",
        ["caseFile.col.sent"] = "Envoyé le",
        ["caseFile.col.kind"] = "Type",
        ["caseFile.col.outcome"] = "Résultat",
        ["caseFile.col.note"] = "Commentaire",
        ["caseFile.col.type"] = "Type",
        ["caseFile.col.agency"] = "Cabinet de recouvrement",
        ["caseFile.col.fee"] = "Commission de recouvrement",
        ["caseFile.dispute.heading"] = "{number} sur la facture {invoice}",
        ["caseFile.dispute.opened"] = "Ouvert le {openedAt}.",
        ["caseFile.dispute.openedAndClosed"] = "Ouvert le {openedAt}, clos le {closedAt}.",
        ["caseFile.dispute.attachments"] = "Pièces jointes : {names}",
        ["caseFile.dispute.resolution"] = "Décision :",
        ["caseFile.terms.net"] = "{days} jours net",
        ["caseFile.terms.discount"] = "escompte de {percent} % sous {days} jours",
    },
    [
        new("email_pre_due", "Prochaine échéance : {{invoiceCount}} facture(s) pour {{debtorName}}", """
            <p>{{salutation}}</p>
            <p>{{relationship}} Pour que rien ne vous échappe, voici un aperçu des échéances à venir.</p>
            <p>Compte client : {{debtorName}}</p>
            {{invoiceTable}}
            <p>Total : <strong>{{totalDue}}</strong>.{{earlyPaymentSaving}}</p>
            {{disputeNote}}
            """ + WaysForward + """
            <p>Pour la suite : si votre règlement ne nous est pas parvenu d'ici le {{nextStepDate}}, {{nextStep}}.</p>
            """ + Signature),
        new("email_notice", "Rappel de règlement pour {{debtorName}} : {{totalDue}}", """
            <p>{{salutation}}</p>
            <p>{{relationship}} Sauf erreur de notre part, nous n'avons pas encore reçu le règlement des factures ci-dessous. Il s'agit très certainement d'un simple oubli ; en voici le détail :</p>
            <p>Compte client : {{debtorName}}</p>
            {{invoiceTable}}
            <p>Total à régler : <strong>{{totalDue}}</strong>.</p>
            {{disputeNote}}
            """ + WaysForward + """
            <p>Pour la suite : si votre règlement ne nous est pas parvenu d'ici le {{nextStepDate}}, {{nextStep}}. Si vous avez déjà effectué ce règlement, nous vous en remercions et vous prions de ne pas tenir compte de ce message.</p>
            """ + Signature),
        new("email_firm", "Factures échues pour {{debtorName}} : merci de nous confirmer une date de règlement", """
            <p>{{salutation}}</p>
            <p>Les factures ci-dessous sont désormais échues et, à ce jour, nous n'avons eu aucun retour de votre part à leur sujet.</p>
            <p>Compte client : {{debtorName}}</p>
            {{invoiceTable}}
            <p>Total échu : <strong>{{totalDue}}</strong>.</p>
            {{disputeNote}}
            <p>Nous vous remercions de bien vouloir régler ce solde, ou de nous indiquer la date à laquelle vous le réglerez. Conformément aux conditions de paiement figurant sur ces factures, les montants échus peuvent donner lieu à des pénalités de retard.</p>
            """ + WaysForward + """
            <p>Pour la suite : si ni votre règlement ni une date de règlement ne nous sont parvenus d'ici le {{nextStepDate}}, {{nextStep}}.</p>
            """ + Signature),
        new("email_final", "Dernière relance pour {{debtorName}} : {{totalDue}} en retard de paiement", """
            <p>{{salutation}}</p>
            <p>Malgré nos précédents messages, les factures ci-dessous restent impayées.</p>
            <p>Compte client : {{debtorName}}</p>
            {{invoiceTable}}
            <p>Total échu : <strong>{{totalDue}}</strong>.</p>
            {{disputeNote}}
            <p>Il s'agit de notre dernière relance avant l'étape suivante. Nous préférerions de loin régler cette situation directement avec vous.</p>
            """ + WaysForward + """
            <p>Pour la suite : si, d'ici le {{nextStepDate}}, le solde n'est pas réglé et qu'aucun échéancier n'a été convenu, {{nextStep}}.</p>
            """ + Signature),
        new("letter_final", "Dernière relance : {{totalDue}} en retard de paiement", """
            <p>{{debtorName}}<br>{{contactName}}</p>
            <p>{{salutation}}</p>
            <p>Malgré nos précédentes relances, les factures ci-dessous restent impayées.</p>
            {{invoiceTable}}
            <p>Total échu : <strong>{{totalDue}}</strong>.</p>
            {{disputeNote}}
            <p>Il s'agit de notre dernière relance. Nous tenons à notre relation commerciale et préférerions de loin régler cette situation directement avec vous.</p>
            """ + WaysForward + """
            <p>Pour la suite : si, d'ici le {{nextStepDate}}, le solde n'est pas réglé et qu'aucun échéancier n'a été convenu, {{nextStep}}.</p>
            """ + LetterSignature),
        new("email_portal_link", "Votre nouveau lien d'accès à votre compte chez {{senderName}}", """
            <p>{{salutation}}</p>
            <p>Vous nous avez demandé un nouveau lien d'accès à votre compte. Le voici : {{portalLink}}</p>
            <p>Ce lien vous est personnel et reste valable pendant une durée limitée. Si vous n'êtes pas à l'origine de cette demande, vous pouvez ignorer cet e-mail : rien ne change sur votre compte.</p>
            """ + Signature),
        new("email_payment_reversed", "Votre banque a annulé votre paiement de {{amount}}", """
            <p>{{salutation}}</p>
            <p>À la suite de la contestation que vous avez formulée auprès de votre banque, celle-ci vous a restitué un paiement que vous nous aviez adressé ; les factures qu'il réglait sont donc de nouveau à régler :</p>
            {{details}}
            <p>Montant restant dû sur votre compte au {{nextStepDate}} : <strong>{{totalDue}}</strong>.</p>
            <p>Pour la suite : {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_receipt", "Merci : règlement de {{amount}} bien reçu pour {{debtorName}}", """
            <p>{{salutation}}</p>
            <p>Nous avons bien reçu votre règlement de <strong>{{amount}}</strong> et vous en remercions. Il a été imputé comme suit.</p>
            <p>Compte client : {{debtorName}}</p>
            {{details}}
            <p>Montant restant dû sur votre compte au {{nextStepDate}} : <strong>{{totalDue}}</strong>.</p>
            <p>Pour la suite : {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_debit_failed", "Votre prélèvement de {{amount}} n'a pas abouti", """
            <p>{{salutation}}</p>
            <p>Nous sommes au regret de vous informer que votre prélèvement n'a pas abouti ; les factures ci-dessous restent donc à régler.</p>
            {{details}}
            <p>Pour la suite : {{nextStep}} (au {{nextStepDate}}, le montant restant dû sur votre compte s'élève à {{totalDue}}).</p>
            """ + CourtesyClose),
        new("email_plan_agreed", "Votre échéancier de paiement : {{amount}}", """
            <p>{{salutation}}</p>
            <p>Nous vous remercions d'avoir convenu d'un échéancier de paiement avec nous. En voici les modalités :</p>
            {{details}}
            <p>Première échéance : <strong>{{nextStepDate}}</strong>.</p>
            <p>Pour la suite : {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_discount_ending", "Économisez {{amount}} : votre escompte pour paiement anticipé prend bientôt fin", """
            <p>{{salutation}}</p>
            <p>Pour que vous ne manquiez pas cette occasion : un règlement anticipé vous permet encore de réaliser une économie.</p>
            {{details}}
            <p>Pour la suite : {{nextStep}}. Dernier jour pour bénéficier de l'escompte : <strong>{{nextStepDate}}</strong>.</p>
            """ + CourtesyClose),
        new("email_plan_installment_due", "Votre échéancier : {{amount}} à régler le {{nextStepDate}}", """
            <p>{{salutation}}</p>
            <p>Nous vous rappelons que la prochaine échéance de votre échéancier de paiement arrive bientôt.</p>
            {{details}}
            <p>Pour la suite : {{nextStep}}. Date d'échéance : <strong>{{nextStepDate}}</strong>.</p>
            """ + CourtesyClose),
        new("email_plan_installment_late", "Votre échéancier : une échéance ne nous est pas parvenue", """
            <p>{{salutation}}</p>
            <p>Une échéance de votre échéancier de paiement ne nous est pas encore parvenue. Le règlement est peut-être simplement en cours :</p>
            {{details}}
            <p>Pour la suite : {{nextStep}}. Nous vous remercions de bien vouloir la régler au plus tard le {{nextStepDate}}.</p>
            """ + CourtesyClose),
        new("email_plan_completed", "Votre échéancier est entièrement réglé : merci", """
            <p>{{salutation}}</p>
            <p>Nous vous remercions : toutes les échéances de votre échéancier de paiement ont été réglées.</p>
            {{details}}
            <p>Montant restant dû sur votre compte au {{nextStepDate}} : <strong>{{totalDue}}</strong>. Pour la suite : {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_plan_defaulted", "Votre échéancier de paiement a pris fin", """
            <p>{{salutation}}</p>
            <p>Une échéance de votre échéancier de paiement est restée impayée ; l'échéancier a donc pris fin le {{nextStepDate}}. Les factures suivantes sont de nouveau à régler :</p>
            {{details}}
            <p>Pour la suite : {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_dispute_received", "Nous avons bien reçu votre demande concernant {{amount}}", """
            <p>{{salutation}}</p>
            <p>Nous vous remercions de nous en avoir fait part. Nous avons ouvert un dossier pour traiter votre demande :</p>
            {{details}}
            <p>Nous vous répondrons au plus tard le <strong>{{nextStepDate}}</strong>. Pour la suite : {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_dispute_replied", "Réponse à votre demande", """
            <p>{{salutation}}</p>
            <p>Nous avons apporté une réponse dans votre dossier le {{nextStepDate}} :</p>
            {{details}}
            <p>Pour la suite : {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_dispute_resolved", "Votre demande a été traitée", """
            <p>{{salutation}}</p>
            <p>Nous avons examiné votre demande ; voici nos conclusions au {{nextStepDate}} :</p>
            {{details}}
            <p>Pour la suite : {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_promise_recorded", "Merci : votre date de règlement est bien notée", """
            <p>{{salutation}}</p>
            <p>Nous vous remercions de nous avoir indiqué la date de votre règlement. Nous avons bien noté :</p>
            {{details}}
            <p>Pour la suite : {{nextStep}}. Date de règlement annoncée : {{nextStepDate}}.</p>
            """ + CourtesyClose),
        new("email_promise_broken", "Votre règlement annoncé ne nous est pas parvenu", """
            <p>{{salutation}}</p>
            <p>Le règlement que vous nous aviez annoncé ne nous est pas intégralement parvenu :</p>
            {{details}}
            <p>Pour la suite : {{nextStep}} (au {{nextStepDate}}, le montant restant dû sur votre compte s'élève à {{totalDue}}).</p>
            """ + CourtesyClose),
    ]);
}
