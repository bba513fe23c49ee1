import { h, field, busy, errorBox } from '../dom.js';
import { api } from '../api.js';
import { t } from '../i18n.js';

const messages = {
  expired: () => [t('signedOut.expired.title'), t('signedOut.expired.text')],
  revoked: () => [t('signedOut.revoked.title'), t('signedOut.revoked.text')],
  invalid: () => [t('signedOut.invalid.title'), t('signedOut.invalid.text')],
  missing: () => [t('signedOut.missing.title'), t('signedOut.missing.text')],
  session: () => [t('signedOut.session.title'), t('signedOut.session.text')],
  'signed-out': () => [t('signedOut.signedOut.title'), t('signedOut.signedOut.text')],
  error: () => [t('signedOut.error.title'), t('signedOut.error.text')],
};

export function render(reason, error, token) {
  const [title, text] = (messages[reason] ?? messages.invalid)();
  const detail = reason === 'error' && error?.message ? error.message : null;
  return h('section', { class: 'panel', 'data-reason': reason },
    h('h1', {}, title),
    h('p', {}, text),
    detail ? h('p', { class: 'error', role: 'alert' }, detail) : null,
    reason === 'expired' && token ? newLinkForm(token) : null);
}

/** The expired link asks for a fresh one; the answer is the same whether or not anything was sent, so the portal words it. */
function newLinkForm(token) {
  const email = h('input', { id: 'new-link-email', type: 'email', autocomplete: 'email', 'aria-describedby': 'new-link-email-hint' });
  const result = h('div', { 'aria-live': 'polite' });
  const button = h('button', { type: 'submit' }, t('signedOut.newLink.send'));
  const form = h('form', {
    onsubmit: async (event) => {
      event.preventDefault();
      const done = busy(button, t('common.sending'));
      try {
        await api('/portal/link-requests', {
          method: 'POST', anonymous: true, body: { token, email: email.value.trim() || null },
        });
        form.replaceWith(h('p', { class: 'status', role: 'status' }, t('signedOut.newLink.sent')));
      } catch (failure) {
        result.replaceChildren(errorBox(failure));
      } finally {
        done();
      }
    },
  },
  field('new-link-email', t('signedOut.newLink.email'), email, t('signedOut.newLink.emailHint')),
  button,
  result);
  return form;
}
