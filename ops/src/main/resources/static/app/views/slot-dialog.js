// One slot: who holds it, its real times, its history; for an admin, assign or unassign with a member picker.
// A stale edit (409 VERSION_CONFLICT) is shown with what changed, and the slot can be read again before retrying.
import { h, replace, field, dialog, toast, errorBox } from '../dom.js';
import * as api from '../api.js';
import { state, isAdmin, members, memberName, groupPath } from '../state.js';
import { slotSpan, hours, dayLabel, instantLabel } from '../time.js';
import { STATUS_LABELS } from './grid.js';
import { untilSeen } from '../settle.js';

function assigneePath(slot) {
  return groupPath(`/slots/${slot.shiftTypeId}/${slot.date}/assignee`);
}

/** Reads one slot from the calendar, waiting (briefly) until it shows at least {@code version}. */
export async function readSlot(slot, version = 0) {
  let found = null;
  await untilSeen(async () => {
    const calendar = await api.get(groupPath('/calendar'), { from: slot.date, to: slot.date });
    found = calendar.slots.find(candidate => candidate.shiftTypeId === slot.shiftTypeId) || found;
    return found !== null && found.version >= version;
  });
  return found || slot;
}

function holderText(slot) {
  return slot.assignee ? slot.assignee.name : 'nobody';
}

export async function historyList(slot) {
  const history = await api.get(groupPath(`/slots/${slot.shiftTypeId}/${slot.date}/history`));
  if (!history.entries.length) return h('p', { class: 'muted' }, 'Never edited.');
  const items = [];
  for (const entry of history.entries) {
    const actor = entry.actor
      ? `${entry.actor.name || 'system'} (${[entry.actor.role, entry.actor.source].filter(Boolean).join(', ').replaceAll('_', ' ').toLowerCase()})`
      : 'system';
    items.push(h('li', null,
      h('strong', null, `v${entry.version} ${entry.type === 'ASSIGNED' ? 'assigned' : 'unassigned'}`), ' ',
      entry.assignee ? entry.assignee.name : '',
      entry.previousAssignee ? ` (was ${entry.previousAssignee.name})` : '',
      h('div', { class: 'muted' }, instantLabel(entry.at, state.group.timeZone), ' · by ', actor,
        entry.onBehalfOf ? ` for ${await memberName(entry.onBehalfOf)}` : '',
        entry.reason ? ` · “${entry.reason}”` : '',
        entry.cause ? ` · through a ${entry.cause.split(':')[0]}` : '')));
  }
  return h('ol', { class: 'history' }, items);
}

/** Opens the slot; {@code onChanged(slot)} gets the slot as it is after an edit or a reload. */
export async function openSlot(slot, onChanged) {
  let current = slot;
  const summary = h('div', { class: 'slot-summary' });
  const conflict = h('div', { class: 'conflict-area' });
  const message = h('div');
  const historyArea = h('div', { class: 'history-area' });

  const drawSummary = () => replace(summary,
    h('p', { class: 'span' }, slotSpan(current), ' ', h('span', { class: 'muted' }, `(${hours(current.realHours)} real time)`)),
    h('p', null, 'Held by ', h('strong', { class: 'holder' }, holderText(current)),
      ' · ', h('span', { class: `badge status-${current.status}` }, STATUS_LABELS[current.status] || current.status),
      ' · ', h('span', { class: 'muted version' }, `version ${current.version}`)),
    current.assignee && !current.assignee.reachableBySms
      ? h('p', { class: 'warn' }, `${current.assignee.name} cannot be reached by SMS.`) : null);
  drawSummary();

  const showHistory = h('button', {
    type: 'button', class: 'link', onclick: async () => {
      replace(historyArea, h('p', { class: 'muted' }, 'Loading…'));
      try {
        replace(historyArea, h('h3', null, 'History'), await historyList(current));
      } catch (error) {
        replace(historyArea, errorBox(error));
      }
    },
  }, 'Show history');

  let form = null;
  if (isAdmin()) {
    const everyone = await members();
    const picker = h('select', { name: 'member', required: true },
      h('option', { value: '' }, 'Choose a member…'),
      everyone.filter(member => member.active && member.role !== 'AUDITOR')
        .map(member => h('option', { value: member.id, selected: current.assignee && current.assignee.memberId === member.id },
          member.name)));
    const reason = h('input', { name: 'reason', maxlength: 500, autocomplete: 'off' });
    const unassign = h('button', { type: 'button', class: 'danger', name: 'unassign' }, 'Unassign');

    const refused = async (error) => {
      if (error.code === 'VERSION_CONFLICT' && error.current) {
        const seen = current;
        const nowHeld = await memberName(error.current.assignee);
        replace(conflict, h('div', { class: 'conflict', role: 'alert' },
          h('strong', null, 'Not saved: someone changed this slot while you were looking.'),
          h('p', null, `You saw ${holderText(seen)} (version ${seen.version}). `,
            `It is now held by ${nowHeld || 'nobody'} (version ${error.current.version}).`),
          h('button', {
            type: 'button', class: 'primary', name: 'reload', onclick: async () => {
              current = await readSlot(current, error.current.version);
              drawSummary();
              replace(conflict);
              onChanged(current);
              picker.focus();
            },
          }, 'Reload this slot')));
        conflict.querySelector('button').focus();
      } else {
        replace(message, errorBox(error));
      }
    };

    form = h('form', {
      class: 'assign', onsubmit: async event => {
        event.preventDefault();
        replace(message);
        try {
          const result = await api.put(assigneePath(current), {
            memberId: picker.value, reason: reason.value || null, expectedVersion: current.version,
          });
          const member = everyone.find(candidate => candidate.id === picker.value);
          current = { ...current, version: result.version, status: 'ASSIGNED',
            assignee: { memberId: member.id, name: member.name, reachableBySms: member.reachableBySms } };
          onChanged(current);
          toast(`${member.name} is on ${current.shiftTypeName}, ${dayLabel(current.date)}.`);
          box.close();
        } catch (error) {
          await refused(error);
        }
      },
    },
    field('Member', picker),
    field('Reason (optional)', reason),
    conflict,
    message,
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary', name: 'assign' }, current.assignee ? 'Reassign' : 'Assign'),
      current.assignee ? unassign : null));

    unassign.addEventListener('click', async () => {
      replace(message);
      try {
        const result = await api.del(assigneePath(current), { reason: reason.value || null, expectedVersion: current.version });
        const started = Date.parse(current.start) <= Date.now();
        current = { ...current, version: result.version, status: started ? 'GAP' : 'OPEN', assignee: null };
        onChanged(current);
        toast(`${current.shiftTypeName}, ${dayLabel(current.date)} is open.`);
        box.close();
      } catch (error) {
        await refused(error);
      }
    });
  }

  const box = dialog(`${slot.shiftTypeName} · ${dayLabel(slot.date, true)}`, summary, form,
    h('div', { class: 'actions' }, showHistory), historyArea);
  return box;
}
