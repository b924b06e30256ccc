// The iCalendar subscribe links: the caller's own feed and, for an admin, the group's. Each new link revokes the
// previous one, so the address is shown once and can be copied.
import { h, replace, toast, errorBox } from '../dom.js';
import * as api from '../api.js';
import { state, isAdmin, groupPath } from '../state.js';

function linkBox(title, explanation, path) {
  const output = h('div');
  return h('section', { class: 'card' },
    h('h2', null, title),
    h('p', null, explanation),
    h('p', { class: 'muted' }, 'Creating a link replaces the previous one: calendars subscribed to the old address stop updating.'),
    h('button', {
      type: 'button', class: 'primary', onclick: async () => {
        try {
          const feed = await api.post(path);
          const input = h('input', { type: 'text', readonly: true, value: feed.url, class: 'feed-url', 'aria-label': `${title} address` });
          replace(output,
            h('div', { class: 'copy' }, input,
              h('button', {
                type: 'button', onclick: async () => {
                  input.select();
                  try {
                    await navigator.clipboard.writeText(feed.url);
                    toast('Link copied.');
                  } catch (denied) {
                    toast('Select the address and copy it.', 'warn');
                  }
                },
              }, 'Copy')),
            h('p', { class: 'muted' }, 'Add it in Google Calendar ("From URL"), Outlook ("Subscribe from web") or Apple '
              + 'Calendar ("New Calendar Subscription"). Anyone with the address can read it: keep it private.'));
          input.focus();
          input.select();
        } catch (error) {
          replace(output, errorBox(error));
        }
      },
    }, 'Create a new link'),
    output);
}

export default async function feeds(main) {
  replace(main, h('h1', null, 'Subscribe in your calendar app'),
    state.memberId ? linkBox('My shifts', 'Your own slots, from 60 days back to a year ahead, kept up to date.',
      groupPath(`/members/${state.memberId}/feed`)) : null,
    isAdmin() ? linkBox('The whole group', `Every slot of ${state.group.name} with who holds it.`, groupPath('/feed')) : null,
    !state.memberId && !isAdmin() ? h('p', { class: 'card' }, 'Only members have a calendar link.') : null);
  return null;
}
