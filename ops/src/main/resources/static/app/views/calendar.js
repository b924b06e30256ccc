// The month calendar: shift types × days, who is on call, live changes from the stream.
import { h, replace, toast } from '../dom.js';
import * as api from '../api.js';
import * as live from '../live.js';
import { state, shiftTypes, groupPath } from '../state.js';
import { monthDates, addMonths, monthTitle, today } from '../time.js';
import { monthGrid, legend } from './grid.js';
import { openSlot } from './slot-dialog.js';
import { navigate } from '../nav.js';

export default async function calendar(main, params) {
  const zone = state.group.timeZone;
  const month = /^\d{4}-\d{2}$/.test(params.get('month') || '') ? params.get('month') : today(zone).slice(0, 7);
  const dates = monthDates(month);
  const [answer, types] = await Promise.all([
    api.get(groupPath('/calendar'), { from: dates[0], to: dates[dates.length - 1] }),
    shiftTypes(),
  ]);

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
        type: 'button', class: 'link', onclick: () => api.downloadCsv(groupPath('/calendar'),
          { from: dates[0], to: dates[dates.length - 1] }, `calendar-${month}.csv`).catch(error => toast(error.message, 'bad')),
      }, 'Download CSV')),
    h('p', { class: 'muted' }, `Times are local to ${state.group.name} (${zone}). `,
      'Select a slot to see its history', state.role === 'ADMIN' ? ' or to assign it.' : '.'),
    legend(),
    grid.element);

  const range = { from: dates[0], to: dates[dates.length - 1] };
  return live.subscribe(slot => {
    if (slot.date >= range.from && slot.date <= range.to) grid.update(slot);
  }, async () => {
    const again = await api.get(groupPath('/calendar'), range);
    again.slots.forEach(slot => grid.update(slot));
  });
}

