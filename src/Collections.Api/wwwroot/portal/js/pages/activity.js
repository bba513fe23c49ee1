import { api } from '../api.js';
import { h, formatInstant, errorBox, busy } from '../dom.js';

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

  const count = await load();
  return h('div', {},
    h('h1', {}, 'Activity'),
    h('p', {}, 'Everything we sent you and everything that happened on your account, newest first.'),
    count ? list : h('p', {}, 'Nothing yet.'),
    message,
    h('div', { class: 'actions' }, more));
}
