// The SMS log: admins and auditors see the group's, a member their own (the server decides).
import { h, replace, field, select } from '../dom.js';
import * as api from '../api.js';
import { state, canAudit, members, groupPath } from '../state.js';
import { instantLabel } from '../time.js';
import { navigate } from '../nav.js';
import { pager } from './pager.js';

const STATUSES = ['PENDING', 'SENT', 'DELIVERED', 'UNDELIVERED', 'FAILED', 'SKIPPED'];
const PURPOSES = ['ASSIGNED', 'UNASSIGNED', 'ROTATION_PUBLISHED', 'SWAP_PROPOSED', 'SWAP_ACCEPTED',
  'SWAP_APPROVAL_NEEDED', 'SWAP_COMPLETED', 'SWAP_DECLINED', 'SWAP_REJECTED', 'SWAP_CANCELLED', 'SWAP_EXPIRED',
  'SWAP_FAILED', 'COVERAGE_OFFERED', 'COVERAGE_CLAIMED', 'COVERAGE_APPROVAL_NEEDED', 'COVERAGE_COVERED',
  'COVERAGE_CANCELLED', 'COVERAGE_ESCALATED', 'COVERAGE_UNFILLED', 'DAILY_REMINDER', 'SHIFT_REMINDER', 'TEST', 'REPLY'];

const words = value => value.replaceAll('_', ' ').toLowerCase();

export default async function notifications(main, params) {
  const filters = Object.fromEntries(['status', 'purpose', 'memberId', 'from', 'to', 'page']
    .map(key => [key, params.get(key) || '']));
  const [page, everyone] = await Promise.all([
    api.get(groupPath('/notifications'), { ...filters, size: 50 }),
    canAudit() ? members() : Promise.resolve([]),
  ]);
  const status = select({ name: 'status' }, [['', 'Any'], ...STATUSES.map(value => [value, words(value)])], filters.status);
  const purpose = select({ name: 'purpose' }, [['', 'Any'], ...PURPOSES.map(value => [value, words(value)])], filters.purpose);
  const member = select({ name: 'memberId' }, [['', 'Anyone'], ...everyone.map(m => [m.id, m.name])], filters.memberId);
  const from = h('input', { type: 'date', name: 'from', value: filters.from });
  const to = h('input', { type: 'date', name: 'to', value: filters.to });
  const apply = pageNumber => navigate('notifications', {
    status: status.value, purpose: purpose.value, memberId: member.value, from: from.value, to: to.value,
    page: pageNumber ? String(pageNumber) : '',
  });
  const zone = state.group.timeZone;
  replace(main,
    h('h1', null, 'Notifications'),
    h('form', { class: 'filters', onsubmit: event => { event.preventDefault(); apply(0); } },
      field('Status', status), field('Purpose', purpose), canAudit() ? field('Member', member) : null,
      field('From', from), field('To', to), h('button', { type: 'submit' }, 'Filter')),
    page.items.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'data' },
      h('thead', null, h('tr', null, ['Created', 'To', 'Purpose', 'Status', 'Message', 'Attempts']
        .map(title => h('th', { scope: 'col' }, title)))),
      h('tbody', null, page.items.map(item => h('tr', null,
        h('td', null, instantLabel(item.createdAt, zone)),
        h('td', null, item.memberName || '', h('div', { class: 'muted' }, item.to || '')),
        h('td', null, words(item.purpose)),
        h('td', null, h('span', { class: `badge sms-${item.status}` }, words(item.status)),
          item.errorCode ? h('div', { class: 'muted' }, `${item.errorCode} ${item.errorMessage || ''}`) : null),
        h('td', { class: 'body' }, item.body),
        h('td', null, String(item.attempts))))))) : h('p', { class: 'card' }, 'No messages match.'),
    pager(page, apply));
  return null;
}
