// Builds DOM nodes from data without ever parsing strings as HTML, so debtor or API text cannot inject markup.
import { dateTimeFormat, formatNumber } from './i18n.js';

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2).toLowerCase(), value);
    else if (name === 'class') el.className = value;
    else if (name in el && typeof value !== 'string') el[name] = value;
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

export const status = (text) => h('p', { class: 'status', role: 'status' }, text);

export const errorBox = (error) => h('div', { class: 'error', role: 'alert' }, ...sentences(error));

function sentences(error) {
  const lines = [error?.message ?? String(error)];
  for (const more of error?.details ?? []) lines.push(h('br'), more);
  return lines;
}

export const field = (id, labelText, control, hint) => h('div', { class: 'field' },
  h('label', { for: id }, labelText),
  hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
  control);

/** A calendar date (YYYY-MM-DD) as the active locale writes it: "Mar 20, 2026", "20. März 2026". */
export function formatDate(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return dateTimeFormat({ year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** A moment, in the browser's time zone, as the active locale writes it. */
export const formatInstant = (iso) => (iso ? dateTimeFormat({ dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '');

/** A file size in kB or MB, as the active locale writes it ("12 kB", "10 Mo"). */
export function formatBytes(bytes) {
  const megabytes = bytes >= 1024 * 1024;
  const value = megabytes ? bytes / (1024 * 1024) : Math.max(1, Math.round(bytes / 1024));
  return formatNumber(value, { style: 'unit', unit: megabytes ? 'megabyte' : 'kilobyte', maximumFractionDigits: megabytes ? 1 : 0 });
}

/** Keeps focus and screen readers with the page the user just moved to. */
export function announce(text) {
  const announcer = document.getElementById('announcer');
  if (announcer) announcer.textContent = text;
}

export function busy(button, label) {
  const original = button.textContent;
  button.disabled = true;
  button.textContent = label;
  return () => { button.disabled = false; button.textContent = original; };
}
