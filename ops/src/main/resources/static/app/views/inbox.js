// Swaps and cover: what waits for the caller (accept, decline, approve, reject, claim, cancel) and what happened.
import { h, replace, toast, select, field } from '../dom.js';
import * as api from '../api.js';
import { state, isAdmin, groupPath, shiftTypes } from '../state.js';
import { dayLabel, instantLabel, wallTime } from '../time.js';
import { navigate } from '../nav.js';

const PENDING_SWAPS = ['PROPOSED', 'ACCEPTED'];
const PENDING_COVER = ['OPEN', 'CLAIMED'];

const me = () => state.memberId;
let typeNames = new Map();
const slotText = slot => slot
  ? `${typeNames.get(slot.shiftTypeId) || 'slot'} ${dayLabel(slot.date)}${slot.start ? ` ${wallTime(slot.start)}` : ''}` : '';

async function act(path, verb, body, done) {
  try {
    const answer = await api.post(path, body || {});
    toast(answer && answer.status === 'FAILED' ? `Not done: ${answer.failureReason || 'the slots changed meanwhile'}.`
      : `${verb}.`, answer && answer.status === 'FAILED' ? 'bad' : 'ok');
  } catch (error) {
    toast(error.message, 'bad');
  }
  done();
}

function button(label, name, onclick, kind) {
  return h('button', { type: 'button', name, class: kind || '', onclick }, label);
}

/** An admin's decision on something waiting for approval (a swap accepted, a cover request claimed). */
function approval(path, done) {
  return [button('Approve', 'approve', () => act(path('approve'), 'Approved', null, done), 'primary'),
    button('Reject', 'reject', () => act(path('reject'), 'Rejected', null, done))];
}

function swapActions(swap, done) {
  const path = verb => groupPath(`/swaps/${swap.id}/${verb}`);
  const counterpart = swap.counterpart.memberId === me();
  const proposer = swap.proposer.memberId === me();
  const actions = [];
  if (swap.status === 'PROPOSED' && (counterpart || isAdmin())) {
    actions.push(button(counterpart ? 'Accept' : 'Accept for them', 'accept', () => act(path('accept'), 'Accepted', null, done), 'primary'));
    actions.push(button('Decline', 'decline', () => act(path('decline'), 'Declined', null, done)));
  }
  if (swap.status === 'ACCEPTED' && isAdmin()) actions.push(...approval(path, done));
  if (PENDING_SWAPS.includes(swap.status) && (proposer || isAdmin())) {
    actions.push(button('Cancel swap', 'cancel', () => act(path('cancel'), 'Cancelled', null, done), 'danger'));
  }
  return actions;
}

function swapCard(swap, done) {
  const trade = swap.kind === 'TRADE';
  return h('li', { class: `card swap status-${swap.status}`, 'data-swap': swap.id, 'data-status': swap.status },
    h('div', null, h('strong', null, swap.proposer.name),
      trade ? ` offers ${slotText(swap.fromSlot)} for ` : ` gives ${slotText(swap.fromSlot)} to `,
      h('strong', null, swap.counterpart.name),
      trade ? `'s ${slotText(swap.toSlot)}` : '', ' ',
      h('span', { class: 'badge' }, swap.status.toLowerCase())),
    h('div', { class: 'muted' }, trade ? 'Trade' : 'Give-away',
      swap.reason ? ` · “${swap.reason}”` : '',
      PENDING_SWAPS.includes(swap.status) && swap.expiresAt ? ` · expires ${instantLabel(swap.expiresAt, state.group.timeZone)}` : '',
      swap.failureReason ? ` · ${swap.failureReason}` : ''),
    h('div', { class: 'actions' }, swapActions(swap, done)));
}

function coverActions(request, done) {
  const path = verb => groupPath(`/coverage-requests/${request.id}/${verb}`);
  const actions = [];
  const requester = request.requester && request.requester.memberId === me();
  if (request.status === 'OPEN') {
    const offered = (request.offeredTo || []).some(member => member.memberId === me());
    if (offered) actions.push(button('Claim', 'claim', () => act(path('claim'), 'Claimed', {}, done), 'primary'));
    if (isAdmin() && request.offeredTo && request.offeredTo.length) {
      const who = select({ name: 'claimant', 'aria-label': 'Claim for' }, request.offeredTo.map(m => [m.memberId, m.name]));
      actions.push(h('span', { class: 'claim-for' }, who,
        button('Claim for them', 'claim-for', () => act(path('claim'), 'Claimed', { memberId: who.value }, done))));
    }
  }
  if (request.status === 'CLAIMED' && isAdmin()) actions.push(...approval(path, done));
  if (PENDING_COVER.includes(request.status) && (requester || isAdmin())) {
    actions.push(button('Cancel request', 'cancel', () => act(path('cancel'), 'Cancelled', null, done), 'danger'));
  }
  return actions;
}

function coverCard(request, done) {
  return h('li', { class: `card cover status-${request.status}`, 'data-coverage': request.id, 'data-status': request.status },
    h('div', null, h('strong', null, request.requester ? request.requester.name : 'Open shift'),
      request.requester ? ' asks for cover: ' : ': ', slotText(request.slot), ' ',
      h('span', { class: 'badge' }, request.status.toLowerCase()),
      request.escalatedAt ? h('span', { class: 'badge warn' }, 'escalated') : null),
    h('div', { class: 'muted' },
      request.claimant ? `Claimed by ${request.claimant.name}` : `Offered to ${(request.offeredTo || []).map(m => m.name).join(', ') || 'nobody eligible'}`,
      request.reason ? ` · “${request.reason}”` : ''),
    h('div', { class: 'actions' }, coverActions(request, done)));
}

async function listAll(path, statuses, extra) {
  const pages = await Promise.all(statuses.map(status => api.get(path, { status, size: 100, ...extra })));
  return pages.flatMap(page => page.items);
}

export default async function inbox(main, params) {
  const showAll = params.get('show') === 'all';
  const done = () => inbox(main, params);
  const mine = isAdmin() ? {} : { memberId: me() };
  typeNames = new Map((await shiftTypes()).map(type => [type.id, type.name]));
  const [swaps, cover] = await Promise.all([
    showAll ? api.get(groupPath('/swaps'), { size: 50, ...mine }).then(page => page.items)
      : listAll(groupPath('/swaps'), PENDING_SWAPS, mine),
    showAll ? api.get(groupPath('/coverage-requests'), { size: 50 }).then(page => page.items)
      : listAll(groupPath('/coverage-requests'), PENDING_COVER, {}),
  ]);
  const filter = select({ id: 'inbox-show', onchange: event => navigate('inbox', { show: event.target.value }) },
    [['pending', 'Waiting'], ['all', 'Recent, any status']], showAll ? 'all' : 'pending');
  replace(main,
    h('div', { class: 'toolbar' }, h('h1', null, 'Swaps & cover'), field('Show', filter)),
    h('section', { 'aria-labelledby': 'swaps-title' }, h('h2', { id: 'swaps-title' }, 'Swaps'),
      swaps.length ? h('ul', { class: 'plain' }, swaps.map(swap => swapCard(swap, done)))
        : h('p', { class: 'muted' }, showAll ? 'No swaps yet.' : 'No swap waits for anyone.')),
    h('section', { 'aria-labelledby': 'cover-title' }, h('h2', { id: 'cover-title' }, 'Cover requests'),
      cover.length ? h('ul', { class: 'plain' }, cover.map(request => coverCard(request, done)))
        : h('p', { class: 'muted' }, showAll ? 'No cover requests yet.' : 'No open cover request.')));
  return null;
}
