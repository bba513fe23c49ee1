import { all } from '../api.js';
import { h, field, formatDate, humanize } from '../dom.js';
import { format, toMinor, plain } from '../money.js';
import { byDueDate } from '../invoices-data.js';

export async function render(ctx, params, query, { navigate }) {
  const statusFilter = query.get('status') ?? 'open';
  const overdueOnly = query.get('overdue') === 'true';
  const filter = [`debtorId=${encodeURIComponent(ctx.debtorId)}`];
  if (statusFilter !== 'all') filter.push(`status=${encodeURIComponent(statusFilter)}`);
  if (overdueOnly) filter.push('overdue=true');
  const items = (await all(`/invoices?${filter.join('&')}`)).sort(byDueDate);

  const statusSelect = h('select', { id: 'filter-status', name: 'status' },
    [['open', 'Open'], ['paid', 'Paid'], ['all', 'All']].map(([value, text]) => h('option', { value, selected: value === statusFilter }, text)));
  const overdueBox = h('input', { type: 'checkbox', id: 'filter-overdue', checked: overdueOnly });
  const apply = () => navigate(`#/invoices?status=${statusSelect.value}${overdueBox.checked ? '&overdue=true' : ''}`);
  statusSelect.addEventListener('change', apply);
  overdueBox.addEventListener('change', apply);

  const download = h('button', { type: 'button', class: 'secondary' }, 'Download statement (CSV)');
  download.addEventListener('click', async () => downloadStatement(ctx, await all(`/invoices?debtorId=${encodeURIComponent(ctx.debtorId)}`)));

  return h('div', {},
    h('h1', {}, 'Invoices'),
    h('div', { class: 'filters', role: 'group', 'aria-label': 'Filters' },
      field('filter-status', 'Show', statusSelect),
      h('div', { class: 'field' }, h('label', { class: 'check', for: 'filter-overdue' }, overdueBox, 'Overdue only')),
      download),
    items.length ? table(items) : h('p', {}, 'No invoices match these filters.'));
}

function table(items) {
  return h('table', { class: 'responsive', 'data-table': 'invoices' },
    h('caption', { class: 'visually-hidden' }, 'Your invoices'),
    h('thead', {}, h('tr', {}, ['Invoice', 'PO', 'Due', 'Total', 'Balance', 'Status'].map((t, i) => h('th', { scope: 'col', class: i >= 3 && i <= 4 ? 'num' : null }, t)))),
    h('tbody', {}, items.map((i) => h('tr', { 'data-invoice': i.id },
      h('td', { 'data-label': 'Invoice' }, h('a', { href: `#/invoices/${encodeURIComponent(i.id)}` }, i.number)),
      h('td', { 'data-label': 'PO' }, i.poNumber ?? '–'),
      h('td', { 'data-label': 'Due' }, formatDate(i.dueDate)),
      h('td', { 'data-label': 'Total', class: 'num' }, format(i.total)),
      h('td', { 'data-label': 'Balance', class: 'num', 'data-balance': i.id }, format(i.balance)),
      h('td', { 'data-label': 'Status' }, badge(i))))));
}

export function badge(invoice) {
  if (invoice.status === 'open' && invoice.daysOverdue > 0) return h('span', { class: 'badge overdue' }, `${invoice.daysOverdue} days overdue`);
  if (invoice.status === 'paid') return h('span', { class: 'badge paid' }, 'Paid');
  if (toMinor(invoice.disputed) > 0) return h('span', { class: 'badge' }, 'Open, partly on hold');
  return h('span', { class: 'badge' }, humanize(invoice.status));
}

function csvCell(value) {
  const text = String(value ?? '');
  // A leading formula character is neutralised so a spreadsheet never executes a cell.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function downloadStatement(ctx, items) {
  const rows = [['Invoice', 'PO', 'Issue date', 'Due date', 'Currency', 'Total', 'Paid', 'Credited', 'Balance', 'Status']];
  for (const i of items.sort(byDueDate)) {
    rows.push([i.number, i.poNumber ?? '', i.issueDate, i.dueDate, i.currency, plain(toMinor(i.total), i.currency), plain(toMinor(i.paid), i.currency),
      plain(toMinor(i.credited), i.currency), plain(toMinor(i.balance), i.currency), i.status]);
  }
  const blob = new Blob([rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
  const link = h('a', { href: URL.createObjectURL(blob), download: `statement-${ctx.debtor.name.replace(/[^\w-]+/g, '-')}.csv` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}
