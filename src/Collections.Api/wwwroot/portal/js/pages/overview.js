import { api } from '../api.js';
import { h, formatDate, formatInstant } from '../dom.js';
import { format } from '../money.js';
import { openInvoices, totals, formatTotals, byDueDate } from '../invoices-data.js';

export async function render(ctx) {
  const [items, activity] = await Promise.all([
    openInvoices(ctx),
    api(`/debtors/${encodeURIComponent(ctx.debtorId)}/activity?limit=5`),
  ]);
  items.sort(byDueDate);
  const overdue = items.filter((i) => i.daysOverdue > 0);
  const savings = items.filter((i) => i.earlyPayment);
  const disputed = totals(items, (i) => i.disputed);

  return h('div', {},
    h('h1', {}, `Hello, ${ctx.me.name}`),
    h('div', { class: 'cards' },
      card('total-due', 'Total due', formatTotals(totals(items, (i) => i.balance), ctx.currency), `${items.length} open ${items.length === 1 ? 'invoice' : 'invoices'}`),
      card('overdue', 'Overdue', formatTotals(totals(overdue, (i) => i.balance), ctx.currency), overdue.length ? `${overdue.length} past the due date` : 'Nothing is overdue. Thank you.'),
      card('savings', 'Early-payment savings', formatTotals(totals(savings, (i) => i.earlyPayment.discount), ctx.currency), savings.length ? 'Available if paid in time (see below)' : 'None available right now'),
      [...disputed.values()].some((m) => m > 0) ? card('disputed', 'On hold under dispute', formatTotals(disputed, ctx.currency), 'Not collected while we look into it') : null),
    h('div', { class: 'actions' },
      h('a', { class: 'button', href: '#/pay' }, 'Pay now'),
      h('a', { href: '#/plan' }, 'Propose a payment plan'),
      h('a', { href: '#/promise' }, 'Promise a payment date'),
      h('a', { href: '#/disputes' }, 'Raise a dispute')),
    savings.length ? h('section', { 'aria-labelledby': 'savings-h' },
      h('h2', { id: 'savings-h' }, 'Save by paying early'),
      h('ul', {}, savings.map((i) => h('li', {},
        `Pay invoice ${i.number} in full by ${formatDate(i.earlyPayment.payBy)}: ${format(i.earlyPayment.amountToPay)} instead of ${format(i.balance)} (you save ${format(i.earlyPayment.discount)}).`)))) : null,
    h('section', { 'aria-labelledby': 'next-h' },
      h('h2', { id: 'next-h' }, 'What happens next'),
      h('p', {}, whatNext(items, overdue))),
    h('section', { 'aria-labelledby': 'recent-h' },
      h('h2', { id: 'recent-h' }, 'Recent messages and events'),
      activity.items.length
        ? h('ul', {}, activity.items.map((e) => h('li', {}, h('span', { class: 'hint' }, formatInstant(e.occurredAt)), ' – ', e.summary)))
        : h('p', {}, 'Nothing yet.'),
      h('p', {}, h('a', { href: '#/activity' }, 'See all activity'))));
}

function card(key, label, figure, note) {
  return h('div', { class: 'card', 'data-figure': key },
    h('p', { class: 'label' }, label),
    h('p', { class: 'figure' }, figure),
    h('p', { class: 'hint' }, note));
}

function whatNext(items, overdue) {
  if (!items.length) return 'You have no open invoices. There is nothing to do.';
  if (overdue.length) {
    const oldest = overdue[0];
    return `Invoice ${oldest.number} was due on ${formatDate(oldest.dueDate)}. We will keep sending reminders about overdue invoices until they are paid, `
      + 'a payment plan is agreed, a payment date is promised, or a dispute is raised. Each reminder says what comes next and when.';
  }
  const next = items[0];
  return `The next invoice due is ${next.number}, on ${formatDate(next.dueDate)}. We only send a courtesy reminder shortly before that date.`;
}
