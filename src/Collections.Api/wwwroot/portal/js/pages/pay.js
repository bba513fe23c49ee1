import { api, newIdempotencyKey, ApiError } from '../api.js';
import { h, errorBox, formatDate, busy } from '../dom.js';
import { format, toMinor, parseMinor, formatMinor, plain } from '../money.js';
import { openInvoices, payableMinor, byDueDate } from '../invoices-data.js';

export async function render(ctx, params, query) {
  const items = (await openInvoices(ctx)).filter((i) => payableMinor(i) > 0).sort(byDueDate);
  const preselected = query.get('invoice');
  const online = ctx.me.onlinePayments !== false;

  const rows = items.map((invoice) => payRow(invoice, preselected ? invoice.id === preselected : true));
  const totalLine = h('p', { class: 'total-line', 'aria-live': 'polite', 'data-total': '' });
  const message = h('div', { 'aria-live': 'assertive' });
  const submit = h('button', { type: 'submit' }, 'Continue to secure payment');
  const idempotencyKey = newIdempotencyKey();

  const update = () => {
    const chosen = rows.filter((r) => r.box.checked);
    const sums = new Map();
    for (const row of chosen) {
      const minor = row.toPay();
      if (minor === null) continue;
      sums.set(row.invoice.currency, (sums.get(row.invoice.currency) ?? 0) + minor);
    }
    totalLine.textContent = chosen.length
      ? `Total to pay: ${[...sums].map(([c, m]) => formatMinor(m, c)).join(' + ') || formatMinor(0, ctx.currency)}`
      : 'Choose at least one invoice.';
  };
  rows.forEach((r) => r.onChange(update));
  update();

  const form = h('form', { novalidate: true, 'aria-labelledby': 'pay-h' },
    h('fieldset', {}, h('legend', {}, 'Invoices to pay'),
      h('p', { class: 'hint' }, 'Untick an invoice to leave it out, or change the amount to pay part of it. Parts on hold under a dispute are not included.'),
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
    const done = busy(submit, 'Opening secure payment…');
    try {
      const body = { invoices: chosen.map((r) => r.request()) };
      const checkout = await api('/payments/checkout', { method: 'POST', body, idempotencyKey });
      window.location.assign(checkout.checkoutUrl);
    } catch (error) {
      done();
      message.replaceChildren(error instanceof ApiError && error.status === 503
        ? h('p', { class: 'notice', role: 'alert' }, 'Online payment is not available right now. Please pay by bank transfer using the details below.')
        : errorBox(error));
    }
  });

  const bank = await bankTransfer(ctx);
  return h('div', {},
    h('h1', { id: 'pay-h' }, 'Pay'),
    !items.length ? h('p', { class: 'success' }, 'There is nothing to pay right now. Thank you.') : null,
    items.length && online ? form : null,
    items.length && !online ? h('p', { class: 'notice' }, 'Online card and bank debit payments are not available. Please pay by bank transfer using the details below.') : null,
    bank);
}

function payRow(invoice, checked) {
  const id = `pay-${invoice.id}`;
  const payable = payableMinor(invoice);
  const offer = invoice.earlyPayment && toMinor(invoice.disputed) === 0 ? invoice.earlyPayment : null;
  const box = h('input', { type: 'checkbox', id: `${id}-box`, checked, 'data-pay': invoice.id });
  const amount = h('input', { type: 'text', inputmode: 'decimal', id: `${id}-amount`, value: plain(payable, invoice.currency), 'aria-describedby': `${id}-hint`, 'data-amount': invoice.id });
  const hint = h('p', { class: 'hint', id: `${id}-hint` },
    `Balance ${format(invoice.balance)}, due ${formatDate(invoice.dueDate)}.`,
    toMinor(invoice.disputed) > 0 ? ` ${format(invoice.disputed)} is on hold under a dispute.` : '',
    offer ? ` Paid in full by ${formatDate(offer.payBy)}, you pay ${format(offer.amountToPay)} (saving ${format(offer.discount)}).` : '');
  const typed = () => parseMinor(amount.value, invoice.currency);
  const full = () => typed() === payable;
  const row = {
    invoice,
    box,
    amount,
    element: h('div', { class: 'pay-row' },
      h('div', {}, h('label', { class: 'check', for: box.id }, box, `Invoice ${invoice.number}`), hint),
      h('div', {}, h('label', { for: amount.id }, `Amount for ${invoice.number}`), amount)),
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
      if (minor === null) return `The amount for invoice ${invoice.number} is not a valid amount.`;
      if (minor <= 0) return `The amount for invoice ${invoice.number} must be more than zero.`;
      if (minor > payable) return `The amount for invoice ${invoice.number} cannot be more than ${formatMinor(payable, invoice.currency)}.`;
      return null;
    },
  };
  box.addEventListener('change', () => { amount.disabled = !box.checked; });
  amount.disabled = !checked;
  return row;
}

function validate(chosen) {
  if (!chosen.length) return ['Choose at least one invoice to pay.'];
  const problems = chosen.map((r) => r.problem()).filter(Boolean);
  if (new Set(chosen.map((r) => r.invoice.currency)).size > 1) problems.push('Invoices in different currencies must be paid separately.');
  return problems;
}

async function bankTransfer(ctx) {
  const section = h('section', { 'aria-labelledby': 'bank-h', class: 'panel' }, h('h2', { id: 'bank-h' }, 'Pay by bank transfer'));
  try {
    const instructions = await api(`/payments/instructions?currency=${encodeURIComponent(ctx.currency)}`);
    section.append(...describeInstructions(instructions, ctx.currency));
  } catch (error) {
    section.append(error instanceof ApiError && error.status === 404
      ? h('p', {}, 'Please use the bank details printed on your invoice.')
      : errorBox(error));
  }
  section.append(h('p', {}, 'Please also quote your invoice numbers, so we can apply your payment to the right invoices quickly.'));
  return section;
}

const instructionLabels = [
  ['accountHolder', 'Account holder'],
  ['bankName', 'Bank'],
  ['iban', 'IBAN'],
  ['bic', 'BIC / SWIFT'],
  ['accountNumber', 'Account number'],
  ['routingNumber', 'Routing number'],
  ['paymentReference', 'Payment reference'],
  ['notes', 'Notes'],
];

function describeInstructions(list, currency) {
  const mine = (Array.isArray(list) ? list : []).filter((i) => i.currency === currency);
  if (!mine.length) return [h('p', {}, 'Please use the bank details printed on your invoice.')];
  return mine.map((i) => h('dl', { class: 'facts', 'data-bank': i.currency },
    h('dt', {}, 'Currency'), h('dd', {}, i.currency),
    instructionLabels.filter(([key]) => i[key]).flatMap(([key, text]) => [h('dt', {}, text), h('dd', {}, i[key])])));
}

export const loading = () => status('Loading…');
