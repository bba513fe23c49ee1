import { h, field, busy, errorBox } from '../dom.js';
import { api } from '../api.js';

const messages = {
  expired: ['This link has expired', 'Links to the portal are valid for a limited time. We can send a new link to the e-mail address we have on file for you.'],
  revoked: ['This link is no longer valid', 'This link has been withdrawn, usually because a newer one was sent. Open the link in the most recent e-mail from us, or reply to that e-mail to ask for a new link.'],
  invalid: ['This link is not valid', 'The link may have been cut off when it was copied. Open it directly from the e-mail, or reply to that e-mail to ask for a new link.'],
  missing: ['Open the portal from your e-mail', 'To see your invoices, open the personal link in the e-mail you received from us. If you cannot find it, reply to any of our e-mails and we will send you a new link.'],
  session: ['Your session has ended', 'For your security, sessions end after a few hours. Open the link from your e-mail again to continue.'],
  'signed-out': ['You are signed out', 'Thank you. Open the link from your e-mail again whenever you want to come back.'],
  error: ['We could not open the portal', 'Please try again in a few minutes.'],
};

export function render(reason, error, token) {
  const [title, text] = messages[reason] ?? messages.invalid;
  const detail = reason === 'error' && error?.message ? error.message : null;
  return h('section', { class: 'panel', 'data-reason': reason },
    h('h1', {}, title),
    h('p', {}, text),
    detail ? h('p', { class: 'error', role: 'alert' }, detail) : null,
    reason === 'expired' && token ? newLinkForm(token) : null);
}

/** The expired link asks for a fresh one; the answer is the same whether or not anything was sent. */
function newLinkForm(token) {
  const email = h('input', { id: 'new-link-email', type: 'email', autocomplete: 'email', 'aria-describedby': 'new-link-email-hint' });
  const result = h('div', { 'aria-live': 'polite' });
  const button = h('button', { type: 'submit' }, 'Send me a new link');
  const form = h('form', {
    onsubmit: async (event) => {
      event.preventDefault();
      const done = busy(button, 'Sending…');
      try {
        const answer = await api('/portal/link-requests', {
          method: 'POST', anonymous: true, body: { token, email: email.value.trim() || null },
        });
        form.replaceWith(h('p', { class: 'status', role: 'status' }, answer.message));
      } catch (failure) {
        result.replaceChildren(errorBox(failure));
      } finally {
        done();
      }
    },
  },
  field('new-link-email', 'Your e-mail address (optional)', email, 'Leave it empty to use the address of the person this link was sent to.'),
  button,
  result);
  return form;
}
