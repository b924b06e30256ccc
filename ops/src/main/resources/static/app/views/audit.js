// Audit (admins, auditors): the log of every change with filters and CSV, a slot's full history, and the
// calendar exactly as it was recorded at a chosen instant ("as of").
import { h, replace, field, select, dialog, toast, errorBox } from '../dom.js';
import * as api from '../api.js';
import { state, members, shiftTypes, groupPath } from '../state.js';
import { instantLabel, dayLabel, wallToInstant, nowInZone, monthDates } from '../time.js';
import { navigate } from '../nav.js';
import { pager } from './pager.js';
import { monthGrid } from './grid.js';
import { historyList } from './slot-dialog.js';

// The server's AuditEntry.TYPES, in its order (WebAppBrowserTest compares the two).
const TYPES = [
  'GroupCreated', 'GroupSettingsChanged',
  'MemberAdded', 'MemberChanged', 'MemberDeactivated', 'MemberOptedOutOfSms', 'MemberOptedInToSms',
  'TimeOffDeclared', 'TimeOffWithdrawn',
  'ShiftTypeDefined', 'ShiftTypeChanged', 'ShiftTypeRetired',
  'SlotAssigned', 'SlotUnassigned', 'RotationPublished',
  'SwapProposed', 'SwapAccepted', 'SwapApproved', 'SwapRejected', 'SwapDeclined', 'SwapCancelled',
  'SwapExpired', 'SwapFailed', 'SwapCompleted',
  'CoverageRequested', 'CoverageClaimed', 'CoverageApproved', 'CoverageRejected', 'CoverageEscalated',
  'CoverageCovered', 'CoverageCancelled', 'CoverageUnfilled'];

const words = text => text.replaceAll('_', ' ').toLowerCase();

const FILTERS = ['from', 'to', 'memberId', 'shiftTypeId', 'date', 'type', 'page', 'asOfDate', 'asOfTime', 'asOfMonth'];
const MONTH = /^\d{4}-\d{2}$/;

async function showHistory(slot, name) {
  const body = h('div', null, h('p', { class: 'muted' }, 'Loading…'));
  dialog(`History: ${name}, ${dayLabel(slot.date, true)}`, body);
  try {
    replace(body, await historyList(slot));
  } catch (error) {
    replace(body, errorBox(error));
  }
}

function changes(entry) {
  const keys = [...new Set([...Object.keys(entry.before || {}), ...Object.keys(entry.after || {})])];
  return keys.map(key => {
    const show = value => {
      if (value === null || value === undefined) return '—';
      if (Array.isArray(value)) return value.map(show).join(', ');
      if (typeof value === 'object') return value.name || Object.values(value).map(show).join(' ');
      return String(value);
    };
    return h('div', { class: 'change' }, `${key}: ${show((entry.before || {})[key])} → ${show((entry.after || {})[key])}`);
  });
}

async function asOfSection(filters, types) {
  const zone = state.group.timeZone;
  const [nowDate, nowTime] = nowInZone(zone);
  const date = h('input', { type: 'date', name: 'asOfDate', value: filters.asOfDate || nowDate, required: true });
  const time = h('input', { type: 'time', name: 'asOfTime', step: 1, value: filters.asOfTime || nowTime, required: true });
  // The month to show, as recorded then: by default the as-of date's own month, but any (a month planned ahead).
  const month = MONTH.test(filters.asOfMonth) ? filters.asOfMonth : (filters.asOfDate || nowDate).slice(0, 7);
  const monthInput = h('input', { type: 'month', name: 'asOfMonth', value: month, required: true });
  const output = h('div');
  const form = h('form', {
    class: 'inline', onsubmit: event => {
      event.preventDefault();
      navigate('audit', { ...filters, asOfDate: date.value, asOfTime: time.value, asOfMonth: monthInput.value, page: '' });
    },
  }, field(`Date (${zone})`, date), field('Time', time), field('Month shown', monthInput),
  h('button', { type: 'submit' }, 'Show calendar as of then'));
  if (filters.asOfDate && filters.asOfTime) {
    const asOf = wallToInstant(filters.asOfDate, filters.asOfTime, zone);
    const dates = monthDates(month);
    try {
      const answer = await api.get(groupPath('/calendar'), { from: dates[0], to: dates[dates.length - 1], asOf });
      const names = new Map(types.map(type => [type.id, type.name]));
      const grid = monthGrid({
        month, slots: answer.slots, shiftTypes: types, zone,
        caption: `As recorded at ${filters.asOfDate} ${filters.asOfTime} ${zone}`,
        onSlot: slot => showHistory(slot, names.get(slot.shiftTypeId) || slot.shiftTypeName),
      });
      replace(output, h('p', { class: 'muted' }, 'Select a slot for its full history.'), grid.element);
    } catch (error) {
      replace(output, errorBox(error));
    }
  }
  return h('section', { class: 'card', 'aria-labelledby': 'as-of-title' },
    h('h2', { id: 'as-of-title' }, 'Calendar as of'), form, output);
}

