import { api, savedKey, saveKey, forgetKey } from './api.js';
import { barChart, lineChart } from './charts.js';

const $ = (id) => document.getElementById(id);
const money = (m) => (m ? `${m.amount.toLocaleString('en', { minimumFractionDigits: decimals(m), maximumFractionDigits: decimals(m) })} ${m.currency}` : '—');
const decimals = (m) => (String(m.amount).split('.')[1] || '').length || ({ JPY: 0, KRW: 0, CLP: 0, ISK: 0, VND: 0, BHD: 3, JOD: 3, KWD: 3, OMR: 3, TND: 3 }[m.currency] ?? 2);
const days = (v) => (v === null ? 'n/a' : `${v} days`);
const pct = (v) => (v === null ? 'n/a' : `${v}%`);

function setFigure(id, value, text) {
  const node = $(id);
  node.dataset.value = value === null || value === undefined ? '' : String(value);
  node.textContent = text;
}

function status(text, error = false) {
  $('status').textContent = text;
  $('status').classList.toggle('error', error);
}

function renderSummary(s) {
  setFigure('kpi-receivables', s.receivables.amount, money(s.receivables));
  setFigure('kpi-overdue', s.overdue.amount, `${money(s.overdue)} (${pct(s.overduePercent)})`);
  setFigure('kpi-dso', s.dso, days(s.dso));
  setFigure('kpi-bpdso', s.bestPossibleDso, days(s.bestPossibleDso));
  setFigure('kpi-add', s.averageDaysDelinquent, days(s.averageDaysDelinquent));
  setFigure('kpi-cei', s.cei, pct(s.cei));
  setFigure('kpi-cash', s.cashCollected.amount, money(s.cashCollected));
  setFigure('kpi-disputes', s.openDisputes, `${s.openDisputes} (${s.overdueDisputes} past due)`);
  barChart($('aging-chart'), {
    title: `Receivables by days past due on ${s.to}`,
    labels: s.aging.map((b) => b.bucket),
    values: s.aging.map((b) => b.amount.amount),
    display: s.aging.map((b) => money(b.amount)),
    classes: s.aging.map((b) => (b.bucket === 'current' ? '' : 'overdue')),
  });
}

function renderTrend(t) {
  const labels = t.months.map((m) => m.from.slice(0, 7));
  lineChart($('trend-chart'), {
    title: 'DSO (days) and CEI (%) per month',
    labels,
    series: [
      { name: 'DSO', values: t.months.map((m) => m.dso), cls: 'line-dso', legend: 'dso' },
      { name: 'CEI', values: t.months.map((m) => m.cei), cls: 'line-cei', legend: 'cei' },
    ],
  });
  barChart($('cash-chart'), {
    title: 'Cash collected per month',
    labels: labels.map((l) => l.slice(2)),
    values: t.months.map((m) => m.cashCollected.amount),
    display: t.months.map((m) => money(m.cashCollected)),
  });
}

function renderRisk(page) {
  const body = $('risk-table').tBodies[0];
  body.replaceChildren();
  for (const d of page.items) {
    const row = document.createElement('tr');
    row.dataset.debtorId = d.debtorId;
    const cells = [d.name, `${d.score} (${d.band})`, money(d.exposure), d.mainFactor ? d.mainFactor.explanation : 'No risk factor'];
    cells.forEach((text, i) => {
      const td = document.createElement('td');
      td.textContent = text;
      if (i === 1) td.className = `band-${d.band}`;
      row.append(td);
    });
    body.append(row);
  }
}

function renderAlerts(list) {
  const ul = $('alerts');
  ul.replaceChildren();
  if (list.items.length === 0) {
    const li = document.createElement('li');
    li.textContent = 'No open alerts.';
    ul.append(li);
  }
  for (const a of list.items) {
    const li = document.createElement('li');
    li.dataset.alertId = a.id;
    const text = document.createElement('span');
    text.textContent = `${a.createdAt.slice(0, 10)} · ${a.type.replaceAll('_', ' ')}: ${a.message}`;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary';
    button.textContent = 'Acknowledge';
    button.addEventListener('click', async () => {
      button.disabled = true;
      try { await api(`alerts/${encodeURIComponent(a.id)}/acknowledge`, { method: 'POST' }); li.remove(); } catch (e) { status(e.message, true); button.disabled = false; }
    });
    li.append(text, button);
    ul.append(li);
  }
}

async function load() {
  const currency = $('currency').value.trim().toUpperCase();
  status('Loading…');
  try {
    const q = encodeURIComponent(currency);
    const [summary, trend, risk, alerts] = await Promise.all([
      api(`summary?currency=${q}`), api(`trend?months=12&currency=${q}`), api('risk?limit=10'), api('alerts?acknowledged=false&limit=50'),
    ]);
    renderSummary(summary);
    renderTrend(trend);
    renderRisk(risk);
    renderAlerts(alerts);
    $('dashboard').hidden = false;
    status(`Figures in ${currency} from ${summary.from} to ${summary.to}.`);
    document.body.dataset.loaded = 'true';
  } catch (e) {
    status(e.message, true);
  }
}

$('key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  saveKey($('api-key').value);
  $('api-key').value = '';
  load();
});
$('forget').addEventListener('click', () => { forgetKey(); $('dashboard').hidden = true; status('Key forgotten.'); });
if (savedKey()) load();
