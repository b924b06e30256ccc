// Generate a rotation over a date range, then show what it assigned, what it left open and why, and the spread.
import { h, replace, field, checkboxes, checkedValues, errorBox, toast } from '../dom.js';
import * as api from '../api.js';
import { state, members, shiftTypes, groupPath } from '../state.js';
import { today, addMonths, monthDates, dayLabel } from '../time.js';
import { barChart } from './chart.js';

const REASONS = {
  NO_ELIGIBLE_MEMBER: 'nobody could take it (time off, overlaps)',
  FAILED: 'failed',
  NOT_ATTEMPTED: 'not attempted',
  CONCURRENT_MODIFICATION: 'edited by someone at the same moment',
};

function result(answer, team, types) {
  const name = id => (team.find(member => member.id === id) || { name: id }).name;
  const typeName = id => (types.find(type => type.id === id) || { name: id }).name;
  return h('section', { class: 'card result', 'aria-live': 'polite', 'aria-labelledby': 'rotation-result' },
    h('h2', { id: 'rotation-result' }, `Assigned ${answer.assigned} slot(s), left ${answer.leftOpen.length} open`),
    h('p', null, `Spread: ${answer.slotSpread} slot(s) between the busiest and the least busy member; `
      + `${answer.weekendAndHolidaySpread} weekend or holiday slot(s).`),
    answer.load.length ? barChart({
      title: 'Slots per member in this range',
      kinds: [['weekend', 'weekend or holiday'], ['weekday', 'other days']],
      rows: answer.load.map(load => ({
        label: name(load.memberId),
        segments: [{ value: load.weekendAndHolidaySlots, kind: 'weekend' },
          { value: load.slots - load.weekendAndHolidaySlots, kind: 'weekday' }],
        total: load.slots,
      })),
    }) : null,
    answer.leftOpen.length ? h('div', null, h('h3', null, 'Left open'),
      h('table', { class: 'data' }, h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, 'Day'), h('th', { scope: 'col' }, 'Shift'), h('th', { scope: 'col' }, 'Why'))),
      h('tbody', null, answer.leftOpen.map(open => h('tr', null,
        h('td', null, dayLabel(open.slot.date, true)), h('td', null, typeName(open.slot.shiftTypeId)),
        h('td', null, REASONS[open.reason] || open.reason.replaceAll('_', ' ').toLowerCase())))))) : null,
    h('p', null, h('a', { href: `#/calendar?group=${state.group.id}&month=${answer.from.slice(0, 7)}` }, 'See it in the calendar')));
}

export default async function rotation(main) {
  const [everyone, types] = await Promise.all([members(), shiftTypes()]);
  const team = everyone.filter(member => member.active && member.role !== 'AUDITOR');
  const active = types.filter(type => !type.retired);
  const nextMonth = addMonths(today(state.group.timeZone).slice(0, 7), 1);
  const dates = monthDates(nextMonth);
  const from = h('input', { type: 'date', name: 'from', value: dates[0], required: true });
  const to = h('input', { type: 'date', name: 'to', value: dates[dates.length - 1], required: true });
  const output = h('div');
  const form = h('form', {
    class: 'card', onsubmit: async event => {
      event.preventDefault();
      const memberIds = checkedValues(form, 'member');
      const shiftTypeIds = checkedValues(form, 'shiftType');
      replace(output, h('p', { class: 'muted' }, 'Generating…'));
      try {
        const answer = await api.post(groupPath('/rotations'), { from: from.value, to: to.value, memberIds, shiftTypeIds });
        replace(output, result({ ...answer, from: from.value }, everyone, types));
        toast(`Rotation: ${answer.assigned} slot(s) assigned.`);
      } catch (error) {
        replace(output, errorBox(error), error.current ? result({ ...error.current, from: from.value }, everyone, types) : null);
      }
    },
  },
  h('p', { class: 'muted' }, 'Fills the future open slots of the range in turn, skipping time off and overlaps and '
    + 'balancing weekends and holidays. Slots already assigned stay as they are.'),
  h('div', { class: 'row' }, field('From', from), field('To', to)),
  checkboxes('Members, in rotation order', 'member', team.map(member => [member.id, member.name])),
  checkboxes('Shift types', 'shiftType', active.map(type => [type.id, `${type.name} (${type.startTime}, ${type.durationHours} h)`])),
  h('button', { type: 'submit', class: 'primary' }, 'Generate rotation'));
  replace(main, h('h1', null, 'Generate a rotation'), form, output);
  return null;
}
