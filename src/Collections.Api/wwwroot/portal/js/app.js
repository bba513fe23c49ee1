import { api, session, whenSessionEnds, ApiError } from './api.js';
import { h, replace, status, errorBox, announce } from './dom.js';
import { t, use, language, chosen, choose, browserLanguage, resolve, translateStatic } from './i18n.js';
import * as overview from './pages/overview.js';
import * as invoices from './pages/invoices.js';
import * as invoice from './pages/invoice.js';
import * as pay from './pages/pay.js';
import * as payReturn from './pages/pay-return.js';
import * as disputes from './pages/disputes.js';
import * as dispute from './pages/dispute.js';
import * as plan from './pages/plan.js';
import * as promise from './pages/promise.js';
import * as activity from './pages/activity.js';
import * as signedOut from './pages/signed-out.js';

const routes = [
  ['/', overview],
  ['/invoices', invoices],
  ['/invoices/:id', invoice],
  ['/pay', pay],
  ['/pay/success', payReturn],
  ['/pay/cancel', payReturn],
  ['/disputes', disputes],
  ['/disputes/:id', dispute],
  ['/plan', plan],
  ['/promise', promise],
  ['/activity', activity],
];

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const switcher = document.getElementById('language');
let context = null;
let renderCount = 0;
let signedOutView = null;

function parseHash() {
  const raw = location.hash.startsWith('#/') ? location.hash.slice(1) : '/';
  const [path, query = ''] = raw.split('?');
  return { path: path.replace(/\/+$/, '') || '/', query: new URLSearchParams(query) };
}

function match(path) {
  for (const [pattern, page] of routes) {
    const names = [];
    const regex = new RegExp(`^${pattern.replace(/:(\w+)/g, (_, name) => { names.push(name); return '([^/]+)'; })}$`);
    const found = regex.exec(path);
    if (found) return { page, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(found[i + 1])])), pattern };
  }
  return null;
}

/** The language to speak: the switcher's choice this session, else the debtor's (from /me), else the browser's. */
function wantedLanguage() {
  const picked = chosen();
  if (picked) return tagFor(picked);
  return context?.me.language ?? browserLanguage() ?? 'en';
}

/** A language picked in the switcher keeps the region of the debtor's own tag when it is the same language (de → de-AT). */
function tagFor(code) {
  const own = resolve(context?.me.language);
  return own?.base === code ? own.tag : code;
}

async function speak(tag) {
  await use(tag);
  switcher.value = language();
  translateStatic();
}

/** Reads the magic-link token, removes it from the address bar and history, and trades it for a session. */
async function signIn(query) {
  const token = query.get('token');
  const invoiceId = query.get('invoice');
  history.replaceState(null, '', `${location.pathname}#/`);
  if (!token) {
    showSignedOut('missing');
    return false;
  }
  replace(main, status(t('app.opening')));
  try {
    const created = await api('/portal/sessions', { method: 'POST', body: { token }, anonymous: true });
    session.save(created);
    context = null;
    if (invoiceId) history.replaceState(null, '', `${location.pathname}#/invoices/${encodeURIComponent(invoiceId)}`);
    return true;
  } catch (error) {
    showSignedOut(error instanceof ApiError && error.status === 401 ? (error.problem.reason ?? 'invalid') : 'error', error, token);
    return false;
  }
}

function showSignedOut(reason, error, token, { keepFocus = false } = {}) {
  signedOutView = { reason, error, token };
  nav.hidden = true;
  document.getElementById('sign-out').hidden = true;
  document.getElementById('who').textContent = '';
  replace(main, signedOut.render(reason, error, token));
  setTitle();
  if (!keepFocus) main.focus();
}

async function loadContext() {
  if (context) return context;
  const me = await api('/me');
  const debtor = await api(`/debtors/${encodeURIComponent(me.debtorId)}`);
  context = { me, debtor, debtorId: me.debtorId, currency: debtor.currency };
  document.getElementById('who').textContent = me.name === debtor.name ? debtor.name : `${me.name}, ${debtor.name}`;
  document.getElementById('sign-out').hidden = false;
  nav.hidden = false;
  return context;
}

function markNav(pattern) {
  const section = pattern === '/' ? '/' : `/${pattern.split('/')[1]}`;
  for (const link of nav.querySelectorAll('a')) {
    const target = link.getAttribute('href').slice(1);
    if (target === section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function setTitle() {
  const heading = main.querySelector('h1');
  document.title = t('app.documentTitle', { page: heading?.textContent ?? t('app.pageFallback'), portal: t('app.name') });
}

async function render({ keepFocus = false } = {}) {
  const current = ++renderCount;
  const { path, query } = parseHash();
  if (path === '/login') {
    if (!(await signIn(query))) return;
    return render();
  }
  if (!session.read()) {
    showSignedOut(path === '/signed-out' ? 'signed-out' : 'missing');
    return;
  }

  signedOutView = null;
  const route = match(path) ?? match('/');
  replace(main, status(t('common.loading')));
  try {
    const ctx = await loadContext();
    if (resolve(wantedLanguage())?.tag !== resolve(document.documentElement.lang)?.tag) await speak(wantedLanguage());
    if (current !== renderCount) return;
    markNav(route.pattern);
    const view = await route.page.render(ctx, route.params, query, { path, navigate });
    if (current !== renderCount) return;
    replace(main, view);
    setTitle();
    announce(document.title);
    if (!keepFocus) main.focus();
  } catch (error) {
    if (current !== renderCount) return;
    if (error instanceof ApiError && error.status === 401) return;
    replace(main, h('h1', {}, t('app.error.title')), errorBox(error), h('p', {}, h('a', { href: '#/' }, t('common.backToOverview'))));
    setTitle();
  }
}

export function navigate(hash) {
  if (location.hash === hash) render();
  else location.hash = hash;
}

whenSessionEnds(() => { context = null; showSignedOut('session'); });

document.getElementById('sign-out').addEventListener('click', async () => {
  try { await api('/portal/sessions', { method: 'DELETE' }); } catch { /* the session may already be over */ }
  session.clear();
  context = null;
  history.replaceState(null, '', `${location.pathname}#/signed-out`);
  showSignedOut('signed-out');
});

document.querySelector('[data-skip]').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});

// The page is drawn again in the new language; focus stays on the switcher, so the keyboard can go on choosing.
switcher.addEventListener('change', async () => {
  choose(switcher.value);
  await speak(tagFor(switcher.value));
  if (signedOutView) {
    const { reason, error, token } = signedOutView;
    showSignedOut(reason, error, token, { keepFocus: true });
  } else {
    await render({ keepFocus: true });
  }
  announce(document.title);
});

window.addEventListener('hashchange', () => render());
await speak(wantedLanguage());
render();
