// What the app knows about the caller and the chosen group, and the group's directory (members, shift types),
// read once per screen and again after a change.
import * as api from './api.js';
import { untilSeen } from './settle.js';

export const state = {
  me: null,          // GET /me
  groups: [],        // GET /groups
  group: null,       // {id, name, timeZone}
  role: null,        // ADMIN | MEMBER | AUDITOR in the chosen group (ADMIN for a super admin)
  memberId: null,    // the caller's member id in the chosen group, if any
};

const cache = new Map();

const GROUP_PAGE = 500;

/** Who the caller is and every group they may open (a super admin's list is read page by page). */
export async function loadMe() {
  state.me = await api.get('/me');
  const groups = [];
  for (let page = 0; ; page++) {
    const answer = await api.get('/groups', { page, size: GROUP_PAGE });
    groups.push(...answer.groups);
    if (answer.total === undefined || groups.length >= answer.total || answer.groups.length === 0) break;
  }
  state.groups = groups;
  cache.clear();
}

export function chooseGroup(groupId) {
  state.group = state.groups.find(group => group.id === groupId) || null;
  const membership = state.me.memberships.find(m => m.groupId === groupId);
  state.memberId = membership ? membership.memberId : null;
  state.role = state.me.superAdmin ? 'ADMIN' : membership ? membership.role : null;
  return state.group;
}

export const isAdmin = () => state.role === 'ADMIN';
export const canAudit = () => state.role === 'ADMIN' || state.role === 'AUDITOR';

function cached(key, load) {
  if (!cache.has(key)) {
    const pending = load().catch(error => {
      cache.delete(key);
      throw error;
    });
    cache.set(key, pending);
  }
  return cache.get(key);
}

/** The group's members, inactive ones included (their names still show in history). */
export function members() {
  const groupId = state.group.id;
  return cached(`members:${groupId}`, async () =>
    (await api.get(`/groups/${groupId}/members`, { includeInactive: true })).members);
}

export function shiftTypes() {
  const groupId = state.group.id;
  return cached(`shiftTypes:${groupId}`, async () => (await api.get(`/groups/${groupId}/shift-types`)).shiftTypes);
}

/** Forgets the directory after a change to it. */
export function directoryChanged() {
  cache.clear();
}

export async function memberName(memberId) {
  if (!memberId) return null;
  const found = (await members()).find(member => member.id === memberId);
  return found ? found.name : 'an unknown member';
}

export function groupPath(suffix = '') {
  return `/groups/${state.group.id}${suffix}`;
}

/**
 * Reads follow writes asynchronously (projections): after creating something, wait briefly until the directory
 * shows it, so the next screen includes it. Answers whether it did (if not, the user was told).
 */
export function awaitDirectory(read, id) {
  return untilSeen(async () => {
    directoryChanged();
    return (await read()).some(entry => entry.id === id);
  });
}
