import { api, newIdempotencyKey, ApiError } from '../api.js';
import { h, errorBox, formatDate, busy } from '../dom.js';
import { format, toMinor, parseMinor, formatMinor, plain, editable } from '../money.js';
import { t, language } from '../i18n.js';
import { openInvoices, payableMinor, byDueDate } from '../invoices-data.js';
import { currenciesOf, chosenCurrency, currencySwitch } from '../currency-choice.js';

export async function render(ctx, params, query, { path }) {
  const owing = (await openInvoices(ctx)).filter((i) => payableMinor(i) > 0);
  const preselected = query.get('invoice');
  // A payment, by card or by bank transfer, is in one currency: the page shows one currency's invoices at a time.
  const currencies = currenciesOf(owing, ctx);
  const currency = chosenCurrency(currencies, query, owing.find((i) => i.id === preselected)?.balance.currency ?? ctx.currency) ?? ctx.currency;
  const items = owing.filter((i) => i.balance.currency === currency).sort(byDueDate);
  const online = ctx.me.onlinePayments !== false;

  const rows = items.map((invoice) => payRow(invoice, preselected ? invoice.id === preselected : true));
  const totalLine = h('p', { class: 'total-line', 'aria-live': 'polite', 'data-total': '' });
  const message = h('div', { 'aria-live': 'assertive' });
  const submit = h('button', { type: 'submit' }, t('pay.continue'));
  const idempotencyKey = newIdempotencyKey();

  const update = () => {
    const chosen = rows.filter((r) => r.box.checked);
    const sum = chosen.map((r) => r.toPay()).filter((minor) => minor !== null).reduce((total, minor) => total + minor, 0);
    totalLine.textContent = chosen.length ? t('pay.total', { amount: formatMinor(sum, currency) }) : t('common.chooseInvoice');
  };
  rows.forEach((r) => r.onChange(update));
  update();

  const form = h('form', { novalidate: true, 'aria-labelledby': 'pay-h' },
    h('fieldset', {}, h('legend', {}, t('pay.invoicesLegend')),
      h('p', { class: 'hint' }, t('pay.invoicesHint')),
      rows.map((r) => r.element)),
    totalLine, message,
    h('div', { class: 'actions' }, submit));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.replaceChildren();
    const chosen = rows.filter((r) => r.box.checked);
    const problems = validate(chosen);
    if (problems.length) {
      message.replaceChildren(h('div', { class: 'error', role: 'alert' }, h('ul', {}, problems.map((p) => h('li', {}, p)))));
      return;
    }
    const done = busy(submit, t('pay.opening'));
    try {
      // Stripe's page speaks the portal's language.
      const body = { invoices: chosen.map((r) => r.request()), locale: language() };
      const checkout = await api('/payments/checkout', { method: 'POST', body, idempotencyKey });
      window.location.assign(checkout.checkoutUrl);
    } catch (error) {
      done();
      message.replaceChildren(error instanceof ApiError && error.status === 503
        ? h('p', { class: 'notice', role: 'alert' }, t('pay.unavailableNow'))
        : errorBox(error));
    }
  });

  const bank = await bankTransfer(currency, items);
  return h('div', {},
    h('h1', { id: 'pay-h' }, t('pay.title')),
    currencySwitch(currencies, currency, path, query),
    !items.length ? h('p', { class: 'success' }, t('pay.nothing')) : null,
    items.length && online ? form : null,
    items.length && !online ? h('p', { class: 'notice' }, t('pay.offline')) : null,
    bank);
}

