// The fairness report: how call was shared over a range, per member, with a chart and the spread.
import { h, replace, field, toast } from '../dom.js';
import * as api from '../api.js';
import { state, groupPath } from '../state.js';
import { today, addMonths, monthDates, hours } from '../time.js';
import { navigate } from '../nav.js';
import { barChart } from './chart.js';

const COLUMNS = [['slots', 'Slots'], ['realHours', 'Real hours'], ['weekendSlots', 'Weekend'],
  ['holidaySlots', 'Holiday'], ['nightSlots', 'Night'], ['swapsGiven', 'Swaps given'], ['swapsTaken', 'Swaps taken'],
  ['coverageGiven', 'Cover given'], ['coverageTaken', 'Cover taken']];

export default async function fairness(main, params) {
  const month = today(state.group.timeZone).slice(0, 7);
  const from = params.get('from') || `${addMonths(month, -2)}-01`;
  const to = params.get('to') || monthDates(month).at(-1);
  const report = await api.get(groupPath('/reports/fairness'), { from, to });
  const fromInput = h('input', { type: 'date', name: 'from', value: from, required: true });
  const toInput = h('input', { type: 'date', name: 'to', value: to, required: true });
  replace(main,
    h('div', { class: 'toolbar' }, h('h1', null, 'Fairness'),
      h('button', {
        type: 'button', class: 'link', onclick: () => api.downloadCsv(groupPath('/reports/fairness'), { from, to },
          `fairness-${from}-${to}.csv`).catch(error => toast(error.message, 'bad')),
      }, 'Download CSV')),
    h('form', {
      class: 'inline', onsubmit: event => {
        event.preventDefault();
        navigate('fairness', { from: fromInput.value, to: toInput.value });
      },
    }, field('From', fromInput), field('To', toInput), h('button', { type: 'submit' }, 'Show')),
    h('p', { class: 'spread' }, 'Spread between members who take call: ',
      h('strong', null, `${report.spread.slots} slot(s)`), ', ',
      h('strong', null, `${report.spread.weekendHolidaySlots} weekend/holiday slot(s)`), ', ',
      h('strong', null, hours(report.spread.realHours)), '.'),
    report.members.length ? barChart({
      title: `Slots per member, ${from} to ${to}`,
      kinds: [['weekend', 'weekend or holiday'], ['weekday', 'other days']],
      rows: report.members.map(member => {
        const special = Math.min(member.slots, member.weekendSlots + member.holidaySlots);
        return { label: member.name, total: member.slots,
          segments: [{ value: special, kind: 'weekend' }, { value: member.slots - special, kind: 'weekday' }] };
      }),
    }) : null,
    h('div', { class: 'table-wrap' }, h('table', { class: 'data fairness' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Member'),
        COLUMNS.map(([, title]) => h('th', { scope: 'col', class: 'num' }, title)))),
      h('tbody', null, report.members.map(member => h('tr', null, h('th', { scope: 'row' }, member.name),
        COLUMNS.map(([key]) => h('td', { class: 'num' }, key === 'realHours' ? hours(member[key]) : String(member[key])))))))));
  return null;
}
