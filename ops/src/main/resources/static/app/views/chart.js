// A horizontal stacked bar chart drawn as SVG (no charting library): one row per member.
import { s, h } from '../dom.js';

let charts = 0;

/**
 * rows: [{label, segments: [{value, kind}], total}] — kind names a CSS class (bar-…) and a legend entry;
 * kinds: [[kind, label]].
 */
export function barChart({ title, rows, kinds }) {
  const id = `chart${++charts}`;
  const labelWidth = 140;
  const barArea = 400;
  const rowHeight = 26;
  const max = Math.max(1, ...rows.map(row => row.segments.reduce((sum, segment) => sum + segment.value, 0)));
  const height = rows.length * rowHeight + 10;
  const description = rows.map(row => `${row.label}: ${row.segments.map(segment =>
    `${segment.value} ${kinds.find(([kind]) => kind === segment.kind)[1]}`).join(', ')}`).join('; ');
  const svg = s('svg', {
    class: 'chart', viewBox: `0 0 ${labelWidth + barArea + 60} ${height}`, role: 'img',
    'aria-labelledby': `${id}-title ${id}-desc`, preserveAspectRatio: 'xMinYMin meet',
  },
  s('title', { id: `${id}-title` }, title),
  s('desc', { id: `${id}-desc` }, description),
  rows.map((row, index) => {
    const y = 5 + index * rowHeight;
    let x = labelWidth;
    const bars = row.segments.filter(segment => segment.value > 0).map(segment => {
      const width = (segment.value / max) * barArea;
      const rect = s('rect', { x, y: y + 3, width, height: rowHeight - 8, class: `bar-${segment.kind}` },
        s('title', null, `${row.label}: ${segment.value}`));
      x += width;
      return rect;
    });
    const total = row.total !== undefined ? row.total : row.segments.reduce((sum, segment) => sum + segment.value, 0);
    return s('g', null,
      s('text', { x: labelWidth - 8, y: y + rowHeight / 2 + 4, 'text-anchor': 'end', class: 'chart-label' },
        row.label.length > 20 ? `${row.label.slice(0, 19)}…` : row.label),
      bars,
      s('text', { x: x + 6, y: y + rowHeight / 2 + 4, class: 'chart-value' }, String(total)));
  }));
  return h('figure', { class: 'chart-figure' }, svg,
    h('figcaption', null, h('span', null, title), ' ',
      kinds.map(([kind, label]) => h('span', { class: `key key-${kind}` }, label))));
}