function payRow(invoice, checked) {
  const id = `pay-${invoice.id}`;
  const payable = payableMinor(invoice);
  const offer = invoice.earlyPayment && toMinor(invoice.disputed) === 0 ? invoice.earlyPayment : null;
  const box = h('input', { type: 'checkbox', id: `${id}-box`, checked, 'data-pay': invoice.id });
  const amount = h('input', { type: 'text', inputmode: 'decimal', id: `${id}-amount`, value: editable(payable, invoice.currency), 'aria-describedby': `${id}-hint`, 'data-amount': invoice.id });
  const hint = h('p', { class: 'hint', id: `${id}-hint` }, [
    t('pay.row.balance', { balance: format(invoice.balance), date: formatDate(invoice.dueDate) }),
    toMinor(invoice.disputed) > 0 ? t('pay.row.disputed', { amount: format(invoice.disputed) }) : null,
    offer ? t('pay.row.offer', { date: formatDate(offer.payBy), amount: format(offer.amountToPay), discount: format(offer.discount) }) : null,
  ].filter(Boolean).join(' '));
  const typed = () => parseMinor(amount.value, invoice.currency);
  const full = () => typed() === payable;
  const row = {
    invoice,
    box,
    amount,
    element: h('div', { class: 'pay-row' },
      h('div', {}, h('label', { class: 'check', for: box.id }, box, t('pay.row.invoice', { number: invoice.number })), hint),
      h('div', {}, h('label', { for: amount.id }, t('pay.row.amount', { number: invoice.number })), amount)),
    toPay: () => (full() && offer ? toMinor(offer.amountToPay) : typed()),
    // Paying exactly balance − discount by the pay-by date is what settles an invoice with its early-payment discount.
    request: () => {
      if (full() && !offer) return { invoiceId: invoice.id };
      const minor = full() ? toMinor(offer.amountToPay) : typed();
      return { invoiceId: invoice.id, amount: Number(plain(minor, invoice.currency)) };
    },
    onChange: (handler) => { box.addEventListener('change', handler); amount.addEventListener('input', handler); },
    problem: () => {
      const minor = typed();
      if (minor === null) return t('pay.problem.invalid', { number: invoice.number });
      if (minor <= 0) return t('pay.problem.notPositive', { number: invoice.number });
      if (minor > payable) return t('pay.problem.tooMuch', { number: invoice.number, max: formatMinor(payable, invoice.currency) });
      return null;
    },
  };
  box.addEventListener('change', () => { amount.disabled = !box.checked; });
  amount.disabled = !checked;
  return row;
}

function validate(chosen) {
  if (!chosen.length) return [t('pay.problem.none')];
  return chosen.map((r) => r.problem()).filter(Boolean);
}

/** Where to send a transfer in this currency, and how much: what is open on its invoices. */
async function bankTransfer(currency, items) {
  const section = h('section', { 'aria-labelledby': 'bank-h', class: 'panel' }, h('h2', { id: 'bank-h' }, t('pay.bank.title')));
  const owed = items.reduce((sum, i) => sum + payableMinor(i), 0);
  try {
    const instructions = await api(`/payments/instructions?currency=${encodeURIComponent(currency)}`);
    section.append(...describeInstructions(instructions, currency, owed));
  } catch (error) {
    section.append(error instanceof ApiError && error.status === 404
      ? h('p', {}, t('pay.bank.onInvoice'))
      : errorBox(error));
  }
  section.append(h('p', {}, t('pay.bank.quoteNumbers')));
  return section;
}

const instructionLabels = () => [
  ['accountHolder', t('pay.bank.accountHolder')],
  ['bankName', t('pay.bank.bankName')],
  ['iban', t('pay.bank.iban')],
  ['bic', t('pay.bank.bic')],
  ['accountNumber', t('pay.bank.accountNumber')],
  ['routingNumber', t('pay.bank.routingNumber')],
  ['paymentReference', t('pay.bank.paymentReference')],
  ['notes', t('pay.bank.notes')],
];

function describeInstructions(list, currency, owed) {
  const mine = (Array.isArray(list) ? list : []).filter((i) => i.currency === currency);
  if (!mine.length) return [h('p', {}, t('pay.bank.onInvoice'))];
  return mine.map((i) => h('dl', { class: 'facts', 'data-bank': i.currency },
    h('dt', {}, t('pay.bank.currency')), h('dd', {}, i.currency),
    owed > 0 ? [h('dt', {}, t('pay.bank.amount')), h('dd', { 'data-bank-amount': '' }, formatMinor(owed, currency))] : null,
    instructionLabels().filter(([key]) => i[key]).flatMap(([key, text]) => [h('dt', {}, text), h('dd', {}, i[key])])));
}
