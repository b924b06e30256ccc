// The caller's login: change the password (every token issued before stops working, so log in again).
import { h, replace, field, errorBox } from '../dom.js';
import * as api from '../api.js';
import * as session from '../session.js';
import { state } from '../state.js';

export default async function account(main) {
  const current = h('input', { type: 'password', name: 'currentPassword', autocomplete: 'current-password', required: true });
  const next = h('input', { type: 'password', name: 'newPassword', autocomplete: 'new-password', minlength: 10, required: true });
  const message = h('div');
  const stored = session.current();
  replace(main, h('h1', null, 'Account'),
    h('p', null, `Logged in as ${state.me.username}`, state.me.superAdmin ? ' (super admin)' : '',
      `. This login ends at ${new Date(stored.expiresAt).toLocaleString()}.`),
    h('form', {
      class: 'card', onsubmit: async event => {
        event.preventDefault();
        replace(message);
        try {
          await api.post('/me/password', { currentPassword: current.value, newPassword: next.value });
          session.end('Password changed: log in with the new one.');
        } catch (error) {
          replace(message, errorBox(error));
        }
      },
    }, h('h2', null, 'Change password'), field('Current password', current), field('New password', next, 'At least 10 characters'),
    message, h('button', { type: 'submit', class: 'primary' }, 'Change password')));
  return null;
}
