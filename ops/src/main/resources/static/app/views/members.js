// Members: everyone sees the list (phones masked by the server for non-admins); admins add, edit, deactivate
// members and manage their time off.
import { h, replace, field, select, dialog, toast, errorBox } from '../dom.js';
import * as api from '../api.js';
import { state, isAdmin, members, directoryChanged, awaitDirectory, groupPath } from '../state.js';
import { dayLabel } from '../time.js';
import { navigate } from '../nav.js';

const ROLES = [['MEMBER', 'Member'], ['ADMIN', 'Admin'], ['AUDITOR', 'Auditor']];

function addForm(done) {
  const name = h('input', { name: 'name', required: true, maxlength: 100, autocomplete: 'off' });
  const phone = h('input', { name: 'phone', type: 'tel', required: true, placeholder: '+13125550123', autocomplete: 'off' });
  const role = select({ name: 'role' }, ROLES, 'MEMBER');
  const username = h('input', { name: 'username', autocomplete: 'off' });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'new-password', minlength: 10 });
  const message = h('div');
  return h('form', {
    class: 'card', 'aria-labelledby': 'add-member-title', onsubmit: async event => {
      event.preventDefault();
      replace(message);
      const body = { name: name.value, phone: phone.value.trim(), role: role.value };
      if (username.value.trim()) {
        body.username = username.value.trim();
        body.password = password.value;
      }
      try {
        const created = await api.post(groupPath('/members'), body);
        if (await awaitDirectory(members, created.id)) toast(`${body.name} added.`);
        done();
      } catch (error) {
        replace(message, errorBox(error));
      }
    },
  },
  h('h2', { id: 'add-member-title' }, 'Add a member'),
  h('div', { class: 'row' }, field('Name', name), field('Phone', phone, 'With the country code'), field('Role', role)),
  h('div', { class: 'row' }, field('Username (optional)', username, 'Gives the member a login'),
    field('Password', password, 'At least 10 characters')),
  message,
  h('button', { type: 'submit', class: 'primary' }, 'Add member'));
}

function editDialog(member, done) {
  const name = h('input', { name: 'name', value: member.name, required: true, maxlength: 100 });
  const phone = h('input', { name: 'phone', type: 'tel', value: member.phone, required: true });
  const role = select({ name: 'role' }, ROLES, member.role);
  const message = h('div');
  const box = dialog(`Edit ${member.name}`, h('form', {
    onsubmit: async event => {
      event.preventDefault();
      const body = {};
      if (name.value !== member.name) body.name = name.value;
      if (phone.value.trim() !== member.phone) body.phone = phone.value.trim();
      if (role.value !== member.role) body.role = role.value;
      try {
        if (Object.keys(body).length) await api.patch(groupPath(`/members/${member.id}`), body);
        directoryChanged();
        box.close();
        done();
      } catch (error) {
        replace(message, errorBox(error));
      }
    },
  }, field('Name', name), field('Phone', phone), field('Role', role), message,
  h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save'))));
}

async function timeOffDialog(member) {
  const body = h('div');
  const draw = async () => {
    const detail = await api.get(groupPath(`/members/${member.id}`));
    const from = h('input', { type: 'date', name: 'from', required: true });
    const to = h('input', { type: 'date', name: 'to', required: true });
    const reason = h('input', { name: 'reason', maxlength: 500 });
    const message = h('div');
    replace(body,
      detail.timeOff.length ? h('ul', { class: 'plain' }, detail.timeOff.map(entry => h('li', null,
        `${dayLabel(entry.from, true)} – ${dayLabel(entry.to, true)}`, entry.reason ? ` · ${entry.reason}` : '', ' ',
        h('button', {
          type: 'button', class: 'link', onclick: async () => {
            try {
              await api.del(groupPath(`/members/${member.id}/time-off/${entry.id}`));
              await draw();
            } catch (error) {
              replace(message, errorBox(error));
            }
          },
        }, 'Withdraw')))) : h('p', { class: 'muted' }, 'No time off declared.'),
      h('form', {
        onsubmit: async event => {
          event.preventDefault();
          try {
            const answer = await api.post(groupPath(`/members/${member.id}/time-off`),
              { from: from.value, to: to.value, reason: reason.value || null });
            if ((answer.conflictingSlots || []).length) {
              toast(`${member.name} still holds ${answer.conflictingSlots.length} slot(s) then.`, 'warn');
            }
            await draw();
          } catch (error) {
            replace(message, errorBox(error));
          }
        },
      }, h('div', { class: 'row' }, field('From', from), field('To', to)), field('Reason (optional)', reason), message,
      h('button', { type: 'submit' }, 'Declare time off')));
  };
  dialog(`Time off: ${member.name}`, body);
  await draw();
}

export default async function membersView(main, params) {
  const showInactive = params.get('inactive') === 'yes';
  const everyone = await members();
  const shown = everyone.filter(member => showInactive || member.active);
  const refresh = () => membersView(main, params);
  const admin = isAdmin();
  const toggle = h('input', { type: 'checkbox', id: 'show-inactive', checked: showInactive,
    onchange: event => navigate('members', { inactive: event.target.checked ? 'yes' : '' }) });
  replace(main,
    h('div', { class: 'toolbar' }, h('h1', null, 'Members'),
      h('label', { for: 'show-inactive', class: 'check' }, toggle, ' Show inactive members')),
    h('div', { class: 'table-wrap' }, h('table', { class: 'data members' },
      h('thead', null, h('tr', null, ['Name', 'Role', 'Phone', 'Login', 'SMS', admin ? 'Actions' : null]
        .filter(Boolean).map(title => h('th', { scope: 'col' }, title)))),
      h('tbody', null, shown.map(member => h('tr', { class: member.active ? '' : 'inactive', 'data-member': member.id },
        h('th', { scope: 'row', class: 'member-name' }, member.name, member.active ? '' : ' (inactive)',
          member.id === state.memberId ? h('span', { class: 'badge' }, 'you') : null),
        h('td', null, member.role.toLowerCase()),
        h('td', null, member.phone),
        h('td', null, member.username || '—'),
        h('td', null, member.reachableBySms ? 'yes' : 'no'),
        admin ? h('td', { class: 'actions' }, member.active ? [
          h('button', { type: 'button', class: 'link', onclick: () => editDialog(member, refresh) }, 'Edit'),
          h('button', { type: 'button', class: 'link', onclick: () => timeOffDialog(member).catch(e => toast(e.message, 'bad')) }, 'Time off'),
          h('button', {
            type: 'button', class: 'link danger', onclick: async () => {
              if (!window.confirm(`Deactivate ${member.name}? Their history stays; their login stops.`)) return;
              try {
                await api.post(groupPath(`/members/${member.id}/deactivate`));
                directoryChanged();
                refresh();
              } catch (error) {
                toast(error.message, 'bad');
              }
            },
          }, 'Deactivate')] : null) : null))))),
    admin ? addForm(refresh) : null);
  return null;
}
