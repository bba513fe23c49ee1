import { api, newIdempotencyKey } from '../api.js';
import { h, field, errorBox, formatDate, busy } from '../dom.js';
import { format, parseMinor, plain, editable, formatMinor } from '../money.js';
import { t, label } from '../i18n.js';
import { openInvoices, byDueDate, payableMinor } from '../invoices-data.js';
import { currenciesOf, chosenCurrency, currencySwitch } from '../currency-choice.js';

export async function render(ctx, params, query, { navigate, path }) {
  const [promises, invoices] = await Promise.all([
    api(`/promises?debtorId=${encodeURIComponent(ctx.debtorId)}`),
    openInvoices(ctx),
  ]);
  // An invoice takes one live promise at a time, and a promise is in one currency: the server refuses anything else.
  const promised = new Set(promises.filter((p) => p.status === 'live').flatMap((p) => p.invoiceIds));
  const promisable = invoices.filter((i) => payableMinor(i) > 0 && !promised.has(i.id));
  const currencies = currenciesOf(promisable, ctx);
  const currency = chosenCurrency(currencies, query, ctx.currency);
  const open = promisable.filter((i) => i.balance.currency === currency).sort(byDueDate);
  return h('div', {},
    h('h1', {}, t('promise.title')),
    h('p', {}, t('promise.intro')),
    currencySwitch(currencies, currency, path, query),
    promises.length ? h('section', {}, h('h2', {}, t('promise.yours')),
      h('ul', { 'data-list': 'promises' }, promises.map((p) => h('li', {},
        t('promise.item', { amount: format(p.amount), date: formatDate(p.promisedDate), status: label('status.promise', p.status) }))))) : null,
    open.length ? form(ctx, currency, open, navigate) : h('p', {}, t('promise.nothingOpen')));
}

function form(ctx, currency, invoices, navigate) {
  const total = invoices.reduce((sum, i) => sum + payableMinor(i), 0);
  const boxes = invoices.map((i) => h('input', { type: 'checkbox', id: `promise-inv-${i.id}`, value: i.id, checked: true }));
  const amount = h('input', { type: 'text', id: 'promise-amount', inputmode: 'decimal', value: editable(total, currency) });
  const date = h('input', { type: 'date', id: 'promise-date', required: true, min: ctx.me.today });
  const message = h('div', { 'aria-live': 'assertive' });
  const submit = h('button', { type: 'submit' }, t('promise.form.submit'));
  const idempotencyKey = newIdempotencyKey();
  const chosenMinor = () => invoices.filter((i, n) => boxes[n].checked).reduce((sum, i) => sum + payableMinor(i), 0);
  boxes.forEach((b) => b.addEventListener('change', () => {
    amount.value = editable(chosenMinor(), currency);
  }));

  const element = h('form', { class: 'panel', novalidate: true, 'aria-labelledby': 'promise-h' },
    h('h2', { id: 'promise-h' }, t('promise.form.title')),
    h('fieldset', {}, h('legend', {}, t('promise.form.invoices')),
      invoices.map((i, n) => h('label', { class: 'check', for: boxes[n].id }, boxes[n], t('promise.form.invoice', { number: i.number, balance: format(i.balance) })))),
    field('promise-amount', t('promise.form.amount', { currency }), amount),
    field('promise-date', t('promise.form.date'), date),
    message, h('div', { class: 'actions' }, submit));

  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    const minor = parseMinor(amount.value, currency);
    const chosen = chosenMinor();
    const problems = [];
    if (!boxes.some((b) => b.checked)) problems.push(t('promise.problem.invoices'));
    else if (minor === null || minor <= 0) problems.push(t('promise.problem.amount'));
    else if (minor > chosen) problems.push(t('promise.problem.tooMuch', { max: formatMinor(chosen, currency) }));
    if (!date.value) problems.push(t('promise.problem.date'));
    if (problems.length) {
      message.replaceChildren(h('div', { class: 'error', role: 'alert' }, h('ul', {}, problems.map((p) => h('li', {}, p)))));
      return;
    }
    const done = busy(submit, t('common.sending'));
    try {
      await api('/promises', {
        method: 'POST',
        idempotencyKey,
        body: {
          debtorId: ctx.debtorId,
          amount: { amount: Number(plain(minor, currency)), currency },
          promisedDate: date.value,
          invoiceIds: boxes.filter((b) => b.checked).map((b) => b.value),
        },
      });
      navigate(`#/promise?currency=${currency}`);
    } catch (error) {
      done();
      message.replaceChildren(errorBox(error));
    }
  });
  return element;
}