export default async function audit(main, params) {
  const filters = Object.fromEntries(FILTERS.map(key => [key, params.get(key) || '']));
  const query = { from: filters.from, to: filters.to, memberId: filters.memberId, shiftTypeId: filters.shiftTypeId,
    date: filters.date, type: filters.type, page: filters.page, size: 50 };
  const [page, everyone, types] = await Promise.all([api.get(groupPath('/audit'), query), members(), shiftTypes()]);
  const typeNames = new Map(types.map(type => [type.id, type.name]));
  const from = h('input', { type: 'date', name: 'from', value: filters.from });
  const to = h('input', { type: 'date', name: 'to', value: filters.to });
  const member = select({ name: 'memberId' }, [['', 'Anyone'], ...everyone.map(m => [m.id, m.name])], filters.memberId);
  const shiftType = select({ name: 'shiftTypeId' }, [['', 'Any'], ...types.map(t => [t.id, t.name])], filters.shiftTypeId);
  const date = h('input', { type: 'date', name: 'date', value: filters.date });
  const type = select({ name: 'type' }, [['', 'Any'], ...TYPES.map(value => [value, value])], filters.type);
  const apply = pageNumber => navigate('audit', {
    ...filters, from: from.value, to: to.value, memberId: member.value, shiftTypeId: shiftType.value, date: date.value,
    type: type.value, page: pageNumber ? String(pageNumber) : '',
  });
  const zone = state.group.timeZone;
  replace(main,
    h('div', { class: 'toolbar' }, h('h1', null, 'Audit log'),
      h('button', {
        type: 'button', class: 'link', onclick: () => api.downloadCsv(groupPath('/audit'), query, 'audit.csv')
          .catch(error => toast(error.message, 'bad')),
      }, 'Download this page as CSV')),
    h('form', { class: 'filters', onsubmit: event => { event.preventDefault(); apply(0); } },
      field('From', from), field('To', to), field('Member', member), field('Shift type', shiftType),
      field('Slot date', date), field('Change', type), h('button', { type: 'submit' }, 'Filter')),
    page.items.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'data audit' },
      h('thead', null, h('tr', null, ['When', 'Who', 'What', 'Why', 'Slot'].map(title => h('th', { scope: 'col' }, title)))),
      h('tbody', null, page.items.map(entry => h('tr', null,
        h('td', null, instantLabel(entry.at, zone)),
        h('td', null, entry.actor ? entry.actor.name || 'system' : 'system',
          entry.actor ? h('div', { class: 'muted' }, words([entry.actor.role, entry.actor.source].filter(Boolean).join(' · '))) : null,
          entry.onBehalfOf ? h('div', { class: 'muted' }, `for ${entry.onBehalfOf.name}`) : null),
        h('td', null, entry.summary, h('div', { class: 'muted' }, entry.type), changes(entry)),
        h('td', null, entry.reason || ''),
        h('td', null, entry.slot ? h('button', {
          type: 'button', class: 'link',
          onclick: () => showHistory(entry.slot, typeNames.get(entry.slot.shiftTypeId) || 'Slot'),
        }, `${typeNames.get(entry.slot.shiftTypeId) || 'Slot'} ${entry.slot.date}`) : '')))))) :
      h('p', { class: 'card' }, 'No entries match.'),
    pager(page, apply),
    await asOfSection(filters, types));
  return null;
}
