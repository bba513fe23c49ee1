import { api, all, newIdempotencyKey } from '../api.js';
import { h, field, errorBox, formatDate, humanize, busy, status } from '../dom.js';
import { format, parseMinor, plain, toMinor } from '../money.js';
import { openInvoices, byDueDate } from '../invoices-data.js';

const frequencies = [['monthly', 'Monthly'], ['biweekly', 'Every two weeks'], ['weekly', 'Weekly']];

export async function render(ctx, params, query, { navigate }) {
  const [plans, invoices] = await Promise.all([
    all(`/payment-plans?debtorId=${encodeURIComponent(ctx.debtorId)}`),
    openInvoices(ctx),
  ]);
  const current = plans.filter((p) => ['active', 'proposed'].includes(p.status));
  const eligible = invoices.filter((i) => !i.paymentPlanId && toMinor(i.disputed) === 0 && toMinor(i.balance) > 0).sort(byDueDate);
  return h('div', {},
    h('h1', {}, 'Payment plan'),
    current.map((p) => planView(p, navigate)),
    eligible.length ? proposeForm(ctx, eligible, navigate) : (current.length ? null : h('p', {}, 'There are no open invoices that can go into a plan.')),
    plans.length > current.length ? h('section', {}, h('h2', {}, 'Earlier plans'),
      h('ul', {}, plans.filter((p) => !current.includes(p)).map((p) => h('li', {}, `${format(p.total)} – ${humanize(p.status)}${p.closeReason ? ` (${p.closeReason})` : ''}`)))) : null);
}

function planView(p, navigate) {
  const next = p.installments.find((i) => i.status !== 'paid');
  const message = h('div', { 'aria-live': 'assertive' });
  const payButton = h('button', { type: 'button' }, next ? `Pay installment ${next.number} now` : 'Pay');
  payButton.addEventListener('click', async () => {
    const done = busy(payButton, 'Opening secure payment…');
    try {
      const checkout = await api('/payments/checkout', { method: 'POST', body: { paymentPlanId: p.id }, idempotencyKey: newIdempotencyKey() });
      window.location.assign(checkout.checkoutUrl);
    } catch (error) {
      done();
      message.replaceChildren(errorBox(error));
    }
  });
  return h('section', { class: 'panel', 'data-plan': p.id, 'aria-labelledby': `plan-${p.id}` },
    h('h2', { id: `plan-${p.id}` }, p.status === 'active' ? 'Your payment plan' : 'Your proposed plan (awaiting approval)'),
    p.atRisk ? h('p', { class: 'notice' }, 'An installment is late. Please pay it soon so the plan stays in place.') : null,
    h('p', {}, `Total ${format(p.total)}, paid ${format(p.paid)}, still to pay ${format(p.outstanding)}.`),
    schedule(p.installments, true),
    p.status === 'active' && next ? h('div', { class: 'actions' }, payButton) : null,
    p.status === 'proposed' ? h('div', { class: 'actions' }, withdrawButton(p, message, navigate)) : null,
    message);
}

