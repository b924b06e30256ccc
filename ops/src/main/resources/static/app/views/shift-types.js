// Shift types: everyone sees them; admins define, rename, change days and retire them.
import { h, replace, field, dialog, toast, errorBox, checkboxes, checkedValues } from '../dom.js';
import * as api from '../api.js';
import { isAdmin, shiftTypes, directoryChanged, awaitDirectory, groupPath } from '../state.js';

const DAYS = [['MONDAY', 'Mon'], ['TUESDAY', 'Tue'], ['WEDNESDAY', 'Wed'], ['THURSDAY', 'Thu'], ['FRIDAY', 'Fri'],
  ['SATURDAY', 'Sat'], ['SUNDAY', 'Sun']];

const dayNames = days => days.length === 7 ? 'every day'
  : DAYS.filter(([day]) => days.includes(day)).map(([, label]) => label).join(', ');

function defineForm(done) {
  const name = h('input', { name: 'name', required: true, maxlength: 100, autocomplete: 'off' });
  const start = h('input', { name: 'startTime', type: 'time', value: '08:00', required: true });
  const duration = h('input', { name: 'durationHours', type: 'number', min: 1, max: 168, value: 24, required: true });
  const message = h('div');
  const form = h('form', {
    class: 'card', 'aria-labelledby': 'define-title', onsubmit: async event => {
      event.preventDefault();
      replace(message);
      try {
        const created = await api.post(groupPath('/shift-types'), {
          name: name.value, startTime: start.value, durationHours: Number(duration.value),
          daysOfWeek: checkedValues(form, 'day'),
        });
        if (await awaitDirectory(shiftTypes, created.id)) toast(`${name.value} defined.`);
        done();
      } catch (error) {
        replace(message, errorBox(error));
      }
    },
  },
  h('h2', { id: 'define-title' }, 'Define a shift type'),
  h('div', { class: 'row' }, field('Name', name), field('Starts at (local time)', start), field('Hours', duration)),
  checkboxes('Days', 'day', DAYS),
  message,
  h('button', { type: 'submit', class: 'primary' }, 'Define shift type'));
  return form;
}

function editDialog(type, done) {
  const name = h('input', { name: 'name', value: type.name, required: true, maxlength: 100 });
  const message = h('div');
  const form = h('form', {
    onsubmit: async event => {
      event.preventDefault();
      try {
        await api.patch(groupPath(`/shift-types/${type.id}`), { name: name.value, daysOfWeek: checkedValues(form, 'day') });
        directoryChanged();
        box.close();
        done();
      } catch (error) {
        replace(message, errorBox(error));
      }
    },
  }, field('Name', name), checkboxes('Days', 'day', DAYS, day => type.daysOfWeek.includes(day)),
  h('p', { class: 'muted' }, 'Start time and length are fixed once defined: retire it and define a new one to change them.'),
  message, h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save')));
  const box = dialog(`Edit ${type.name}`, form);
}

export default async function shiftTypesView(main) {
  const types = await shiftTypes();
  const admin = isAdmin();
  const refresh = () => shiftTypesView(main);
  replace(main, h('h1', null, 'Shift types'),
    types.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'data' },
      h('thead', null, h('tr', null, ['Name', 'Starts', 'Hours', 'Days', admin ? 'Actions' : null].filter(Boolean)
        .map(title => h('th', { scope: 'col' }, title)))),
      h('tbody', null, types.map(type => h('tr', { class: type.retired ? 'inactive' : '', 'data-shift-type': type.id },
        h('th', { scope: 'row' }, type.name, type.retired ? ' (retired)' : ''),
        h('td', null, type.startTime), h('td', null, String(type.durationHours)), h('td', null, dayNames(type.daysOfWeek)),
        admin ? h('td', { class: 'actions' }, type.retired ? null : [
          h('button', { type: 'button', class: 'link', onclick: () => editDialog(type, refresh) }, 'Edit'),
          h('button', {
            type: 'button', class: 'link danger', onclick: async () => {
              if (!window.confirm(`Retire ${type.name}? Its assigned slots stay in the calendar.`)) return;
              try {
                await api.post(groupPath(`/shift-types/${type.id}/retire`));
                directoryChanged();
                refresh();
              } catch (error) {
                toast(error.message, 'bad');
              }
            },
          }, 'Retire')]) : null))))) : h('p', { class: 'card' }, 'No shift types yet.'),
    admin ? defineForm(refresh) : null);
  return null;
}
