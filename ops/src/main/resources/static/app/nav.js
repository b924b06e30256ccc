// Routes are '#/<view>?group=<id>&…': a view of the chosen group, so a link or a reload opens the same screen.
import { state } from './state.js';

export function navigate(path, params = {}) {
  const query = new URLSearchParams();
  if (state.group) query.set('group', state.group.id);
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  location.hash = `#/${path}?${query}`;
}

export function parseRoute() {
  const [path, search] = location.hash.replace(/^#\/?/, '').split('?');
  return { path: path || 'calendar', params: new URLSearchParams(search || '') };
}
