// Groups (super admin): every group, and a form to create one.
import { h, replace, field, select, toast, errorBox } from '../dom.js';
import * as api from '../api.js';
import { state, loadMe } from '../state.js';
import { untilSeen } from '../settle.js';

function zones() {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
  return all.includes('UTC') ? all : ['UTC', ...all];
}

async function groupIsReadable(groupId) {
  await loadMe();
  if (!state.groups.some(group => group.id === groupId)) return false;
  await api.get(`/groups/${groupId}/shift-types`); // 404 until the directory knows the group
  return true;
}

export default async function groups(main) {
  const name = h('input', { name: 'name', required: true, maxlength: 100, autocomplete: 'off' });
  const guess = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const zone = select({ name: 'timeZone' }, zones().map(value => [value, value]), guess);
  const message = h('div');
  replace(main, h('h1', null, 'Groups'),
    state.groups.length ? h('ul', { class: 'plain' }, state.groups.map(group => h('li', { class: 'card' },
      h('a', { href: `#/calendar?group=${group.id}` }, group.name), ' ', h('span', { class: 'muted' }, group.timeZone))))
      : h('p', { class: 'muted' }, 'No group yet.'),
    h('form', {
      class: 'card', 'aria-labelledby': 'new-group-title', onsubmit: async event => {
        event.preventDefault();
        replace(message);
        try {
          const created = await api.post('/groups', { name: name.value, timeZone: zone.value });
          toast(`${name.value} created: add its members and shift types.`);
          // Two projections must see the group before the next screen works: the groups list (GET /groups) and the
          // directory (its members and shift types answer 404 GROUP_NOT_FOUND until then).
          await untilSeen(() => groupIsReadable(created.id));
          location.hash = `#/members?group=${created.id}`;
        } catch (error) {
          replace(message, errorBox(error));
        }
      },
    },
    h('h2', { id: 'new-group-title' }, 'Create a group'),
    h('div', { class: 'row' }, field('Name', name), field('Time zone', zone, 'Shift times are local to it')),
    message,
    h('button', { type: 'submit', class: 'primary' }, 'Create group')));
  return null;
}
