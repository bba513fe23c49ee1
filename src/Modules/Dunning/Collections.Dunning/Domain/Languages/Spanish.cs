namespace Collections.Dunning.Domain.Languages;

/// <summary>Spanish (usted), as a credit controller writes to a business customer.</summary>
internal static class Spanish
{
    private const string WaysForward = """
        <p>Elija la opción que mejor le convenga: pagar en línea el importe total o una parte, proponernos un plan de pagos o indicarnos si hay algún problema con una factura. Todo ello desde un mismo lugar: {{portalLink}}</p>
        """;

    private const string Signature = """
        <p>Si tiene cualquier duda, basta con que responda a este correo y {{senderName}} le atenderá personalmente.</p>
        <p>Un cordial saludo,<br>{{senderName}}</p>
        """;

    private const string CourtesyClose = """
        <p>Sus facturas, pagos y acuerdos están siempre disponibles aquí: {{portalLink}}</p>
        """ + Signature;

    public static readonly Language Language = new("es", new Dictionary<string, string>
    {
        ["salutation.named"] = "Estimado/a {fullName}:",
        ["salutation.unnamed"] = "Estimado cliente:",
        ["contact.unnamed"] = "Cuentas a Pagar",
        ["list.and"] = " y ",
        ["relationship.year"] = "Le agradecemos la confianza depositada en nosotros durante el año que llevamos trabajando juntos, desde {since}.",
        ["relationship.years"] = "Le agradecemos la confianza depositada en nosotros durante los {years} años que llevamos trabajando juntos, desde {since}.",
        ["relationship.new"] = "Le agradecemos que haya confiado en nosotros.",
        ["saving"] = " Si realiza el pago a más tardar el {payBy}, se ahorrará {saving} gracias a las condiciones de pronto pago.",
        ["note.disputed"] = "De la factura {number}, un importe de {disputed} está en revisión a raíz de la incidencia que nos comunicó; mientras la resolvemos, solo le solicitamos el importe no afectado, {undisputed}.",
        ["note.promised"] = "De la factura {number}, un importe de {promised} queda cubierto por su compromiso de pago a más tardar el {promisedBy}; solo le solicitamos el importe restante, {remaining}.",
        ["table.invoice"] = "Factura",
        ["table.po"] = "N.º de pedido",
        ["table.dueDate"] = "Vencimiento",
        ["table.amountDue"] = "Importe pendiente",
        ["table.line"] = "Factura {number} (pedido {po}), con vencimiento el {dueDate}: {amount}",
        ["next.personal"] = "{sender} se pondrá en contacto con usted personalmente para acordar juntos cómo regularizar el saldo pendiente",
        ["next.seniorCall"] = "el responsable de nuestro departamento de crédito le llamará para acordar una solución",
        ["next.agencyReview"] = "estudiaremos si encomendar la gestión del cobro a una agencia de recobro, tal como prevén nuestras condiciones",
        ["next.legalReview"] = "estudiaremos si emprender acciones legales para recuperar el importe, tal como prevén nuestras condiciones",
        ["next.financeReview"] = "nuestro departamento financiero revisará su cuenta de cliente",
        ["next.call"] = "{sender} le llamará para comentarlo con usted",
        ["next.letter"] = "le enviaremos un último aviso por correo postal",
        ["next.firm"] = "volveremos a escribirle para pedirle que nos confirme una fecha de pago en firme",
        ["next.final"] = "le enviaremos un último aviso",
        ["next.reminder"] = "le enviaremos un breve recordatorio",
        ["invoice.open"] = "Factura {number}: saldo pendiente de {amount}",
        ["invoice.unknown"] = "Factura {number}",
        ["receipt.item"] = "Factura {number}",
        ["receipt.itemWithPo"] = "Factura {number} (pedido {po})",
        ["receipt.unknownItem"] = "Una partida",
        ["receipt.discount"] = ", con un descuento por pronto pago de {amount}",
        ["receipt.settled"] = "queda liquidada en su totalidad",
        ["receipt.stillOpen"] = "queda un saldo pendiente de {amount}",
        ["receipt.line"] = "{item}: hemos aplicado {paid}{discount}; {rest}",
        ["receipt.credit"] = "Hemos registrado {amount} como saldo a su favor, que se compensará con su próxima factura",
        ["receipt.next.nothingDue"] = "no tiene ningún otro importe pendiente con nosotros, por lo que no necesita hacer nada más",
        ["receipt.next.overdue"] = "la factura {number}, por importe de {amount}, venció el {dueDate}; puede pagarla, total o parcialmente, en cualquier momento a través del enlace que figura más abajo",
        ["receipt.next.upcoming"] = "la próxima factura, la {number}, por importe de {amount}, vence el {dueDate}",
        ["debitFailed.next"] = "no se ha cargado ningún importe en su cuenta bancaria; le rogamos que vuelva a realizar el pago a través del enlace que figura más abajo, con tarjeta, adeudo directo o transferencia bancaria",
        ["reversed.line"] = "Del pago que recibimos de usted el {receivedOn}, su banco le ha devuelto {amount}",
        ["reversed.next.nothingOpen"] = "no tiene ningún importe pendiente con nosotros, por lo que no necesita hacer nada",
        ["reversed.next.open"] = "le rogamos que vuelva a pagar las facturas pendientes o que nos indique a través del enlace que figura más abajo si hay algún error; nuestros recordatorios se reanudarán para lo que siga pendiente",
        ["plan.agreed.installments"] = "{count} plazos, por un total de {amount}",
        ["plan.agreed.invoices"] = "Facturas incluidas: {numbers}",
        ["plan.agreed.next"] = "mientras los plazos lleguen puntualmente, no le enviaremos recordatorios por estas facturas; en el portal encontrará cada plazo con su fecha",
        ["plan.late.line"] = "Plazo {number}, con vencimiento el {dueDate}: importe pendiente de {amount}",
        ["plan.late.next"] = "si sigue pendiente después del {lastDay}, el plan finalizará y se reanudarán los recordatorios habituales para el importe restante; si acaba de pagarlo, le damos las gracias",
        ["plan.completed.line"] = "Se han pagado todos los plazos",
        ["plan.completed.next.nothingDue"] = "no tiene ningún otro importe pendiente con nosotros",
        ["plan.completed.next.otherOpen"] = "no queda nada pendiente del plan; en el portal encontrará cualquier otra factura que siga pendiente",
        ["plan.defaulted.next"] = "se reanudan nuestros recordatorios para estas facturas; si solo puede pagar una parte o necesita un nuevo acuerdo, responda a este correo o utilice el enlace que figura más abajo",
        ["plan.due.next"] = "Próximo plazo: {amount}",
        ["plan.due.paid"] = "Pagado hasta la fecha: {paid} de {total}",
        ["plan.due.nextStep"] = "mientras los plazos lleguen puntualmente, no cambia nada; puede pagarlo ya a través del enlace que figura más abajo",
        ["discount.line"] = "Factura {number}: pague {discounted} en lugar de {full}",
        ["discount.next"] = "pasada esa fecha, el importe íntegro de {full} vencerá el {dueDate}",
        ["dispute.received.line"] = "Factura {number}: {amount} en revisión ({reason})",
        ["dispute.received.next"] = "la estudiaremos y le daremos respuesta; mientras tanto, no le pediremos que pague el importe en revisión",
        ["dispute.reason.pricing"] = "precio",
        ["dispute.reason.quantity"] = "cantidad",
        ["dispute.reason.damaged_or_defective"] = "dañado o defectuoso",
        ["dispute.reason.not_received"] = "no recibido",
        ["dispute.reason.duplicate_billing"] = "facturado dos veces",
        ["dispute.reason.already_paid"] = "ya pagado",
        ["dispute.reason.other"] = "otro motivo",
        ["dispute.replied.line"] = "Sobre la factura {number}: {reply}",
        ["dispute.replied.next"] = "puede consultar la conversación completa y respondernos a través del enlace que figura más abajo; mientras tanto, el importe en revisión sigue en suspenso",
        ["dispute.resolved.line"] = "Factura {number}: {outcome}",
        ["dispute.outcome.upheld"] = "le damos la razón y hemos corregido la factura",
        ["dispute.outcome.partiallyUpheld"] = "le damos la razón en parte y hemos corregido la factura en consecuencia",
        ["dispute.outcome.rejected"] = "hemos revisado la factura y se mantiene tal como se emitió; encontrará los detalles en el portal",
        ["dispute.resolved.credit"] = "Hemos emitido una factura rectificativa de {amount} sobre la factura {number}",
        ["dispute.resolved.next.nothingDue"] = "no queda nada pendiente de la factura {number}",
        ["dispute.resolved.next.remainingDue"] = "queda pendiente de pago el importe restante de {amount} de la factura {number}; puede pagarlo, total o parcialmente, a través del enlace que figura más abajo",
        ["promise.recorded.line"] = "{amount} a más tardar el {date}",
        ["promise.recorded.next"] = "hasta esa fecha no le enviaremos recordatorios por el importe comprometido; si no lo hemos recibido poco después, se reanudarán nuestros recordatorios",
        ["promise.broken.line"] = "Falta por recibir un importe de {amount} del pago comprometido",
        ["promise.broken.next"] = "se reanudan nuestros recordatorios; si ha surgido algún imprevisto, responda a este correo o propónganos un plan de pagos a través del enlace que figura más abajo",
        ["portalLink.next"] = "no cambia nada en su cuenta",
        ["caseFile.title"] = "Expediente de recobro: {debtor}",
        ["caseFile.intro"] = "Deudor {externalId} ({id}), {country}, cliente desde el {since}. Emitido el {generated}.",
        ["caseFile.openBalance"] = "Saldo pendiente: {amounts}",
        ["caseFile.billingAddress"] = "Dirección de facturación: {address}",
        ["caseFile.noBillingAddress"] = "No consta dirección de facturación.",
        ["caseFile.nothingOpen"] = "sin importes pendientes",
        ["caseFile.none"] = "Sin registros.",
        ["caseFile.primary"] = "principal",
        ["caseFile.contacts"] = "Contactos",
        ["caseFile.invoices"] = "Facturas y condiciones de pago",
        ["caseFile.ledger"] = "Extracto de cuenta",
        ["caseFile.payments"] = "Cobros",
        ["caseFile.disputes"] = "Incidencias",
        ["caseFile.plans"] = "Planes de pago",
        ["caseFile.promises"] = "Compromisos de pago",
        ["caseFile.messages"] = "Comunicaciones",
        ["caseFile.tasks"] = "Llamadas y tareas",
        ["caseFile.escalations"] = "Derivaciones a recobro externo y vía judicial",
        ["caseFile.col.name"] = "Nombre",
        ["caseFile.col.role"] = "Cargo",
        ["caseFile.col.email"] = "Correo electrónico",
        ["caseFile.col.phone"] = "Teléfono",
        ["caseFile.col.address"] = "Dirección",
        ["caseFile.col.number"] = "N.º de factura",
        ["caseFile.col.po"] = "N.º de pedido",
        ["caseFile.col.issued"] = "Fecha de emisión",
        ["caseFile.col.due"] = "Vencimiento",
        ["caseFile.col.total"] = "Importe total",
        ["caseFile.col.balance"] = "Pendiente",
        ["caseFile.col.status"] = "Estado",
        ["caseFile.col.terms"] = "Condiciones de pago",
        ["caseFile.col.date"] = "Fecha",
        ["caseFile.col.item"] = "Documento",
        ["caseFile.col.entry"] = "Concepto",
        ["caseFile.col.amount"] = "Importe",
        ["caseFile.col.balanceAfter"] = "Saldo resultante",
        ["caseFile.col.reason"] = "Motivo",
        ["caseFile.col.received"] = "Fecha de cobro",
        ["caseFile.col.method"] = "Forma de pago",
        ["caseFile.col.refunded"] = "Reembolsado",
        ["caseFile.col.created"] = "Fecha de alta",
        ["caseFile.col.paid"] = "Pagado",
        ["caseFile.col.nextDue"] = "Próximo vencimiento",
        ["caseFile.col.made"] = "Fecha del compromiso",
        ["caseFile.col.by"] = "Gestor",
        ["caseFile.col.promisedFor"] = "Fecha comprometida",
        ["caseFile.col.written"] = "Redactado el",
        ["caseFile.col.channel"] = "Canal",
        ["caseFile.col.step"] = "Nivel de reclamación",
        ["caseFile.col.to"] = "Destinatario",
        ["caseFile.col.subject"] = "Asunto",
        ["caseFile.col.sent"] = "Enviado el",
        ["caseFile.col.kind"] = "Tipo",
        ["caseFile.col.outcome"] = "Resultado",
        ["caseFile.col.note"] = "Observaciones",
        ["caseFile.col.type"] = "Tipo",
        ["caseFile.col.agency"] = "Empresa de recobro",
        ["caseFile.col.fee"] = "Comisión de éxito",
        ["caseFile.dispute.heading"] = "{number} sobre la factura {invoice}",
        ["caseFile.dispute.opened"] = "Abierta el {openedAt}.",
        ["caseFile.dispute.openedAndClosed"] = "Abierta el {openedAt}, cerrada el {closedAt}.",
        ["caseFile.dispute.attachments"] = "Documentos adjuntos: {names}",
        ["caseFile.dispute.resolution"] = "Resolución:",
        ["caseFile.terms.net"] = "{days} días netos",
        ["caseFile.terms.discount"] = "{percent} % de descuento por pronto pago a {days} días",
    },
    [
        new("email_pre_due", "Próximos vencimientos: {{invoiceCount}} factura(s) de {{debtorName}}", """
            <p>{{salutation}}</p>
            <p>{{relationship}} Le enviamos este breve aviso para que nada se pase por alto: en los próximos días vence lo siguiente.</p>
            <p>Cliente: {{debtorName}}</p>
            {{invoiceTable}}
            <p>Total: <strong>{{totalDue}}</strong>.{{earlyPaymentSaving}}</p>
            {{disputeNote}}
            """ + WaysForward + """
            <p>Próximos pasos: si para el {{nextStepDate}} no hemos recibido el pago, {{nextStep}}.</p>
            """ + Signature),
        new("email_notice", "Recordatorio de pago para {{debtorName}}: {{totalDue}}", """
            <p>{{salutation}}</p>
            <p>{{relationship}} Todavía no hemos recibido el pago de las facturas que se indican a continuación. Lo más probable es que se trate de un simple descuido, por lo que le facilitamos los detalles:</p>
            <p>Cliente: {{debtorName}}</p>
            {{invoiceTable}}
            <p>Total pendiente: <strong>{{totalDue}}</strong>.</p>
            {{disputeNote}}
            """ + WaysForward + """
            <p>Próximos pasos: si para el {{nextStepDate}} no hemos recibido el pago, {{nextStep}}. Si ya ha realizado el pago, le damos las gracias y le rogamos que no tenga en cuenta este mensaje.</p>
            """ + Signature),
        new("email_firm", "Facturas vencidas de {{debtorName}}: le rogamos que confirme una fecha de pago", """
            <p>{{salutation}}</p>
            <p>Las facturas que se indican a continuación ya han vencido y no hemos tenido noticias suyas al respecto.</p>
            <p>Cliente: {{debtorName}}</p>
            {{invoiceTable}}
            <p>Total vencido: <strong>{{totalDue}}</strong>.</p>
            {{disputeNote}}
            <p>Le rogamos que abone el saldo o que nos indique la fecha en que lo hará. Tal como establecen las condiciones de pago de estas facturas, los importes vencidos pueden generar recargos por demora.</p>
            """ + WaysForward + """
            <p>Próximos pasos: si para el {{nextStepDate}} no hemos recibido el pago ni una fecha de pago, {{nextStep}}.</p>
            """ + Signature),
        new("email_final", "Último aviso para {{debtorName}}: saldo vencido de {{totalDue}}", """
            <p>{{salutation}}</p>
            <p>A pesar de nuestros mensajes anteriores, las facturas que se indican a continuación siguen pendientes de pago.</p>
            <p>Cliente: {{debtorName}}</p>
            {{invoiceTable}}
            <p>Total vencido: <strong>{{totalDue}}</strong>.</p>
            {{disputeNote}}
            <p>Este es nuestro último aviso antes de dar el siguiente paso. Preferimos, sin duda, resolver esta cuestión directamente con usted.</p>
            """ + WaysForward + """
            <p>Próximos pasos: si para el {{nextStepDate}} no se ha abonado el saldo ni se ha acordado un plan de pagos, {{nextStep}}.</p>
            """ + Signature),
        new("letter_final", "Último aviso: saldo vencido de {{totalDue}}", """
            <p>{{debtorName}}<br>A la atención de {{contactName}}</p>
            <p>{{salutation}}</p>
            <p>A pesar de nuestros recordatorios anteriores, las facturas que se indican a continuación siguen pendientes de pago.</p>
            {{invoiceTable}}
            <p>Total vencido: <strong>{{totalDue}}</strong>.</p>
            {{disputeNote}}
            <p>Este es nuestro último aviso. Valoramos nuestra relación comercial y preferimos, sin duda, resolver esta cuestión directamente con usted.</p>
            """ + WaysForward + """
            <p>Próximos pasos: si para el {{nextStepDate}} no se ha abonado el saldo ni se ha acordado un plan de pagos, {{nextStep}}.</p>
            """ + Signature),
        new("email_portal_link", "Su nuevo enlace de acceso a su cuenta con {{senderName}}", """
            <p>{{salutation}}</p>
            <p>Nos ha solicitado un nuevo enlace de acceso a su cuenta. Aquí lo tiene: {{portalLink}}</p>
            <p>El enlace es personal y tiene una validez limitada. Si no lo ha solicitado usted, puede ignorar este correo: no cambia nada en su cuenta.</p>
            """ + Signature),
        new("email_payment_reversed", "Su banco ha devuelto su pago de {{amount}}", """
            <p>{{salutation}}</p>
            <p>A raíz de la reclamación que presentó ante su banco, este le ha devuelto un pago que usted nos había realizado, por lo que las facturas que saldaba vuelven a estar pendientes:</p>
            {{details}}
            <p>Saldo pendiente a fecha de {{nextStepDate}}: <strong>{{totalDue}}</strong>.</p>
            <p>Próximos pasos: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_receipt", "Gracias: hemos recibido {{amount}} de {{debtorName}}", """
            <p>{{salutation}}</p>
            <p>Le agradecemos su pago de <strong>{{amount}}</strong>, que hemos recibido y aplicado de la siguiente manera.</p>
            <p>Cliente: {{debtorName}}</p>
            {{details}}
            <p>Saldo pendiente a fecha de {{nextStepDate}}: <strong>{{totalDue}}</strong>.</p>
            <p>Próximos pasos: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_debit_failed", "No se ha podido realizar el adeudo de {{amount}}", """
            <p>{{salutation}}</p>
            <p>Lamentamos informarle de que no se ha podido realizar el adeudo domiciliado, por lo que las facturas que se indican a continuación continúan pendientes.</p>
            {{details}}
            <p>Próximos pasos: {{nextStep}} (a fecha de {{nextStepDate}}, su saldo pendiente es de {{totalDue}}).</p>
            """ + CourtesyClose),
        new("email_plan_agreed", "Su plan de pagos con nosotros: {{amount}}", """
            <p>{{salutation}}</p>
            <p>Le agradecemos que haya acordado un plan de pagos con nosotros. Estos son los términos acordados:</p>
            {{details}}
            <p>Vencimiento del primer plazo: <strong>{{nextStepDate}}</strong>.</p>
            <p>Próximos pasos: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_discount_ending", "Ahorre {{amount}}: su descuento por pronto pago finaliza en breve", """
            <p>{{salutation}}</p>
            <p>Le escribimos brevemente para que no se le pase: todavía está a tiempo de ahorrar si paga por anticipado.</p>
            {{details}}
            <p>El descuento es válido hasta el <strong>{{nextStepDate}}</strong> inclusive. Próximos pasos: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_plan_installment_due", "Su plan de pagos: {{amount}} con vencimiento el {{nextStepDate}}", """
            <p>{{salutation}}</p>
            <p>Le recordamos amablemente que el próximo plazo de su plan de pagos vence en breve.</p>
            {{details}}
            <p>Próximos pasos: {{nextStep}}. Fecha de vencimiento: <strong>{{nextStepDate}}</strong>.</p>
            """ + CourtesyClose),
        new("email_plan_installment_late", "Su plan de pagos: no hemos recibido uno de los plazos", """
            <p>{{salutation}}</p>
            <p>Todavía no hemos recibido uno de los plazos de su plan de pagos. Es posible que el pago simplemente esté en camino:</p>
            {{details}}
            <p>Próximos pasos: {{nextStep}}. Le rogamos que lo abone a más tardar el {{nextStepDate}}.</p>
            """ + CourtesyClose),
        new("email_plan_completed", "Su plan de pagos se ha completado: muchas gracias", """
            <p>{{salutation}}</p>
            <p>Muchas gracias: se han pagado todos los plazos de su plan de pagos.</p>
            {{details}}
            <p>Saldo pendiente a fecha de {{nextStepDate}}: <strong>{{totalDue}}</strong>. Próximos pasos: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_plan_defaulted", "Su plan de pagos ha finalizado", """
            <p>{{salutation}}</p>
            <p>Uno de los plazos de su plan de pagos quedó sin abonar, por lo que el plan finalizó el {{nextStepDate}}. Estas facturas vuelven a estar pendientes:</p>
            {{details}}
            <p>Próximos pasos: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_dispute_received", "Hemos recibido su incidencia sobre {{amount}}", """
            <p>{{salutation}}</p>
            <p>Gracias por comunicárnoslo. Hemos abierto un expediente para su incidencia:</p>
            {{details}}
            <p>Le responderemos a más tardar el <strong>{{nextStepDate}}</strong>. Próximos pasos: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_dispute_replied", "Respuesta a su incidencia", """
            <p>{{salutation}}</p>
            <p>Con fecha {{nextStepDate}}, le hemos respondido en el expediente de su incidencia:</p>
            {{details}}
            <p>Próximos pasos: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_dispute_resolved", "Su incidencia se ha resuelto", """
            <p>{{salutation}}</p>
            <p>Hemos revisado su incidencia; esta es la situación a fecha de {{nextStepDate}}:</p>
            {{details}}
            <p>Próximos pasos: {{nextStep}}.</p>
            """ + CourtesyClose),
        new("email_promise_recorded", "Gracias: hemos tomado nota de su fecha de pago", """
            <p>{{salutation}}</p>
            <p>Le agradecemos que nos haya indicado cuándo realizará el pago. Hemos tomado nota de lo siguiente:</p>
            {{details}}
            <p>Próximos pasos: {{nextStep}}. Fecha comprometida: {{nextStepDate}}.</p>
            """ + CourtesyClose),
        new("email_promise_broken", "No hemos recibido el pago comprometido", """
            <p>{{salutation}}</p>
            <p>El pago que se comprometió a realizar no nos ha llegado en su totalidad:</p>
            {{details}}
            <p>Próximos pasos: {{nextStep}} (a fecha de {{nextStepDate}}, su saldo pendiente es de {{totalDue}}).</p>
            """ + CourtesyClose),
    ]);
}
