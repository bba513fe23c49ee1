import { api } from '../api.js';
import { h, formatDate, formatInstant } from '../dom.js';
import { format } from '../money.js';
import { t, tn } from '../i18n.js';
import { openInvoices, totals, formatTotals, byDueDate } from '../invoices-data.js';

export async function render(ctx) {
  const [items, activity, messages] = await Promise.all([
    openInvoices(ctx),
    api(`/debtors/${encodeURIComponent(ctx.debtorId)}/activity?limit=5`),
    communications(ctx),
  ]);
  const latest = messages.at(-1);
  items.sort(byDueDate);
  const overdue = items.filter((i) => i.daysOverdue > 0);
  const savings = items.filter((i) => i.earlyPayment);
  const disputed = totals(items, (i) => i.disputed);

  return h('div', {},
    h('h1', {}, t('overview.greeting', { name: ctx.me.name })),
    h('div', { class: 'cards' },
      card('total-due', t('overview.totalDue'), formatTotals(totals(items, (i) => i.balance), ctx.currency), tn('overview.openInvoices', items.length)),
      card('overdue', t('overview.overdue'), formatTotals(totals(overdue, (i) => i.balance), ctx.currency),
        overdue.length ? tn('overview.overdueCount', overdue.length) : t('overview.nothingOverdue')),
      card('savings', t('overview.savings'), formatTotals(totals(savings, (i) => i.earlyPayment.discount), ctx.currency),
        savings.length ? t('overview.savingsAvailable') : t('overview.savingsNone')),
      [...disputed.values()].some((m) => m > 0) ? card('disputed', t('overview.disputed'), formatTotals(disputed, ctx.currency), t('overview.disputedNote')) : null),
    h('div', { class: 'actions' },
      h('a', { class: 'button', href: '#/pay' }, t('overview.payNow')),
      h('a', { href: '#/plan' }, t('overview.proposePlan')),
      h('a', { href: '#/promise' }, t('overview.promiseDate')),
      h('a', { href: '#/disputes' }, t('overview.raiseDispute'))),
    savings.length ? h('section', { 'aria-labelledby': 'savings-h' },
      h('h2', { id: 'savings-h' }, t('overview.saveHeading')),
      h('ul', {}, savings.map((i) => h('li', {}, t('overview.saveItem', {
        number: i.number, date: formatDate(i.earlyPayment.payBy), amount: format(i.earlyPayment.amountToPay), balance: format(i.balance), discount: format(i.earlyPayment.discount),
      }))))) : null,
    h('section', { 'aria-labelledby': 'next-h' },
      h('h2', { id: 'next-h' }, t('overview.nextHeading')),
      h('p', {}, whatNext(items, overdue)),
      latest?.nextStepOn && items.length
        ? h('p', { 'data-next-step': '' }, t('overview.nextStep', { subject: latest.subject, date: formatDate(latest.nextStepOn) }))
        : null),
    messages.length ? h('section', { 'aria-labelledby': 'messages-h' },
      h('h2', { id: 'messages-h' }, t('overview.messagesHeading')),
      h('ul', { 'data-list': 'messages' }, messages.slice(-3).reverse().map((m) => h('li', {}, h('span', { class: 'hint' }, formatInstant(m.sentAt ?? m.createdAt)), ' – ', m.subject)))) : null,
    h('section', { 'aria-labelledby': 'recent-h' },
      h('h2', { id: 'recent-h' }, t('overview.eventsHeading')),
      activity.items.length
        ? h('ul', {}, activity.items.map((e) => h('li', {}, h('span', { class: 'hint' }, formatInstant(e.occurredAt)), ' – ', e.summary)))
        : h('p', {}, t('common.nothingYet')),
      h('p', {}, h('a', { href: '#/activity' }, t('overview.allActivity')))));
}

/** What Dunning wrote to the debtor, oldest first; an empty list when it cannot be read. */
export async function communications(ctx) {
  try {
    const list = await api(`/debtors/${encodeURIComponent(ctx.debtorId)}/communications`);
    return Array.isArray(list) ? list.filter((m) => m.status !== 'failed') : [];
  } catch {
    // Messages are context, not the point of the page: without them the rest still shows.
    return [];
  }
}

function card(key, label, figure, note) {
  return h('div', { class: 'card', 'data-figure': key },
    h('p', { class: 'label' }, label),
    h('p', { class: 'figure' }, figure),
    h('p', { class: 'hint' }, note));
}

function whatNext(items, overdue) {
  if (!items.length) return t('overview.next.none');
  if (overdue.length) return t('overview.next.overdue', { number: overdue[0].number, date: formatDate(overdue[0].dueDate) });
  return t('overview.next.upcoming', { number: items[0].number, date: formatDate(items[0].dueDate) });
}
