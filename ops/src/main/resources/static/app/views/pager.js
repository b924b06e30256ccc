// Previous / next for the API's paged lists ({items, page, size, total}).
import { h } from '../dom.js';

export function pager(page, onPage) {
  const last = Math.max(0, Math.ceil(page.total / page.size) - 1);
  return h('nav', { class: 'pager', 'aria-label': 'Pages' },
    h('button', { type: 'button', disabled: page.page === 0, onclick: () => onPage(page.page - 1) }, '‹ Newer'),
    h('span', null, `Page ${page.page + 1} of ${last + 1} · ${page.total} in all`),
    h('button', { type: 'button', disabled: page.page >= last, onclick: () => onPage(page.page + 1) }, 'Older ›'));
}
