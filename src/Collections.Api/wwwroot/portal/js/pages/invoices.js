import { all } from '../api.js';
import { h, field, formatDate } from '../dom.js';
import { format, toMinor, plain } from '../money.js';
import { t, tn, label } from '../i18n.js';
import { byDueDate } from '../invoices-data.js';

export async function render(ctx, params, query, { navigate }) {
  const statusFilter = query.get('status') ?? 'open';
  const overdueOnly = query.get('overdue') === 'true';
  const filter = [`debtorId=${encodeURIComponent(ctx.debtorId)}`];
  if (statusFilter !== 'all') filter.push(`status=${encodeURIComponent(statusFilter)}`);
  if (overdueOnly) filter.push('overdue=true');
  const items = (await all(`/invoices?${filter.join('&')}`)).sort(byDueDate);

  const statusSelect = h('select', { id: 'filter-status', name: 'status' },
    [['open', t('invoices.filter.open')], ['paid', t('invoices.filter.paid')], ['all', t('invoices.filter.all')]]
      .map(([value, text]) => h('option', { value, selected: value === statusFilter }, text)));
  const overdueBox = h('input', { type: 'checkbox', id: 'filter-overdue', checked: overdueOnly });
  const apply = () => navigate(`#/invoices?status=${statusSelect.value}${overdueBox.checked ? '&overdue=true' : ''}`);
  statusSelect.addEventListener('change', apply);
  overdueBox.addEventListener('change', apply);

  const download = h('button', { type: 'button', class: 'secondary' }, t('invoices.download'));
  download.addEventListener('click', async () => downloadStatement(ctx, await all(`/invoices?debtorId=${encodeURIComponent(ctx.debtorId)}`)));

  return h('div', {},
    h('h1', {}, t('invoices.title')),
    h('div', { class: 'filters', role: 'group', 'aria-label': t('invoices.filters') },
      field('filter-status', t('invoices.show'), statusSelect),
      h('div', { class: 'field' }, h('label', { class: 'check', for: 'filter-overdue' }, overdueBox, t('invoices.overdueOnly'))),
      download),
    items.length ? table(items) : h('p', {}, t('invoices.none')));
}

function table(items) {
  const columns = {
    invoice: t('invoices.column.invoice'),
    po: t('invoices.column.po'),
    due: t('invoices.column.due'),
    total: t('invoices.column.total'),
    balance: t('invoices.column.balance'),
    status: t('invoices.column.status'),
  };
  return h('table', { class: 'responsive', 'data-table': 'invoices' },
    h('caption', { class: 'visually-hidden' }, t('invoices.caption')),
    h('thead', {}, h('tr', {}, Object.entries(columns).map(([key, text]) => h('th', { scope: 'col', class: key === 'total' || key === 'balance' ? 'num' : null }, text)))),
    h('tbody', {}, items.map((i) => h('tr', { 'data-invoice': i.id },
      h('td', { 'data-label': columns.invoice }, h('a', { href: `#/invoices/${encodeURIComponent(i.id)}` }, i.number)),
      h('td', { 'data-label': columns.po }, i.poNumber ?? '–'),
      h('td', { 'data-label': columns.due }, formatDate(i.dueDate)),
      h('td', { 'data-label': columns.total, class: 'num' }, format(i.total)),
      h('td', { 'data-label': columns.balance, class: 'num', 'data-balance': i.id }, format(i.balance)),
      h('td', { 'data-label': columns.status }, badge(i))))));
}

export function badge(invoice) {
  if (invoice.status === 'open' && invoice.daysOverdue > 0) return h('span', { class: 'badge overdue' }, tn('invoices.badge.daysOverdue', invoice.daysOverdue));
  if (invoice.status === 'paid') return h('span', { class: 'badge paid' }, t('invoices.badge.paid'));
  if (toMinor(invoice.disputed) > 0) return h('span', { class: 'badge' }, t('invoices.badge.partlyOnHold'));
  return h('span', { class: 'badge' }, label('status.invoice', invoice.status));
}

function csvCell(value) {
  const text = String(value ?? '');
  // A leading formula character is neutralised so a spreadsheet never executes a cell.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Headings in the debtor's language; the figures stay machine-readable (ISO dates, a dot before the decimals, status codes). */
function downloadStatement(ctx, items) {
  const rows = [[
    t('invoices.csv.invoice'), t('invoices.csv.po'), t('invoices.csv.issueDate'), t('invoices.csv.dueDate'), t('invoices.csv.currency'),
    t('invoices.csv.total'), t('invoices.csv.paid'), t('invoices.csv.credited'), t('invoices.csv.balance'), t('invoices.csv.status'),
  ]];
  for (const i of items.sort(byDueDate)) {
    rows.push([i.number, i.poNumber ?? '', i.issueDate, i.dueDate, i.currency, plain(toMinor(i.total), i.currency), plain(toMinor(i.paid), i.currency),
      plain(toMinor(i.credited), i.currency), plain(toMinor(i.balance), i.currency), i.status]);
  }
  const blob = new Blob([rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
  const link = h('a', { href: URL.createObjectURL(blob), download: t('invoices.csv.fileName', { name: ctx.debtor.name.replace(/[^\w-]+/g, '-') }) });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}
