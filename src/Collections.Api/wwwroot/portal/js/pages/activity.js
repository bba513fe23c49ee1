import { api } from '../api.js';
import { h, formatInstant, errorBox, busy } from '../dom.js';
import { t, label } from '../i18n.js';
import { communications } from './overview.js';

export async function render(ctx) {
  const list = h('ol', { class: 'thread', 'data-list': 'activity' });
  const more = h('button', { type: 'button', class: 'secondary' }, t('activity.older'));
  const message = h('div', { 'aria-live': 'assertive' });
  let cursor = null;

  const load = async () => {
    const page = await api(`/debtors/${encodeURIComponent(ctx.debtorId)}/activity?limit=25${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    list.append(...page.items.map((e) => h('li', {}, h('p', { class: 'meta' }, formatInstant(e.occurredAt)), h('p', {}, e.summary))));
    cursor = page.nextCursor;
    more.hidden = !cursor;
    return page.items.length;
  };
  more.addEventListener('click', async () => {
    const done = busy(more, t('common.loading'));
    try { await load(); } catch (error) { message.replaceChildren(errorBox(error)); } finally { done(); }
  });

  const [count, messages] = await Promise.all([load(), communications(ctx)]);
  return h('div', {},
    h('h1', {}, t('activity.title')),
    h('h2', {}, t('activity.messages')),
    messages.length
      ? h('ol', { class: 'thread', 'data-list': 'messages' }, messages.slice().reverse().map((m) => h('li', {},
        h('p', { class: 'meta' }, meta(m)),
        h('details', {}, h('summary', {}, m.subject), h('p', { class: 'message-body' }, m.bodyText)))))
      : h('p', {}, t('activity.noMessages')),
    h('h2', {}, t('activity.everything')),
    h('p', {}, t('activity.intro')),
    count ? list : h('p', {}, t('common.nothingYet')),
    message,
    h('div', { class: 'actions' }, more));
}

function meta(m) {
  const values = { when: formatInstant(m.sentAt ?? m.createdAt), channel: label('channel', m.channel), name: m.toName };
  return m.toName ? t('activity.messageMetaTo', values) : t('activity.messageMeta', values);
}
