import { api, all, newIdempotencyKey } from '../api.js';
import { h, field, errorBox, formatDate, busy, status } from '../dom.js';
import { format, parseMinor, plain, toMinor } from '../money.js';
import { t, tn, label, language } from '../i18n.js';
import { openInvoices, byDueDate } from '../invoices-data.js';
import { invoiceOption } from './disputes.js';
import { currenciesOf, chosenCurrency, currencySwitch } from '../currency-choice.js';

const frequencies = () => [['monthly', t('plan.frequency.monthly')], ['biweekly', t('plan.frequency.biweekly')], ['weekly', t('plan.frequency.weekly')]];

export async function render(ctx, params, query, { navigate, path }) {
  const [plans, invoices] = await Promise.all([
    all(`/payment-plans?debtorId=${encodeURIComponent(ctx.debtorId)}`),
    openInvoices(ctx),
  ]);
  const current = plans.filter((p) => ['active', 'proposed'].includes(p.status));
  // A plan is in one currency: the invoices of one currency at a time are offered.
  const planable = invoices.filter((i) => !i.paymentPlanId && toMinor(i.disputed) === 0 && toMinor(i.balance) > 0);
  const currencies = currenciesOf(planable, ctx);
  const currency = chosenCurrency(currencies, query, ctx.currency);
  const eligible = planable.filter((i) => i.balance.currency === currency).sort(byDueDate);
  return h('div', {},
    h('h1', {}, t('plan.title')),
    current.map((p) => planView(p, navigate)),
    eligible.length ? currencySwitch(currencies, currency, path, query) : null,
    eligible.length ? proposeForm(ctx, currency, eligible, navigate) : (current.length ? null : h('p', {}, t('plan.noneEligible'))),
    plans.length > current.length ? h('section', {}, h('h2', {}, t('plan.earlier')),
      h('ul', {}, plans.filter((p) => !current.includes(p)).map((p) => h('li', {}, p.closeReason
        ? t('plan.earlierItemWithReason', { total: format(p.total), status: label('status.plan', p.status), reason: p.closeReason })
        : t('plan.earlierItem', { total: format(p.total), status: label('status.plan', p.status) }))))) : null);
}

function planView(p, navigate) {
  const next = p.installments.find((i) => i.status !== 'paid');
  const message = h('div', { 'aria-live': 'assertive' });
  const payButton = h('button', { type: 'button' }, next ? t('plan.payInstallment', { number: next.number }) : t('plan.pay'));
  payButton.addEventListener('click', async () => {
    const done = busy(payButton, t('pay.opening'));
    try {
      const checkout = await api('/payments/checkout', { method: 'POST', body: { paymentPlanId: p.id, locale: language() }, idempotencyKey: newIdempotencyKey() });
      window.location.assign(checkout.checkoutUrl);
    } catch (error) {
      done();
      message.replaceChildren(errorBox(error));
    }
  });
  return h('section', { class: 'panel', 'data-plan': p.id, 'aria-labelledby': `plan-${p.id}` },
    h('h2', { id: `plan-${p.id}` }, p.status === 'active' ? t('plan.active') : t('plan.proposed')),
    p.atRisk ? h('p', { class: 'notice' }, t('plan.atRisk')) : null,
    h('p', {}, t('plan.summary', { total: format(p.total), paid: format(p.paid), outstanding: format(p.outstanding) })),
    schedule(p.installments, true),
    p.status === 'active' && next ? h('div', { class: 'actions' }, payButton) : null,
    p.status === 'proposed' ? h('div', { class: 'actions' }, withdrawButton(p, message, navigate)) : null,
    message);
}

function withdrawButton(p, message, navigate) {
  const button = h('button', { type: 'button', class: 'secondary' }, t('plan.withdraw'));
  button.addEventListener('click', async () => {
    const done = busy(button, t('common.withdrawing'));
    try {
      // The reason is kept on the plan for our team, so it stays in English whatever the portal speaks.
      await api(`/payment-plans/${encodeURIComponent(p.id)}/cancel`, { method: 'POST', body: { reason: 'Withdrawn by the debtor in the portal.' } });
      navigate('#/plan');
    } catch (error) {
      done();
      message.replaceChildren(errorBox(error));
    }
  });
  return button;
}

function schedule(installments, withStatus) {
  const column = {
    number: t('plan.column.number'),
    due: t('plan.column.due'),
    amount: t('plan.column.amount'),
    paid: t('plan.column.paid'),
    status: t('plan.column.status'),
  };
  return h('table', { class: 'responsive', 'data-table': 'schedule' },
    h('thead', {}, h('tr', {}, [column.number, column.due, column.amount, withStatus ? column.paid : null, withStatus ? column.status : null]
      .filter(Boolean).map((text) => h('th', { scope: 'col' }, text)))),
    h('tbody', {}, installments.map((i) => h('tr', {},
      h('td', { 'data-label': column.number }, i.isDownPayment ? t('plan.downPayment') : String(i.number)),
      h('td', { 'data-label': column.due }, formatDate(i.dueDate)),
      h('td', { 'data-label': column.amount, class: 'num' }, format(i.amount)),
      withStatus ? h('td', { 'data-label': column.paid, class: 'num' }, format(i.paidAmount)) : null,
      withStatus ? h('td', { 'data-label': column.status }, label('status.installment', i.status)) : null))));
}

