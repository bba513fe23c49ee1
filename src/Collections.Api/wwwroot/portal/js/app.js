import { api, session, whenSessionEnds, ApiError } from './api.js';
import { h, replace, status, errorBox, announce } from './dom.js';
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
let context = null;
let renderCount = 0;

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

/** Reads the magic-link token, removes it from the address bar and history, and trades it for a session. */
async function signIn(query) {
  const token = query.get('token');
  const invoiceId = query.get('invoice');
  history.replaceState(null, '', `${location.pathname}#/`);
  if (!token) {
    showSignedOut('missing');
    return false;
  }
  replace(main, status('Opening your portal…'));
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

function showSignedOut(reason, error, token) {
  nav.hidden = true;
  document.getElementById('sign-out').hidden = true;
  document.getElementById('who').textContent = '';
  replace(main, signedOut.render(reason, error, token));
  main.focus();
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

async function render() {
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

  const route = match(path) ?? match('/');
  replace(main, status('Loading…'));
  try {
    const ctx = await loadContext();
    markNav(route.pattern);
    const view = await route.page.render(ctx, route.params, query, { path, navigate });
    if (current !== renderCount) return;
    replace(main, view);
    const heading = main.querySelector('h1');
    document.title = `${heading?.textContent ?? 'Portal'} – Payment portal`;
    announce(document.title);
    main.focus();
  } catch (error) {
    if (current !== renderCount) return;
    if (error instanceof ApiError && error.status === 401) return;
    replace(main, h('h1', {}, 'Something went wrong'), errorBox(error), h('p', {}, h('a', { href: '#/' }, 'Back to the overview')));
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

window.addEventListener('hashchange', render);
render();
