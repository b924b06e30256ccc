// "On call now": who holds each shift type at this instant; read again each minute and on every live change.
import { h, replace } from '../dom.js';
import * as api from '../api.js';
import * as live from '../live.js';
import { state, groupPath } from '../state.js';
import { wallTime, dayLabel, wallDate } from '../time.js';

let timer = null;
let unsubscribe = null;
let reads = 0; // only the answer to the latest read is drawn: an older one may arrive after a newer one

export function renderOnCall(container) {
  clearInterval(timer);
  if (unsubscribe) unsubscribe();
  const groupId = state.group.id;
  let pending = null;
  const refresh = async () => {
    if (!container.isConnected || state.group.id !== groupId) return;
    const read = ++reads;
    try {
      const answer = await api.get(groupPath('/on-call'));
      if (read !== reads) return;
      replace(container, h('span', { class: 'oncall-title' }, 'On call now'),
        answer.onCall.length === 0 ? h('span', { class: 'muted' }, 'nobody: no shift is running') : null,
        answer.onCall.map(slot => h('span', { class: `oncall-slot status-${slot.status}` },
          h('strong', null, slot.shiftTypeName), ' ',
          slot.assignee ? slot.assignee.name : slot.status === 'GAP' ? 'nobody (gap)' : 'open', ' ',
          h('span', { class: 'muted' }, `until ${wallDate(slot.end) === wallDate(slot.start) ? '' : `${dayLabel(wallDate(slot.end))} `}${wallTime(slot.end)}`))));
    } catch (error) {
      if (read === reads) replace(container, h('span', { class: 'muted' }, `On call now: ${error.message}`));
    }
  };
  refresh();
  timer = setInterval(refresh, 60000);
  const soon = () => {
    clearTimeout(pending);
    pending = setTimeout(refresh, 300);
  };
  unsubscribe = live.subscribe(soon, soon);
}
