// My schedule: the caller's slots with swap, give-away and cover actions, and their time off.
import { h, replace, field, dialog, toast, errorBox } from '../dom.js';
import * as api from '../api.js';
import { state, members, groupPath, shiftTypes } from '../state.js';
import { today, addDays, slotSpan, dayLabel, hours } from '../time.js';
import { STATUS_LABELS } from './grid.js';
import { navigate } from '../nav.js';
import { untilSeen } from '../settle.js';

const slotRef = slot => ({ shiftTypeId: slot.shiftTypeId, date: slot.date });
const slotName = slot => `${slot.shiftTypeName}, ${dayLabel(slot.date)}`;
const notStarted = slot => Date.parse(slot.start) > Date.now();

async function colleagues() {
  return (await members()).filter(member => member.active && member.role !== 'AUDITOR' && member.id !== state.memberId);
}

function colleaguePicker(list) {
  return h('select', { name: 'counterpart', required: true }, h('option', { value: '' }, 'Choose a colleague…'),
    list.map(member => h('option', { value: member.id }, member.name)));
}

/** Proposes a trade (my slot for one of theirs) or a give-away (no slot back). */
async function proposeSwap(slot, trade, done) {
  const list = await colleagues();
  const counterpart = colleaguePicker(list);
  const theirSlot = h('select', { name: 'toSlot', required: true, disabled: true },
    h('option', { value: '' }, 'Choose a colleague first'));
  const reason = h('input', { name: 'reason', maxlength: 500 });
  const message = h('div');
  let theirSlots = [];
  if (trade) {
    counterpart.addEventListener('change', async () => {
      const from = today(state.group.timeZone);
      const theirs = await api.get(groupPath(`/members/${counterpart.value}/schedule`), { from, to: addDays(from, 365) });
      theirSlots = theirs.slots.filter(candidate => candidate.status === 'ASSIGNED' && notStarted(candidate));
      replace(theirSlot, theirSlots.length
        ? [h('option', { value: '' }, 'Choose their slot…'),
          theirSlots.map((candidate, index) => h('option', { value: String(index) }, `${slotName(candidate)} (${slotSpan(candidate)})`))]
        : h('option', { value: '' }, 'They hold no slot in the coming year'));
      theirSlot.disabled = theirSlots.length === 0;
    });
  }
  const box = dialog(trade ? `Trade ${slotName(slot)}` : `Give away ${slotName(slot)}`,
    h('form', {
      onsubmit: async event => {
        event.preventDefault();
        replace(message);
        try {
          const body = { fromSlot: slotRef(slot), counterpartId: counterpart.value, reason: reason.value || null };
          if (trade) body.toSlot = slotRef(theirSlots[Number(theirSlot.value)]);
          await api.post(groupPath('/swaps'), body);
          toast(trade ? 'Trade proposed: your colleague can accept it in their inbox.'
            : 'Give-away proposed: your colleague can accept it in their inbox.');
          box.close();
          done();
        } catch (error) {
          replace(message, errorBox(error));
        }
      },
    },
    h('p', null, slotSpan(slot)),
    field(trade ? 'Trade with' : 'Give to', counterpart),
    trade ? field('Their slot you take', theirSlot) : null,
    field('Reason (optional)', reason),
    message,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, trade ? 'Propose trade' : 'Propose give-away'))));
}

