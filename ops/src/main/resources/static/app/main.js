// The app's shell: log-in, the group switcher, the navigation and the view router (#/<view>?group=<id>&…).
import { h, replace, field, select, toast } from './dom.js';
import * as api from './api.js';
import * as session from './session.js';
import * as live from './live.js';
import { state, loadMe, chooseGroup, isAdmin, canAudit, directoryChanged } from './state.js';
import { navigate, parseRoute } from './nav.js';
import { renderOnCall } from './views/oncall.js';
import calendar from './views/calendar.js';
import schedule from './views/schedule.js';
import inbox from './views/inbox.js';
import rotation from './views/rotation.js';
import members from './views/members.js';
import shiftTypes from './views/shift-types.js';
import notifications from './views/notifications.js';
import audit from './views/audit.js';
import fairness from './views/fairness.js';
import feeds from './views/feeds.js';
import groups from './views/groups.js';
import account from './views/account.js';

const VIEWS = [
  { path: 'calendar', label: 'Calendar', view: calendar },
  { path: 'schedule', label: 'My schedule', view: schedule, shown: () => state.memberId },
  { path: 'inbox', label: 'Swaps & cover', view: inbox },
  { path: 'rotation', label: 'Rotation', view: rotation, shown: isAdmin },
  { path: 'members', label: 'Members', view: members },
  { path: 'shift-types', label: 'Shift types', view: shiftTypes },
  { path: 'notifications', label: 'Notifications', view: notifications },
  { path: 'audit', label: 'Audit', view: audit, shown: canAudit },
  { path: 'fairness', label: 'Fairness', view: fairness },
  { path: 'feeds', label: 'Calendar link', view: feeds },
  { path: 'groups', label: 'Groups', view: groups, shown: () => state.me.superAdmin, noGroup: true },
  { path: 'account', label: 'Account', view: account, noGroup: true },
];

const root = document.getElementById('app');
let cleanup = null;
let shell = null;
let routes = 0; // counts route() calls: only the latest one's view may show and stay subscribed


function loginView(reason) {
  live.stop();
  shell = null;
  const username = h('input', { name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const message = h('div', { role: 'alert', class: reason ? 'error' : '' }, reason || '');
  const form = h('form', {
    class: 'card login', onsubmit: async event => {
      event.preventDefault();
      replace(message);
      message.className = '';
      try {
        const issued = await api.login(username.value.trim(), password.value);
        session.start(username.value.trim(), issued.token, issued.expiresAt);
      } catch (error) {
        message.className = 'error';
        replace(message, error.message);
        password.select();
      }
    },
  },
  h('h1', null, 'Rota'),
  h('p', { class: 'muted' }, 'On-call schedules, swaps and cover.'),
  field('Username or email', username),
  field('Password', password),
  message,
  h('button', { type: 'submit', class: 'primary' }, 'Log in'));
  replace(root, h('main', { class: 'center' }, form));
  username.focus();
}

function buildShell() {
  const groupSwitch = select({ id: 'group-switch', name: 'group' },
    state.groups.map(group => [group.id, group.name]), state.group && state.group.id);
  groupSwitch.addEventListener('change', () => {
    chooseGroup(groupSwitch.value);
    navigate(parseRoute().path === 'groups' ? 'calendar' : parseRoute().path);
  });
  const liveBadge = h('span', { class: 'live', title: 'Live updates' });
  const nav = h('nav', { class: 'tabs', 'aria-label': 'Views' });
  const onCall = h('section', { class: 'oncall', 'aria-label': 'On call now', 'aria-live': 'polite' });
  const main = h('main', { id: 'view', tabindex: '-1' });
  const who = state.me.superAdmin ? 'super admin' : (state.role || '').toLowerCase();
  replace(root,
    h('header', { class: 'topbar' },
      h('a', { class: 'brand', href: '#/calendar' }, 'Rota'),
      state.groups.length ? h('div', { class: 'switch' }, h('label', { for: 'group-switch' }, 'Group'), groupSwitch) : null,
      liveBadge,
      h('span', { class: 'user' }, h('span', { class: 'username' }, state.me.username), ' ',
        h('span', { class: 'muted role' }, who)),
      h('button', { type: 'button', class: 'link', onclick: () => session.end(null) }, 'Log out')),
    nav, onCall, main);
  live.onState(value => {
    liveBadge.textContent = value === 'live' ? '● Live' : value === 'reconnecting' ? '○ Reconnecting…' : '';
    liveBadge.className = `live ${value}`;
  });
  return { nav, onCall, main, groupSwitch };
}

function renderNav(active) {
  replace(shell.nav, VIEWS.filter(entry => (!entry.shown || entry.shown()) && (state.group || entry.noGroup))
    .map(entry => {
      const query = state.group ? `?group=${state.group.id}` : '';
      return h('a', { href: `#/${entry.path}${query}`, 'aria-current': entry.path === active ? 'page' : null },
        entry.label);
    }));
}

/**
 * Each view renders into a <main> of its own, put on screen when its route starts. A view still reading when the
 * next route starts keeps its own <main>, now off screen, so whatever it renders later is never shown; once it is
 * done, the live subscription it answers is released at once.
 */
function freshMain() {
  const main = h('main', { id: 'view', tabindex: '-1' });
  shell.main.replaceWith(main);
  shell.main = main;
  return main;
}

async function route() {
  if (!session.current()) return;
  const current = ++routes;
  if (cleanup) cleanup();
  cleanup = null;
  directoryChanged(); // each screen reads members and shift types afresh: another admin may have changed them
  const { path, params } = parseRoute();
  const wanted = params.get('group') || (state.group && state.group.id)
    || sessionStorage.getItem('rota.group') || (state.groups[0] && state.groups[0].id);
  const previous = state.group && state.group.id;
  if (wanted && (!state.group || state.group.id !== wanted)) chooseGroup(wanted);
  if (!state.group && state.groups.length) chooseGroup(state.groups[0].id);
  const entry = VIEWS.find(view => view.path === path) || VIEWS[0];
  if (!shell || previous !== (state.group && state.group.id)) shell = buildShell();
  if (state.group) {
    sessionStorage.setItem('rota.group', state.group.id);
    shell.groupSwitch.value = state.group.id;
    if (previous !== state.group.id) live.start(state.group.id);
    renderOnCall(shell.onCall);
  } else {
    replace(shell.onCall);
  }
  renderNav(entry.path);
  if (!state.group && !entry.noGroup) {
    replace(freshMain(), h('div', { class: 'card' }, h('h1', null, 'No group yet'),
      h('p', null, state.me.superAdmin ? 'Create the first group under Groups.' : 'You belong to no group.')));
    if (state.me.superAdmin) location.hash = '#/groups';
    return;
  }
  const main = freshMain();
  replace(main, h('p', { class: 'muted' }, 'Loading…'));
  let release = null;
  try {
    release = await entry.view(main, params) || null;
  } catch (error) {
    replace(main, h('div', { class: 'error', role: 'alert' }, error.message));
  }
  if (current === routes) cleanup = release;
  else if (release) release();
}

async function startSession() {
  try {
    await loadMe();
  } catch (error) {
    if (session.current()) loginView(error.message);
    return;
  }
  state.group = null;
  shell = null;
  await route();
}

session.onChange((current, reason) => {
  if (current) startSession();
  else {
    state.group = null;
    loginView(reason);
    if (reason) toast(reason, 'warn');
  }
});
window.addEventListener('hashchange', route);

if (session.current()) startSession();
else loginView(null);
