import { api, newIdempotencyKey } from '../api.js';
import { h, field, errorBox, formatDate, humanize, busy } from '../dom.js';
import { format, parseMinor, plain, formatMinor } from '../money.js';
import { openInvoices, byDueDate, payableMinor } from '../invoices-data.js';

export async function render(ctx, params, query, { navigate }) {
  const [promises, invoices] = await Promise.all([
    api(`/promises?debtorId=${encodeURIComponent(ctx.debtorId)}`),
    openInvoices(ctx),
  ]);
  // An invoice takes one live promise at a time, and a promise is in one currency: the server refuses anything else.
  const promised = new Set(promises.filter((p) => p.status === 'live').flatMap((p) => p.invoiceIds));
  const open = invoices
    .filter((i) => payableMinor(i) > 0 && i.balance.currency === ctx.currency && !promised.has(i.id))
    .sort(byDueDate);
  return h('div', {},
    h('h1', {}, 'Promise to pay'),
    h('p', {}, 'Tell us when you will pay, and we will not send reminders for the amount you promise until then.'),
    promises.length ? h('section', {}, h('h2', {}, 'Your promises'),
      h('ul', { 'data-list': 'promises' }, promises.map((p) => h('li', {}, `${format(p.amount)} by ${formatDate(p.promisedDate)} – ${promiseStatus(p)}`)))) : null,
    open.length ? form(ctx, open, navigate) : h('p', {}, 'There is nothing open to promise a payment for.'));
}

const promiseStatus = (p) => (p.status === 'referred' ? 'Recorded; our collector will call you to agree a date' : humanize(p.status));

function form(ctx, invoices, navigate) {
  const total = invoices.reduce((sum, i) => sum + payableMinor(i), 0);
  const boxes = invoices.map((i) => h('input', { type: 'checkbox', id: `promise-inv-${i.id}`, value: i.id, checked: true }));
  const amount = h('input', { type: 'text', id: 'promise-amount', inputmode: 'decimal', value: plain(total, ctx.currency) });
  const date = h('input', { type: 'date', id: 'promise-date', required: true, min: ctx.me.today });
  const message = h('div', { 'aria-live': 'assertive' });
  const submit = h('button', { type: 'submit' }, 'Promise this payment');
  const idempotencyKey = newIdempotencyKey();
  const chosenMinor = () => invoices.filter((i, n) => boxes[n].checked).reduce((sum, i) => sum + payableMinor(i), 0);
  boxes.forEach((b) => b.addEventListener('change', () => {
    amount.value = plain(chosenMinor(), ctx.currency);
  }));

  const element = h('form', { class: 'panel', novalidate: true, 'aria-labelledby': 'promise-h' },
    h('h2', { id: 'promise-h' }, 'Make a promise'),
    h('fieldset', {}, h('legend', {}, 'For these invoices'),
      invoices.map((i, n) => h('label', { class: 'check', for: boxes[n].id }, boxes[n], `${i.number} – ${format(i.balance)}`))),
    field('promise-amount', `Amount (${ctx.currency})`, amount),
    field('promise-date', 'I will pay by', date),
    message, h('div', { class: 'actions' }, submit));

  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    const minor = parseMinor(amount.value, ctx.currency);
    const chosen = chosenMinor();
    const problems = [];
    if (!boxes.some((b) => b.checked)) problems.push('Choose the invoices you will pay.');
    else if (minor === null || minor <= 0) problems.push('Enter the amount you will pay.');
    else if (minor > chosen) problems.push(`The amount cannot be more than what is open on these invoices (${formatMinor(chosen, ctx.currency)}).`);
    if (!date.value) problems.push('Choose the date you will pay by.');
    if (problems.length) {
      message.replaceChildren(h('div', { class: 'error', role: 'alert' }, h('ul', {}, problems.map((p) => h('li', {}, p)))));
      return;
    }
    const done = busy(submit, 'Sending…');
    try {
      await api('/promises', {
        method: 'POST',
        idempotencyKey,
        body: {
          debtorId: ctx.debtorId,
          amount: { amount: Number(plain(minor, ctx.currency)), currency: ctx.currency },
          promisedDate: date.value,
          invoiceIds: boxes.filter((b) => b.checked).map((b) => b.value),
        },
      });
      navigate('#/promise');
    } catch (error) {
      done();
      message.replaceChildren(errorBox(error));
    }
  });
  return element;
}
