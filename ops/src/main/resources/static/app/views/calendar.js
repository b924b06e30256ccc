// The month calendar: shift types × days, who is on call, live changes from the stream.
import { h, replace, toast } from '../dom.js';
import * as api from '../api.js';
import * as live from '../live.js';
import { state, shiftTypes, groupPath } from '../state.js';
import { monthDates, addMonths, monthTitle, today } from '../time.js';
import { monthGrid, legend } from './grid.js';
import { openSlot } from './slot-dialog.js';
import { navigate } from '../nav.js';

/**
 * Follows the live stream from before the month is read, so that no change made while it is read is lost: changes
 * that come before the grid exists wait in a buffer and are applied on it (a slot's version decides, so the read
 * and a change can come in either order). Answers {@code drawn(grid)}, to call once the grid exists, and the
 * function that ends the subscription.
 */
function followChanges(range) {
  let grid = null;
  let early = [];
  let missed = false;
  const inRange = slot => slot.date >= range.from && slot.date <= range.to;
  const readAgain = async () => {
    const again = await api.get(groupPath('/calendar'), range);
    again.slots.forEach(slot => grid.update(slot));
  };
  const unsubscribe = live.subscribe(slot => {
    if (!inRange(slot)) return;
    if (grid) grid.update(slot);
    else early.push(slot);
  }, () => {
    if (grid) readAgain();
    else missed = true; // the stream could not resume: read again once the grid exists
  });
  return {
    unsubscribe,
    drawn(shown) {
      grid = shown;
      early.forEach(slot => grid.update(slot));
      early = [];
      if (missed) readAgain();
    },
  };
}

export default async function calendar(main, params) {
  const zone = state.group.timeZone;
  const month = /^\d{4}-\d{2}$/.test(params.get('month') || '') ? params.get('month') : today(zone).slice(0, 7);
  const dates = monthDates(month);
  const range = { from: dates[0], to: dates[dates.length - 1] };
  const changes = followChanges(range);
  let answer;
  let types;
  try {
    [answer, types] = await Promise.all([api.get(groupPath('/calendar'), range), shiftTypes()]);
  } catch (error) {
    changes.unsubscribe();
    throw error;
  }

  const grid = monthGrid({
    month, slots: answer.slots, shiftTypes: types, zone,
    onSlot: slot => openSlot(slot, changed => grid.update(changed)),
  });

  const monthInput = h('input', { type: 'month', id: 'month', value: month, onchange: event => {
    if (event.target.value) navigate('calendar', { month: event.target.value });
  } });

  replace(main,
    h('div', { class: 'toolbar' },
      h('h1', null, monthTitle(month)),
      h('div', { class: 'month-nav' },
        h('button', { type: 'button', 'aria-label': 'Previous month', onclick: () => navigate('calendar', { month: addMonths(month, -1) }) }, '‹'),
        h('label', { class: 'sr-only', for: 'month' }, 'Month'), monthInput,
        h('button', { type: 'button', 'aria-label': 'Next month', onclick: () => navigate('calendar', { month: addMonths(month, 1) }) }, '›'),
        h('button', { type: 'button', onclick: () => navigate('calendar', { month: today(zone).slice(0, 7) }) }, 'Today')),
      h('button', {
        type: 'button', class: 'link', onclick: () => api.downloadCsv(groupPath('/calendar'), range, `calendar-${month}.csv`)
          .catch(error => toast(error.message, 'bad')),
      }, 'Download CSV')),
    h('p', { class: 'muted' }, `Times are local to ${state.group.name} (${zone}). `,
      'Select a slot to see its history', state.role === 'ADMIN' ? ' or to assign it.' : '.'),
    legend(),
    grid.element);

  changes.drawn(grid);
  return changes.unsubscribe;
}

