import { all } from './api.js';
import { toMinor, formatMinor } from './money.js';

export const openInvoices = (ctx) => all(`/invoices?debtorId=${encodeURIComponent(ctx.debtorId)}&status=open`);

/** Sums per currency in minor units; rendered as "€1,000.00 + $20.00" when a debtor owes in more than one. */
export function totals(items, pick) {
  const sums = new Map();
  for (const item of items) {
    const money = pick(item);
    if (!money) continue;
    sums.set(money.currency, (sums.get(money.currency) ?? 0) + toMinor(money));
  }
  return sums;
}

export function formatTotals(sums, fallbackCurrency) {
  const parts = [...sums].filter(([, minor]) => minor !== 0).map(([currency, minor]) => formatMinor(minor, currency));
  return parts.length ? parts.join(' + ') : formatMinor(0, fallbackCurrency);
}

/** What may be paid now: the balance less any part on hold under a dispute. */
export const payableMinor = (invoice) => Math.max(0, toMinor(invoice.balance) - toMinor(invoice.disputed));

export const byDueDate = (a, b) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number);