function withdrawButton(p, message, navigate) {
  const button = h('button', { type: 'button', class: 'secondary' }, 'Withdraw this proposal');
  button.addEventListener('click', async () => {
    const done = busy(button, 'Withdrawing…');
    try {
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
  return h('table', { class: 'responsive', 'data-table': 'schedule' },
    h('thead', {}, h('tr', {}, ['#', 'Due', 'Amount', withStatus ? 'Paid' : null, withStatus ? 'Status' : null].filter(Boolean).map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, installments.map((i) => h('tr', {},
      h('td', { 'data-label': '#' }, i.isDownPayment ? 'Down payment' : String(i.number)),
      h('td', { 'data-label': 'Due' }, formatDate(i.dueDate)),
      h('td', { 'data-label': 'Amount', class: 'num' }, format(i.amount)),
      withStatus ? h('td', { 'data-label': 'Paid', class: 'num' }, format(i.paidAmount)) : null,
      withStatus ? h('td', { 'data-label': 'Status' }, humanize(i.status)) : null))));
}

function proposeForm(ctx, invoices, navigate) {
  const boxes = invoices.map((i) => h('input', { type: 'checkbox', id: `plan-inv-${i.id}`, value: i.id, checked: true, 'data-plan-invoice': i.id }));
  const count = h('select', { id: 'plan-count' }, [2, 3, 4, 5, 6, 9, 12].map((n) => h('option', { value: n, selected: n === 3 }, `${n} payments`)));
  const frequency = h('select', { id: 'plan-frequency' }, frequencies.map(([value, text]) => h('option', { value }, text)));
  const first = h('input', { type: 'date', id: 'plan-first', value: inDays(ctx.me.today, 7), required: true });
  const down = h('input', { type: 'text', id: 'plan-down', inputmode: 'decimal' });
  const quote = h('div', { 'aria-live': 'polite', 'data-quote': '' });
  const message = h('div', { 'aria-live': 'assertive' });
  const submit = h('button', { type: 'submit' }, 'Propose this plan');
  const idempotencyKey = newIdempotencyKey();

  const terms = () => {
    const downMinor = down.value.trim() ? parseMinor(down.value, ctx.currency) : null;
    if (down.value.trim() && downMinor === null) return { error: 'The down payment is not a valid amount.' };
    return {
      body: {
        invoiceIds: boxes.filter((b) => b.checked).map((b) => b.value),
        installmentCount: Number(count.value),
        frequency: frequency.value,
        firstPaymentDate: first.value,
        downPayment: downMinor ? { amount: Number(plain(downMinor, ctx.currency)), currency: ctx.currency } : null,
      },
    };
  };

  let sequence = 0;
  const refresh = async () => {
    const mine = ++sequence;
    const { body, error } = terms();
    if (error) { quote.replaceChildren(h('p', { class: 'error' }, error)); return; }
    if (!body.invoiceIds.length) { quote.replaceChildren(h('p', {}, 'Choose at least one invoice.')); return; }
    if (!body.firstPaymentDate) { quote.replaceChildren(h('p', {}, 'Choose the date of the first payment.')); return; }
    quote.replaceChildren(status('Calculating your schedule…'));
    try {
      const result = await api('/payment-plans/quotes', { method: 'POST', body });
      if (mine !== sequence) return;
      quote.replaceChildren(
        h('h3', {}, `Your schedule for ${format(result.total)}`),
        schedule(result.installments, false),
        result.autoApproved
          ? h('p', { class: 'success' }, 'This plan fits our policy: it starts as soon as you propose it.')
          : h('div', { class: 'notice' }, h('p', {}, 'This plan needs our approval, usually within two working days:'),
            h('ul', {}, result.policyReasons.map((r) => h('li', {}, r.message)))));
    } catch (error) {
      if (mine === sequence) quote.replaceChildren(errorBox(error));
    }
  };
  [...boxes, count, frequency, first].forEach((c) => c.addEventListener('change', refresh));
  down.addEventListener('change', refresh);

  const form = h('form', { class: 'panel', novalidate: true, 'aria-labelledby': 'propose-h' },
    h('h2', { id: 'propose-h' }, 'Propose a payment plan'),
    h('fieldset', {}, h('legend', {}, 'Invoices in the plan'),
      invoices.map((i, n) => h('label', { class: 'check', for: boxes[n].id }, boxes[n], `${i.number} – ${format(i.balance)} due ${formatDate(i.dueDate)}`))),
    field('plan-count', 'Number of payments', count),
    field('plan-frequency', 'How often', frequency),
    field('plan-first', 'First payment date', first),
    field('plan-down', 'Down payment (optional)', down, 'An amount paid first, if you can.'),
    quote, message,
    h('div', { class: 'actions' }, submit));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const { body, error } = terms();
    if (error || !body.invoiceIds.length) {
      message.replaceChildren(h('p', { class: 'error', role: 'alert' }, error ?? 'Choose at least one invoice.'));
      return;
    }
    const done = busy(submit, 'Sending…');
    try {
      await api('/payment-plans', { method: 'POST', body, idempotencyKey });
      navigate('#/plan');
    } catch (failure) {
      done();
      message.replaceChildren(errorBox(failure));
    }
  });
  refresh();
  return form;
}

function inDays(today, days) {
  const [y, m, d] = today.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
