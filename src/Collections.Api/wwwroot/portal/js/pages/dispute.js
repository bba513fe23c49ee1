import { api, session } from '../api.js';
import { h, field, errorBox, formatDate, formatInstant, humanize, busy } from '../dom.js';
import { format } from '../money.js';
import { reasonText, allowedFiles, fileProblems, uploadAll } from './disputes.js';

export async function render(ctx, params, query, { navigate }) {
  const d = await api(`/disputes/${encodeURIComponent(params.id)}`);
  const live = d.status === 'open' || d.status === 'under_review';
  const reload = () => navigate(`#/disputes/${encodeURIComponent(d.id)}`);
  return h('div', {},
    h('p', {}, h('a', { href: '#/disputes' }, '← All disputes')),
    h('h1', {}, `Dispute ${d.number}`),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Invoice'), h('dd', {}, h('a', { href: `#/invoices/${encodeURIComponent(d.invoiceId)}` }, d.invoiceNumber)),
      h('dt', {}, 'Status'), h('dd', { 'data-status': d.status }, humanize(d.status)),
      h('dt', {}, 'Reason'), h('dd', {}, reasonText(d.reason)),
      h('dt', {}, 'Amount in dispute'), h('dd', {}, format(d.disputed)),
      h('dt', {}, 'Opened'), h('dd', {}, formatInstant(d.openedAt)),
      live ? [h('dt', {}, 'We answer by'), h('dd', {}, formatDate(d.dueBy))] : null,
      d.outcome ? [h('dt', {}, 'Outcome'), h('dd', {}, humanize(d.outcome))] : null,
      d.resolutionNote ? [h('dt', {}, 'Our answer'), h('dd', {}, d.resolutionNote)] : null),
    h('h2', {}, 'Your description'),
    h('p', {}, d.description),
    h('h2', {}, 'Messages'),
    d.messages.length
      ? h('ol', { class: 'thread' }, d.messages.map((m) => h('li', {}, h('p', { class: 'meta' }, `${m.author} – ${formatInstant(m.createdAt)}`), h('p', {}, m.body))))
      : h('p', {}, 'No messages yet.'),
    h('h2', {}, 'Evidence'),
    d.attachments.length
      ? h('ul', { 'data-list': 'attachments' }, d.attachments.map((a) => h('li', {}, downloadButton(d.id, a), ` (${Math.max(1, Math.round(a.sizeBytes / 1024))} KB)`)))
      : h('p', {}, 'No files attached.'),
    live ? replyForm(d, reload) : null,
    live ? withdraw(d, reload) : null);
}

function downloadButton(disputeId, attachment) {
  const button = h('button', { type: 'button', class: 'secondary' }, `Download ${attachment.fileName}`);
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
  const submit = h('button', { type: 'submit' }, 'Send');
  const form = h('form', { class: 'panel', novalidate: true, 'aria-labelledby': 'reply-h' },
    h('h2', { id: 'reply-h' }, 'Reply or add evidence'),
    field('reply-body', 'Your message', body),
    field('reply-files', 'Add files (optional)', files, 'PDF, PNG or JPEG, at most 10 MB each.'),
    message, h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const problems = fileProblems(files.files, d.attachments.length);
    if (!body.value.trim() && !files.files.length) problems.push('Write a message or choose a file.');
    if (problems.length) {
      message.replaceChildren(h('div', { class: 'error', role: 'alert' }, h('ul', {}, problems.map((p) => h('li', {}, p)))));
      return;
    }
    const done = busy(submit, 'Sending…');
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
  const confirm = h('button', { type: 'button', hidden: true }, 'Yes, withdraw the dispute');
  const start = h('button', { type: 'button', class: 'secondary' }, 'Withdraw this dispute');
  start.addEventListener('click', () => {
    confirm.hidden = false;
    message.replaceChildren(h('p', { class: 'notice' }, 'If you withdraw, the disputed amount becomes payable again and reminders resume for it.'));
    confirm.focus();
  });
  confirm.addEventListener('click', async () => {
    const done = busy(confirm, 'Withdrawing…');
    try {
      await api(`/disputes/${encodeURIComponent(d.id)}/withdraw`, { method: 'POST' });
      reload();
    } catch (error) {
      done();
      message.replaceChildren(errorBox(error));
    }
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'withdraw-h' }, h('h2', { id: 'withdraw-h' }, 'Resolved it another way?'), message, h('div', { class: 'actions' }, start, confirm));
}
