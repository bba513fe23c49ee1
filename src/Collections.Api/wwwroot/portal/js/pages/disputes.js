import { api, all, newIdempotencyKey } from '../api.js';
import { h, field, errorBox, formatDate, humanize, busy } from '../dom.js';
import { format, parseMinor, formatMinor, plain, toMinor } from '../money.js';
import { openInvoices, byDueDate } from '../invoices-data.js';

export const reasons = [
  ['pricing', 'The price is wrong'],
  ['quantity', 'The quantity is wrong'],
  ['damaged_or_defective', 'Goods damaged or defective'],
  ['not_received', 'Goods or services not received'],
  ['duplicate_billing', 'Billed twice'],
  ['already_paid', 'Already paid'],
  ['other', 'Something else'],
];

export const allowedFiles = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';
export const maxFiles = 5;
export const maxBytes = 10 * 1024 * 1024;

export async function render(ctx, params, query, { navigate }) {
  const [disputes, invoices] = await Promise.all([
    all(`/disputes?debtorId=${encodeURIComponent(ctx.debtorId)}`),
    openInvoices(ctx),
  ]);
  const disputable = invoices.filter((i) => toMinor(i.balance) - toMinor(i.disputed) > 0).sort(byDueDate);
  return h('div', {},
    h('h1', {}, 'Disputes'),
    disputes.length ? list(disputes) : h('p', {}, 'You have not raised any disputes.'),
    disputable.length ? openForm(disputable, query.get('invoice'), navigate) : null);
}

function list(disputes) {
  return h('table', { class: 'responsive', 'data-table': 'disputes' },
    h('thead', {}, h('tr', {}, ['Dispute', 'Invoice', 'Reason', 'Amount', 'Status', 'Answer by'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, disputes.map((d) => h('tr', {},
      h('td', { 'data-label': 'Dispute' }, h('a', { href: `#/disputes/${encodeURIComponent(d.id)}` }, d.number)),
      h('td', { 'data-label': 'Invoice' }, d.invoiceNumber),
      h('td', { 'data-label': 'Reason' }, reasonText(d.reason)),
      h('td', { 'data-label': 'Amount', class: 'num' }, format(d.disputed)),
      h('td', { 'data-label': 'Status' }, h('span', { class: 'badge' }, humanize(d.status))),
      h('td', { 'data-label': 'Answer by' }, formatDate(d.dueBy))))));
}

export const reasonText = (code) => reasons.find(([c]) => c === code)?.[1] ?? humanize(code);

function openForm(invoices, preselected, navigate) {
  const invoice = h('select', { id: 'dispute-invoice', required: true },
    invoices.map((i) => h('option', { value: i.id, selected: i.id === preselected }, `${i.number} – ${format(i.balance)} due ${formatDate(i.dueDate)}`)));
  const amount = h('input', { type: 'text', id: 'dispute-amount', inputmode: 'decimal', 'aria-describedby': 'dispute-amount-hint' });
  const reason = h('select', { id: 'dispute-reason', required: true }, h('option', { value: '' }, 'Choose a reason'), reasons.map(([value, text]) => h('option', { value }, text)));
  const description = h('textarea', { id: 'dispute-description', required: true, maxlength: 4000, 'aria-describedby': 'dispute-description-hint' });
  const files = h('input', { type: 'file', id: 'dispute-files', multiple: true, accept: allowedFiles, 'aria-describedby': 'dispute-files-hint' });
  const message = h('div', { 'aria-live': 'assertive' });
  const submit = h('button', { type: 'submit' }, 'Raise the dispute');
  const chosen = () => invoices.find((i) => i.id === invoice.value);
  const idempotencyKey = newIdempotencyKey();

  const form = h('form', { novalidate: true, 'aria-labelledby': 'open-h', class: 'panel' },
    h('h2', { id: 'open-h' }, 'Raise a dispute'),
    h('p', {}, 'While we look into it, we will not chase the disputed amount. The rest of the invoice stays payable.'),
    field('dispute-invoice', 'Invoice', invoice),
    field('dispute-amount', 'Amount in dispute (optional)', amount, 'Leave empty to dispute the whole open balance.'),
    field('dispute-reason', 'Reason', reason),
    field('dispute-description', 'What is wrong?', description, 'Tell us what happened, so we can resolve it quickly.'),
    field('dispute-files', 'Evidence (optional)', files, `PDF, PNG or JPEG; up to ${maxFiles} files of at most 10 MB each.`),
    message,
    h('div', { class: 'actions' }, submit));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const target = chosen();
    const problems = [];
    let amountValue;
    if (amount.value.trim()) {
      const minor = parseMinor(amount.value, target.currency);
      const max = toMinor(target.balance) - toMinor(target.disputed);
      if (minor === null || minor <= 0) problems.push('The amount in dispute must be a positive amount, or left empty.');
      else if (minor > max) problems.push(`The amount in dispute cannot be more than ${formatMinor(max, target.currency)}.`);
      else amountValue = Number(plain(minor, target.currency));
    }
    if (!reason.value) problems.push('Choose a reason.');
    if (!description.value.trim()) problems.push('Describe what is wrong.');
    problems.push(...fileProblems(files.files));
    if (problems.length) {
      message.replaceChildren(h('div', { class: 'error', role: 'alert' }, h('ul', {}, problems.map((p) => h('li', {}, p)))));
      return;
    }
    const done = busy(submit, 'Sending…');
    try {
      const dispute = await api('/disputes', {
        method: 'POST',
        idempotencyKey,
        body: { invoiceId: target.id, amount: amountValue, reason: reason.value, description: description.value.trim() },
      });
      await uploadAll(dispute.id, files.files);
      navigate(`#/disputes/${encodeURIComponent(dispute.id)}`);
    } catch (error) {
      done();
      message.replaceChildren(errorBox(error));
    }
  });
  return form;
}

export function fileProblems(list, already = 0) {
  const problems = [];
  if (list.length + already > maxFiles) problems.push(`At most ${maxFiles} files can be attached to a dispute.`);
  for (const file of list) {
    if (file.size > maxBytes) problems.push(`${file.name} is larger than 10 MB.`);
    if (file.size === 0) problems.push(`${file.name} is empty.`);
  }
  return problems;
}

export async function uploadAll(disputeId, fileList) {
  for (const file of fileList) {
    const form = new FormData();
    form.append('file', file, file.name);
    await api(`/disputes/${encodeURIComponent(disputeId)}/attachments`, { method: 'POST', form });
  }
}
