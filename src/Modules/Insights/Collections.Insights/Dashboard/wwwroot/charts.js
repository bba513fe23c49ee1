// Inline SVG charts built with DOM calls (no innerHTML, no inline styles: the CSP allows neither).
const SVG = 'http://www.w3.org/2000/svg';
const W = 640;
const H = 220;
const PAD = { left: 48, right: 12, top: 12, bottom: 28 };

function el(name, attrs = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function html(name, text, attrs = {}) {
  const node = document.createElement(name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function frame(figure, title, description) {
  figure.replaceChildren();
  const id = figure.id;
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${id}-t ${id}-d` });
  svg.append(el('title', { id: `${id}-t` }, title), el('desc', { id: `${id}-d` }, description));
  svg.append(el('line', { class: 'axis', x1: PAD.left, y1: H - PAD.bottom, x2: W - PAD.right, y2: H - PAD.bottom }));
  figure.append(svg);
  return svg;
}

// A data table under the chart: the text alternative a screen reader (or a sceptical reader) can check.
function dataTable(figure, caption, headers, rows) {
  const details = html('details');
  details.append(html('summary', `${caption} as a table`));
  const table = html('table');
  const head = html('tr');
  headers.forEach((h) => head.append(html('th', h, { scope: 'col' })));
  table.append(html('thead'), html('tbody'));
  table.tHead.append(head);
  rows.forEach((r) => {
    const tr = html('tr');
    r.forEach((cell) => tr.append(html('td', cell)));
    table.tBodies[0].append(tr);
  });
  details.append(table);
  figure.append(html('figcaption', caption), details);
}

export function barChart(figure, { title, labels, values, display, classes = [] }) {
  const description = labels.map((l, i) => `${l}: ${display[i]}`).join('; ');
  const svg = frame(figure, title, description);
  const max = Math.max(1, ...values.map((v) => Math.abs(v)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, labels.length);
  labels.forEach((label, i) => {
    const h = (Math.max(0, values[i]) / max) * plotH;
    const x = PAD.left + i * slot + slot * 0.15;
    svg.append(el('rect', { class: `bar ${classes[i] || ''}`.trim(), x, y: H - PAD.bottom - h, width: slot * 0.7, height: h, 'data-label': label, 'data-value': values[i] }));
    svg.append(el('text', { x: x + slot * 0.35, y: H - 10, 'text-anchor': 'middle' }, label));
  });
  svg.append(el('text', { x: 4, y: PAD.top + 8 }, display[values.indexOf(Math.max(...values))] ?? ''));
  dataTable(figure, title, ['', 'Amount'], labels.map((l, i) => [l, display[i]]));
}

export function lineChart(figure, { title, labels, series }) {
  const description = series.map((s) => `${s.name}: ${labels.map((l, i) => `${l} ${s.values[i] ?? 'n/a'}`).join(', ')}`).join('. ');
  const svg = frame(figure, title, description);
  const all = series.flatMap((s) => s.values).filter((v) => v !== null);
  const max = Math.max(1, ...all);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i) => PAD.left + (labels.length === 1 ? plotW / 2 : (i * plotW) / (labels.length - 1));
  const y = (v) => H - PAD.bottom - (v / max) * plotH;
  for (const s of series) {
    // A month without a figure (no sales: DSO undefined) breaks the line instead of drawing a false zero.
    let d = '';
    let pen = false;
    s.values.forEach((v, i) => {
      if (v === null) { pen = false; return; }
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)} `;
      pen = true;
    });
    svg.append(el('path', { class: s.cls, d: d.trim() || 'M0,0' }));
  }
  labels.forEach((l, i) => { if (labels.length <= 12 || i % 2 === 0) svg.append(el('text', { x: x(i), y: H - 10, 'text-anchor': 'middle' }, l.slice(2))); });
  svg.append(el('text', { x: 4, y: PAD.top + 8 }, String(max)));
  const legend = html('p', undefined, { class: 'legend' });
  series.forEach((s) => legend.append(html('span', s.name, { class: s.legend })));
  figure.append(legend);
  dataTable(figure, title, ['Month', ...series.map((s) => s.name)], labels.map((l, i) => [l, ...series.map((s) => (s.values[i] ?? 'n/a').toString())]));
}
