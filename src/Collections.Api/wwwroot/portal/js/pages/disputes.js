import { api, all, newIdempotencyKey } from '../api.js';
import { h, field, errorBox, formatDate, formatBytes, busy } from '../dom.js';
import { format, parseMinor, formatMinor, plain, toMinor } from '../money.js';
import { t, label } from '../i18n.js';
import { openInvoices, byDueDate } from '../invoices-data.js';

/** The reasons the API takes, in the order the form offers them (texts: dispute.reason.{code}). */
export const reasons = ['pricing', 'quantity', 'damaged_or_defective', 'not_received', 'duplicate_billing', 'already_paid', 'other'];

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
    h('h1', {}, t('disputes.title')),
    disputes.length ? list(disputes) : h('p', {}, t('disputes.none')),
    disputable.length ? openForm(disputable, query.get('invoice'), navigate) : null);
}

function list(disputes) {
  const column = {
    dispute: t('disputes.column.dispute'),
    invoice: t('disputes.column.invoice'),
    reason: t('disputes.column.reason'),
    amount: t('disputes.column.amount'),
    status: t('disputes.column.status'),
    answerBy: t('disputes.column.answerBy'),
  };
  return h('table', { class: 'responsive', 'data-table': 'disputes' },
    h('thead', {}, h('tr', {}, Object.values(column).map((text) => h('th', { scope: 'col' }, text)))),
    h('tbody', {}, disputes.map((d) => h('tr', {},
      h('td', { 'data-label': column.dispute }, h('a', { href: `#/disputes/${encodeURIComponent(d.id)}` }, d.number)),
      h('td', { 'data-label': column.invoice }, d.invoiceNumber),
      h('td', { 'data-label': column.reason }, reasonText(d.reason)),
      h('td', { 'data-label': column.amount, class: 'num' }, format(d.disputed)),
      h('td', { 'data-label': column.status }, h('span', { class: 'badge' }, label('status.dispute', d.status))),
      h('td', { 'data-label': column.answerBy }, formatDate(d.dueBy))))));
}

export const reasonText = (code) => label('dispute.reason', code);

export const invoiceOption = (i) => t('common.invoiceOption', { number: i.number, balance: format(i.balance), date: formatDate(i.dueDate) });

function openForm(invoices, preselected, navigate) {
  const invoice = h('select', { id: 'dispute-invoice', required: true },
    invoices.map((i) => h('option', { value: i.id, selected: i.id === preselected }, invoiceOption(i))));
  const amount = h('input', { type: 'text', id: 'dispute-amount', inputmode: 'decimal', 'aria-describedby': 'dispute-amount-hint' });
  const reason = h('select', { id: 'dispute-reason', required: true },
    h('option', { value: '' }, t('disputes.form.chooseReason')), reasons.map((value) => h('option', { value }, reasonText(value))));
  const description = h('textarea', { id: 'dispute-description', required: true, maxlength: 4000, 'aria-describedby': 'dispute-description-hint' });
  const files = h('input', { type: 'file', id: 'dispute-files', multiple: true, accept: allowedFiles, 'aria-describedby': 'dispute-files-hint' });
  const message = h('div', { 'aria-live': 'assertive' });
  const submit = h('button', { type: 'submit' }, t('disputes.form.submit'));
  const chosen = () => invoices.find((i) => i.id === invoice.value);
  const idempotencyKey = newIdempotencyKey();

  const form = h('form', { novalidate: true, 'aria-labelledby': 'open-h', class: 'panel' },
    h('h2', { id: 'open-h' }, t('disputes.form.title')),
    h('p', {}, t('disputes.form.intro')),
    field('dispute-invoice', t('disputes.form.invoice'), invoice),
    field('dispute-amount', t('disputes.form.amount'), amount, t('disputes.form.amountHint')),
    field('dispute-reason', t('disputes.form.reason'), reason),
    field('dispute-description', t('disputes.form.description'), description, t('disputes.form.descriptionHint')),
    field('dispute-files', t('disputes.form.files'), files, t('disputes.form.filesHint', { count: maxFiles, size: formatBytes(maxBytes) })),
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
      if (minor === null || minor <= 0) problems.push(t('disputes.problem.amount'));
      else if (minor > max) problems.push(t('disputes.problem.tooMuch', { max: formatMinor(max, target.currency) }));
      else amountValue = Number(plain(minor, target.currency));
    }
    if (!reason.value) problems.push(t('disputes.problem.reason'));
    if (!description.value.trim()) problems.push(t('disputes.problem.description'));
    problems.push(...fileProblems(files.files));
    if (problems.length) {
      message.replaceChildren(h('div', { class: 'error', role: 'alert' }, h('ul', {}, problems.map((p) => h('li', {}, p)))));
      return;
    }
    const done = busy(submit, t('common.sending'));
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
  if (list.length + already > maxFiles) problems.push(t('disputes.problem.tooManyFiles', { count: maxFiles }));
  for (const file of list) {
    if (file.size > maxBytes) problems.push(t('disputes.problem.tooLarge', { name: file.name, size: formatBytes(maxBytes) }));
    if (file.size === 0) problems.push(t('disputes.problem.empty', { name: file.name }));
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
