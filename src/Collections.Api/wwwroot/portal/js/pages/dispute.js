import { api, session } from '../api.js';
import { h, field, errorBox, formatDate, formatInstant, formatBytes, busy } from '../dom.js';
import { format } from '../money.js';
import { t, label } from '../i18n.js';
import { reasonText, allowedFiles, maxBytes, fileProblems, uploadAll } from './disputes.js';

export async function render(ctx, params, query, { navigate }) {
  const d = await api(`/disputes/${encodeURIComponent(params.id)}`);
  const live = d.status === 'open' || d.status === 'under_review';
  const reload = () => navigate(`#/disputes/${encodeURIComponent(d.id)}`);
  return h('div', {},
    h('p', {}, h('a', { href: '#/disputes' }, t('dispute.back'))),
    h('h1', {}, t('dispute.title', { number: d.number })),
    h('dl', { class: 'facts' },
      h('dt', {}, t('dispute.invoice')), h('dd', {}, h('a', { href: `#/invoices/${encodeURIComponent(d.invoiceId)}` }, d.invoiceNumber)),
      h('dt', {}, t('dispute.status')), h('dd', { 'data-status': d.status }, label('status.dispute', d.status)),
      h('dt', {}, t('dispute.reason')), h('dd', {}, reasonText(d.reason)),
      h('dt', {}, t('dispute.amount')), h('dd', {}, format(d.disputed)),
      h('dt', {}, t('dispute.opened')), h('dd', {}, formatInstant(d.openedAt)),
      live ? [h('dt', {}, t('dispute.answerBy')), h('dd', {}, formatDate(d.dueBy))] : null,
      d.outcome ? [h('dt', {}, t('dispute.outcome')), h('dd', {}, label('dispute.outcome', d.outcome))] : null,
      d.resolutionNote ? [h('dt', {}, t('dispute.answer')), h('dd', {}, d.resolutionNote)] : null),
    h('h2', {}, t('dispute.description')),
    h('p', {}, d.description),
    h('h2', {}, t('dispute.messages')),
    d.messages.length
      ? h('ol', { class: 'thread' }, d.messages.map((m) => h('li', {}, h('p', { class: 'meta' }, `${m.author} – ${formatInstant(m.createdAt)}`), h('p', {}, m.body))))
      : h('p', {}, t('dispute.noMessages')),
    h('h2', {}, t('dispute.evidence')),
    d.attachments.length
      ? h('ul', { 'data-list': 'attachments' }, d.attachments.map((a) => h('li', {}, downloadButton(d.id, a), ' ', t('dispute.fileSize', { size: formatBytes(a.sizeBytes) }))))
      : h('p', {}, t('dispute.noFiles')),
    live ? replyForm(d, reload) : null,
    live ? withdraw(d, reload) : null);
}

function downloadButton(disputeId, attachment) {
  const button = h('button', { type: 'button', class: 'secondary' }, t('dispute.download', { name: attachment.fileName }));
  button.addEventListener('click', async () => {
    const response = await fetch(`/api/v1/disputes/${encodeURIComponent(disputeId)}/attachments/${encodeURIComponent(attachment.id)}`,
      { headers: { Authorization: `Bearer ${session.read()?.sessionToken}` } });
    if (!response.ok) return;
    const link = h('a', { href: URL.createObjectURL(await response.blob()), download: attachment.fileName });
    document.body.append(link);
    link.click();
    link.remove();
  });
  return button;
}

function replyForm(d, reload) {
  const body = h('textarea', { id: 'reply-body', maxlength: 4000 });
  const files = h('input', { type: 'file', id: 'reply-files', multiple: true, accept: allowedFiles });
  const message = h('div', { 'aria-live': 'assertive' });
  const submit = h('button', { type: 'submit' }, t('dispute.reply.send'));
  const form = h('form', { class: 'panel', novalidate: true, 'aria-labelledby': 'reply-h' },
    h('h2', { id: 'reply-h' }, t('dispute.reply.title')),
    field('reply-body', t('dispute.reply.message'), body),
    field('reply-files', t('dispute.reply.files'), files, t('dispute.reply.filesHint', { size: formatBytes(maxBytes) })),
    message, h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const problems = fileProblems(files.files, d.attachments.length);
    if (!body.value.trim() && !files.files.length) problems.push(t('dispute.reply.empty'));
    if (problems.length) {
      message.replaceChildren(h('div', { class: 'error', role: 'alert' }, h('ul', {}, problems.map((p) => h('li', {}, p)))));
      return;
    }
    const done = busy(submit, t('common.sending'));
    try {
      if (body.value.trim()) await api(`/disputes/${encodeURIComponent(d.id)}/messages`, { method: 'POST', body: { body: body.value.trim() } });
      await uploadAll(d.id, files.files);
      reload();
    } catch (error) {
      done();
      message.replaceChildren(errorBox(error));
    }
  });
  return form;
}

function withdraw(d, reload) {
  const message = h('div', { 'aria-live': 'assertive' });
  const confirm = h('button', { type: 'button', hidden: true }, t('dispute.withdraw.confirm'));
  const start = h('button', { type: 'button', class: 'secondary' }, t('dispute.withdraw.start'));
  start.addEventListener('click', () => {
    confirm.hidden = false;
    message.replaceChildren(h('p', { class: 'notice' }, t('dispute.withdraw.notice')));
    confirm.focus();
  });
  confirm.addEventListener('click', async () => {
    const done = busy(confirm, t('common.withdrawing'));
    try {
      await api(`/disputes/${encodeURIComponent(d.id)}/withdraw`, { method: 'POST' });
      reload();
    } catch (error) {
      done();
      message.replaceChildren(errorBox(error));
    }
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'withdraw-h' },
    h('h2', { id: 'withdraw-h' }, t('dispute.withdraw.title')), message, h('div', { class: 'actions' }, start, confirm));
}
