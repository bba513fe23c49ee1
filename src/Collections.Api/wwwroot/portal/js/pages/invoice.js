import { api } from '../api.js';
import { h, formatDate } from '../dom.js';
import { format, toMinor } from '../money.js';
import { t, tn, formatNumber } from '../i18n.js';
import { badge } from './invoices.js';

export async function render(ctx, params) {
  const i = await api(`/invoices/${encodeURIComponent(params.id)}`);
  const disputed = toMinor(i.disputed) > 0;
  const column = {
    description: t('invoice.column.description'),
    quantity: t('invoice.column.quantity'),
    unitPrice: t('invoice.column.unitPrice'),
    amount: t('invoice.column.amount'),
  };
  return h('div', {},
    h('p', {}, h('a', { href: '#/invoices' }, t('invoice.back'))),
    h('h1', {}, t('invoice.title', { number: i.number })),
    h('dl', { class: 'facts' },
      h('dt', {}, t('invoice.status')), h('dd', {}, badge(i)),
      h('dt', {}, t('invoice.po')), h('dd', {}, i.poNumber ?? '–'),
      h('dt', {}, t('invoice.issued')), h('dd', {}, formatDate(i.issueDate)),
      h('dt', {}, t('invoice.due')), h('dd', {}, formatDate(i.dueDate)),
      h('dt', {}, t('invoice.total')), h('dd', {}, format(i.total)),
      h('dt', {}, t('invoice.paid')), h('dd', {}, format(i.paid)),
      h('dt', {}, t('invoice.credited')), h('dd', {}, format(i.credited)),
      disputed ? [h('dt', {}, t('invoice.disputed')), h('dd', {}, format(i.disputed))] : null,
      h('dt', {}, t('invoice.balance')), h('dd', { 'data-balance': i.id }, format(i.balance)),
      i.terms?.netDays ? [h('dt', {}, t('invoice.terms')), h('dd', {}, terms(i.terms))] : null),
    i.earlyPayment ? h('p', { class: 'success' },
      t('invoice.earlyPayment', { amount: format(i.earlyPayment.amountToPay), date: formatDate(i.earlyPayment.payBy), discount: format(i.earlyPayment.discount) })) : null,
    i.lines?.length ? h('section', {},
      h('h2', {}, t('invoice.lines')),
      h('table', { class: 'responsive' },
        h('thead', {}, h('tr', {}, Object.values(column).map((text) => h('th', { scope: 'col' }, text)))),
        h('tbody', {}, i.lines.map((l) => h('tr', {},
          h('td', { 'data-label': column.description }, l.description),
          h('td', { 'data-label': column.quantity, class: 'num' }, formatNumber(l.quantity, { maximumFractionDigits: 20 })),
          h('td', { 'data-label': column.unitPrice, class: 'num' }, format(l.unitPrice)),
          h('td', { 'data-label': column.amount, class: 'num' }, format(l.amount))))))) : null,
    i.status === 'open' ? h('div', { class: 'actions' },
      h('a', { class: 'button', href: `#/pay?invoice=${encodeURIComponent(i.id)}` }, t('invoice.pay')),
      h('a', { href: `#/disputes?invoice=${encodeURIComponent(i.id)}` }, t('invoice.dispute'))) : null);
}

function terms(given) {
  if (!given.earlyPaymentDiscountPercent) return tn('invoice.termsNet', given.netDays);
  const percent = formatNumber(given.earlyPaymentDiscountPercent / 100, { style: 'percent', maximumFractionDigits: 2 });
  return t('invoice.termsBoth', {
    discount: tn('invoice.termsDiscount', given.earlyPaymentDiscountDays, { percent }),
    net: tn('invoice.termsNetAfter', given.netDays),
  });
}
