// The month grid: a row per day, a column per shift type, each slot a button showing who holds it, its real
// local times and its status (in colour and in words). Days whose length is not 24 h (DST) are marked.
import { h, replace } from '../dom.js';
import { monthDates, dayLabel, dayLengthChange, wallTime, wallDate, weekday, hours, today } from '../time.js';

export const STATUS_LABELS = {
  OPEN: 'open',
  ASSIGNED: 'assigned',
  SWAP_PENDING: 'swap pending',
  COVERAGE_REQUESTED: 'cover requested',
  GAP: 'gap',
};

export const slotKey = slot => `${slot.shiftTypeId}/${slot.date}`;

/** The columns: the group's shift types in start-time order, and any retired one that still has slots shown. */
export function columns(shiftTypes, slots) {
  const byId = new Map(shiftTypes.filter(type => !type.retired).map(type => [type.id, type]));
  for (const slot of slots) {
    if (!byId.has(slot.shiftTypeId)) {
      const retired = shiftTypes.find(type => type.id === slot.shiftTypeId);
      byId.set(slot.shiftTypeId, retired || { id: slot.shiftTypeId, name: slot.shiftTypeName, startTime: wallTime(slot.start) });
    }
  }
  return [...byId.values()].sort((a, b) => a.startTime.localeCompare(b.startTime) || a.name.localeCompare(b.name));
}

function nominalHours(type) {
  return type && type.durationHours ? type.durationHours : null;
}

/** The button's text: holder, times, and what is unusual about the slot. */
export function slotContent(slot, type) {
  const endsNextDay = wallDate(slot.end) !== wallDate(slot.start);
  const nominal = nominalHours(type);
  const unusual = nominal !== null && Math.abs(slot.realHours - nominal) > 0.01;
  return [
    h('span', { class: 'who' }, slot.assignee ? slot.assignee.name : slot.status === 'GAP' ? 'Gap' : 'Open'),
    h('span', { class: 'when' }, `${wallTime(slot.start)}–${wallTime(slot.end)}`,
      endsNextDay ? h('sup', { title: 'ends the next day' }, '+1') : null,
      unusual ? h('span', { class: 'dst-hours', title: 'real length of this shift' }, ` ${hours(slot.realHours)}`) : null),
    slot.status !== 'ASSIGNED' && slot.status !== 'OPEN'
      ? h('span', { class: 'badge' }, STATUS_LABELS[slot.status] || slot.status) : null,
    slot.assignee && !slot.assignee.reachableBySms ? h('span', { class: 'badge nosms' }, 'no SMS') : null,
  ];
}

function slotLabel(slot) {
  const holder = slot.assignee ? slot.assignee.name : 'nobody';
  return `${slot.shiftTypeName}, ${dayLabel(slot.date)}: ${holder}, ${STATUS_LABELS[slot.status] || slot.status}, `
    + `${wallTime(slot.start)} to ${wallTime(slot.end)}${wallDate(slot.end) !== wallDate(slot.start) ? ' next day' : ''}`
    + `, ${hours(slot.realHours)}`;
}

/**
 * Builds the grid; {@code onSlot(slot)} runs when a slot is chosen. Answers the table and {@code update(slot)},
 * which redraws one slot in place (for live changes and edits).
 */
export function monthGrid({ month, slots, shiftTypes, zone, onSlot, caption }) {
  const types = columns(shiftTypes, slots);
  const typeById = new Map(types.map(type => [type.id, type]));
  const bySlot = new Map(slots.map(slot => [slotKey(slot), slot]));
  const cells = new Map();
  const todayDate = today(zone);

  // A redrawn slot keeps its button element, so focus (and a dialog's way back to it) stays where it was.
  const drawCell = (cell, slot) => {
    let button = cell.querySelector('button.slot');
    if (!button) {
      const key = slotKey(slot);
      button = h('button', { type: 'button', 'data-slot': key, onclick: () => onSlot(bySlot.get(key)) });
      replace(cell, button);
    }
    button.className = `slot status-${slot.status}`;
    button.dataset.status = slot.status;
    button.dataset.version = slot.version;
    button.setAttribute('aria-label', slotLabel(slot));
    replace(button, slotContent(slot, typeById.get(slot.shiftTypeId)));
  };

  const head = h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Day'),
    types.map(type => h('th', { scope: 'col' }, type.name,
      type.durationHours ? h('small', null, `${type.startTime} · ${type.durationHours} h`) : null))));
  const body = h('tbody');
  for (const date of monthDates(month)) {
    const change = dayLengthChange(date, zone);
    const day = weekday(date);
    const row = h('tr', { class: [day === 0 || day === 6 ? 'weekend' : '', date === todayDate ? 'today' : ''], 'data-date': date },
      h('th', { scope: 'row' }, dayLabel(date),
        change !== 0 ? h('span', {
          class: 'dst', title: change < 0 ? 'Clocks go forward: a shorter day' : 'Clocks go back: a longer day',
        }, `DST ${hours(24 + change / 60)} day`) : null,
        date === todayDate ? h('span', { class: 'badge today-badge' }, 'today') : null));
    for (const type of types) {
      const slot = bySlot.get(`${type.id}/${date}`);
      const cell = h('td', null);
      if (slot) {
        cells.set(slotKey(slot), cell);
        drawCell(cell, slot);
      } else {
        cell.className = 'none';
        cell.append(h('span', { 'aria-label': `no ${type.name} shift` }, '·'));
      }
      row.append(cell);
    }
    body.append(row);
  }
  const table = h('table', { class: 'grid' }, caption ? h('caption', null, caption) : null, head, body);

  return {
    element: types.length
      ? h('div', { class: 'grid-wrap' }, table)
      : h('p', { class: 'card' }, 'No shift types yet: an admin defines them under Shift types.'),
    update(slot) {
      const known = bySlot.get(slotKey(slot));
      const cell = cells.get(slotKey(slot));
      if (!cell || (known && slot.version < known.version)) return false;
      if (known && JSON.stringify(known) === JSON.stringify(slot)) return false;
      bySlot.set(slotKey(slot), slot);
      drawCell(cell, slot);
      const button = cell.querySelector('button');
      button.classList.add('changed');
      setTimeout(() => button.classList.remove('changed'), 2500);
      return true;
    },
    slot: key => bySlot.get(key),
  };
}

export function legend() {
  return h('ul', { class: 'legend', 'aria-label': 'Statuses' },
    Object.entries(STATUS_LABELS).map(([status, label]) => h('li', { class: `status-${status}` }, label)));
}