async function askForCover(slot, done) {
  const reason = h('input', { name: 'reason', maxlength: 500 });
  const message = h('div');
  const box = dialog(`Ask for cover: ${slotName(slot)}`,
    h('form', {
      onsubmit: async event => {
        event.preventDefault();
        try {
          const created = await api.post(groupPath('/coverage-requests'), { slot: slotRef(slot), reason: reason.value || null });
          toast('Cover requested: eligible colleagues are offered the slot by SMS.');
          box.close();
          done(created);
        } catch (error) {
          replace(message, errorBox(error));
        }
      },
    },
    h('p', null, slotSpan(slot), '. You stay on call until someone takes it.'),
    field('Reason (optional)', reason),
    message,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Ask for cover'))));
}

/** Reads follow writes: wait briefly until my schedule shows the slot as no longer plainly assigned. */
function untilPending(slot) {
  return untilSeen(async () => {
    const mine = await api.get(groupPath(`/members/${state.memberId}/schedule`), { from: slot.date, to: slot.date });
    const now = mine.slots.find(candidate => candidate.shiftTypeId === slot.shiftTypeId);
    return !now || now.status !== 'ASSIGNED';
  });
}

function slotRow(slot, refresh) {
  const changed = () => untilPending(slot).then(refresh);
  const actionable = slot.status === 'ASSIGNED' && notStarted(slot);
  return h('li', { class: `card slot-card status-${slot.status}`, 'data-slot': `${slot.shiftTypeId}/${slot.date}` },
    h('div', null, h('strong', null, slotName(slot)), ' ',
      h('span', { class: 'badge' }, STATUS_LABELS[slot.status] || slot.status)),
    h('div', { class: 'muted' }, slotSpan(slot), ` · ${hours(slot.realHours)}`),
    actionable ? h('div', { class: 'actions' },
      h('button', { type: 'button', name: 'trade', onclick: () => proposeSwap(slot, true, changed) }, 'Trade…'),
      h('button', { type: 'button', name: 'give-away', onclick: () => proposeSwap(slot, false, changed) }, 'Give away…'),
      h('button', { type: 'button', name: 'cover', onclick: () => askForCover(slot, changed) }, 'Ask for cover…')) : null,
    slot.status === 'SWAP_PENDING' || slot.status === 'COVERAGE_REQUESTED'
      ? h('a', { href: `#/inbox?group=${state.group.id}` }, 'See it in Swaps & cover') : null);
}

function timeOffSection(member, refresh) {
  const from = h('input', { type: 'date', name: 'from', required: true });
  const to = h('input', { type: 'date', name: 'to', required: true });
  const reason = h('input', { name: 'reason', maxlength: 500 });
  const message = h('div');
  const entries = member.timeOff || [];
  return h('section', { class: 'card', 'aria-labelledby': 'time-off-title' },
    h('h2', { id: 'time-off-title' }, 'Time off'),
    entries.length ? h('ul', { class: 'plain' }, entries.map(entry => h('li', null,
      `${dayLabel(entry.from, true)} – ${dayLabel(entry.to, true)}`, entry.reason ? ` · ${entry.reason}` : '', ' ',
      h('button', {
        type: 'button', class: 'link', onclick: async () => {
          try {
            await api.del(groupPath(`/members/${member.id}/time-off/${entry.id}`));
            toast('Time off withdrawn.');
            refresh();
          } catch (error) {
            toast(error.message, 'bad');
          }
        },
      }, 'Withdraw')))) : h('p', { class: 'muted' }, 'None declared.'),
    h('form', {
      class: 'inline', onsubmit: async event => {
        event.preventDefault();
        replace(message);
        try {
          const answer = await api.post(groupPath(`/members/${member.id}/time-off`),
            { from: from.value, to: to.value || from.value, reason: reason.value || null });
          const conflicts = answer.conflictingSlots || [];
          toast(conflicts.length
            ? `Time off declared. You still hold ${conflicts.length} slot(s) then: trade them or ask for cover.`
            : 'Time off declared.', conflicts.length ? 'warn' : 'ok');
          refresh();
        } catch (error) {
          replace(message, errorBox(error));
        }
      },
    }, field('From', from), field('To', to), field('Reason (optional)', reason),
    h('button', { type: 'submit' }, 'Declare time off'), message));
}

export default async function schedule(main, params) {
  if (!state.memberId) {
    replace(main, h('div', { class: 'card' }, h('h1', null, 'My schedule'),
      h('p', null, 'You are not a member of this group, so you hold no slots here.')));
    return null;
  }
  const zone = state.group.timeZone;
  const from = params.get('from') || today(zone);
  const to = params.get('to') || addDays(from, 90);
  const [answer, member] = await Promise.all([
    api.get(groupPath(`/members/${state.memberId}/schedule`), { from, to }),
    api.get(groupPath(`/members/${state.memberId}`)),
    shiftTypes(),
  ]);
  const refresh = () => schedule(main, params);
  const fromInput = h('input', { type: 'date', name: 'from', value: from });
  const toInput = h('input', { type: 'date', name: 'to', value: to });
  replace(main,
    h('div', { class: 'toolbar' }, h('h1', null, 'My schedule'),
      h('form', {
        class: 'inline', onsubmit: event => {
          event.preventDefault();
          navigate('schedule', { from: fromInput.value, to: toInput.value });
        },
      }, field('From', fromInput), field('To', toInput), h('button', { type: 'submit' }, 'Show'))),
    h('p', { class: 'muted' }, `${answer.name}: ${answer.slots.length} slot(s) from ${dayLabel(from, true)} to ${dayLabel(to, true)}, times local to ${zone}.`),
    answer.slots.length ? h('ul', { class: 'plain slots' }, answer.slots.map(slot => slotRow(slot, refresh)))
      : h('p', { class: 'card' }, 'No slots in this range.'),
    timeOffSection(member, refresh));
  return null;
}
