import { api } from '../api.js';
import { h, formatInstant, errorBox, busy, humanize } from '../dom.js';
import { communications } from './overview.js';

export async function render(ctx) {
  const list = h('ol', { class: 'thread', 'data-list': 'activity' });
  const more = h('button', { type: 'button', class: 'secondary' }, 'Show older');
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
    const done = busy(more, 'Loading…');
    try { await load(); } catch (error) { message.replaceChildren(errorBox(error)); } finally { done(); }
  });

  const [count, messages] = await Promise.all([load(), communications(ctx)]);
  return h('div', {},
    h('h1', {}, 'Activity'),
    h('h2', {}, 'Messages we sent you'),
    messages.length
      ? h('ol', { class: 'thread', 'data-list': 'messages' }, messages.slice().reverse().map((m) => h('li', {},
        h('p', { class: 'meta' }, `${formatInstant(m.sentAt ?? m.createdAt)} – ${humanize(m.channel)}${m.toName ? ` to ${m.toName}` : ''}`),
        h('details', {}, h('summary', {}, m.subject), h('p', { class: 'message-body' }, m.bodyText)))))
      : h('p', {}, 'We have not sent you any messages.'),
    h('h2', {}, 'Everything that happened'),
    h('p', {}, 'Everything we sent you and everything that happened on your account, newest first.'),
    count ? list : h('p', {}, 'Nothing yet.'),
    message,
    h('div', { class: 'actions' }, more));
}