function proposeForm(ctx, currency, invoices, navigate) {
  const boxes = invoices.map((i) => h('input', { type: 'checkbox', id: `plan-inv-${i.id}`, value: i.id, checked: true, 'data-plan-invoice': i.id }));
  const count = h('select', { id: 'plan-count' }, [2, 3, 4, 5, 6, 9, 12].map((n) => h('option', { value: n, selected: n === 3 }, tn('plan.form.payments', n))));
  const frequency = h('select', { id: 'plan-frequency' }, frequencies().map(([value, text]) => h('option', { value }, text)));
  const first = h('input', { type: 'date', id: 'plan-first', value: inDays(ctx.me.today, 7), required: true });
  const down = h('input', { type: 'text', id: 'plan-down', inputmode: 'decimal' });
  const quote = h('div', { 'aria-live': 'polite', 'data-quote': '' });
  const message = h('div', { 'aria-live': 'assertive' });
  const submit = h('button', { type: 'submit' }, t('plan.form.submit'));
  const idempotencyKey = newIdempotencyKey();

  const terms = () => {
    const downMinor = down.value.trim() ? parseMinor(down.value, currency) : null;
    if (down.value.trim() && downMinor === null) return { error: t('plan.problem.downPayment') };
    return {
      body: {
        invoiceIds: boxes.filter((b) => b.checked).map((b) => b.value),
        installmentCount: Number(count.value),
        frequency: frequency.value,
        firstPaymentDate: first.value,
        downPayment: downMinor ? { amount: Number(plain(downMinor, currency)), currency } : null,
      },
    };
  };

  let sequence = 0;
  const refresh = async () => {
    const mine = ++sequence;
    const { body, error } = terms();
    if (error) { quote.replaceChildren(h('p', { class: 'error' }, error)); return; }
    if (!body.invoiceIds.length) { quote.replaceChildren(h('p', {}, t('common.chooseInvoice'))); return; }
    if (!body.firstPaymentDate) { quote.replaceChildren(h('p', {}, t('plan.problem.firstDate'))); return; }
    quote.replaceChildren(status(t('plan.calculating')));
    try {
      const result = await api('/payment-plans/quotes', { method: 'POST', body });
      if (mine !== sequence) return;
      quote.replaceChildren(
        h('h3', {}, t('plan.scheduleFor', { total: format(result.total) })),
        schedule(result.installments, false),
        result.autoApproved
          ? h('p', { class: 'success' }, t('plan.autoApproved'))
          : h('div', { class: 'notice' }, h('p', {}, t('plan.needsApproval')),
            h('ul', {}, result.policyReasons.map((r) => h('li', {}, policyReason(r))))));
    } catch (error) {
      if (mine === sequence) quote.replaceChildren(errorBox(error));
    }
  };
  [...boxes, count, frequency, first].forEach((c) => c.addEventListener('change', refresh));
  down.addEventListener('change', refresh);

  const form = h('form', { class: 'panel', novalidate: true, 'aria-labelledby': 'propose-h' },
    h('h2', { id: 'propose-h' }, t('plan.form.title')),
    h('fieldset', {}, h('legend', {}, t('plan.form.invoices')),
      invoices.map((i, n) => h('label', { class: 'check', for: boxes[n].id }, boxes[n], invoiceOption(i)))),
    field('plan-count', t('plan.form.count'), count),
    field('plan-frequency', t('plan.form.frequency'), frequency),
    field('plan-first', t('plan.form.firstDate'), first),
    field('plan-down', t('plan.form.downPayment', { currency }), down, t('plan.form.downPaymentHint')),
    quote, message,
    h('div', { class: 'actions' }, submit));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const { body, error } = terms();
    if (error || !body.invoiceIds.length) {
      message.replaceChildren(h('p', { class: 'error', role: 'alert' }, error ?? t('common.chooseInvoice')));
      return;
    }
    const done = busy(submit, t('common.sending'));
    try {
      await api('/payment-plans', { method: 'POST', body, idempotencyKey });
      navigate(`#/plan?currency=${currency}`);
    } catch (failure) {
      done();
      message.replaceChildren(errorBox(failure));
    }
  });
  refresh();
  return form;
}

/** Our team's reasons: in English the server's own sentence with its figures, in another language the catalog's for the code. */
const policyReason = (reason) => (language() === 'en' ? reason.message : label('plan.policy', reason.code, reason.message));

function inDays(today, days) {
  const [y, m, d] = today.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
