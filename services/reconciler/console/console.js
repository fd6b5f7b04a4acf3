// The operator console: plain JavaScript over /console/api/ (see docs/console.md). Every value
// from the server is written with textContent, never as HTML.
'use strict';

const $ = (selector) => document.querySelector(selector);
const REFRESH_MS = 3000;
let view = 'dashboard';
let timelineOrder = null;
let refreshTimer = null;

class Unauthorized extends Error {}

async function api(path, form) {
  const options = form ? { method: 'POST', body: new URLSearchParams(form) } : {};
  const response = await fetch('/console/api/' + path, { credentials: 'same-origin', ...options });
  if (response.status === 401) throw new Unauthorized();
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function row(cells) {
  const tr = document.createElement('tr');
  for (const cell of cells) tr.append(cell instanceof Node ? wrap(cell) : element('td', cell));
  return tr;
}

function wrap(node) {
  if (node.tagName === 'TD') return node;
  const td = document.createElement('td');
  td.append(node);
  return td;
}

function when(text) {
  return text ? new Date(text).toLocaleString() : '—';
}

function status(text, isError) {
  $('#status').textContent = text || '';
  $('#status').className = isError ? 'error' : 'note';
}

// ---- dashboard

async function showDashboard() {
  const summary = await api('summary');
  const cards = $('#state-counts');
  cards.replaceChildren();
  const states = Object.entries(summary.orders).sort();
  states.push(['open alerts', summary.open_alerts]);
  for (const [state, n] of states) {
    const bad = ['needs_review', 'failed', 'in_doubt', 'open alerts'].includes(state) && n > 0;
    const card = element('div', null, 'card' + (bad ? ' bad' : state === 'posted' ? ' good' : ''));
    card.append(element('div', n, 'n'), element('div', state.replace('_', ' ')));
    cards.append(card);
  }
  const health = $('#sync-health');
  health.replaceChildren();
  const add = (term, value) => health.append(element('dt', term), element('dd', value));
  const sync = summary.sync;
  for (const poll of sync.polls || []) add('ShipStation ' + poll.stream + ' (' + poll.api_key_id + ')', 'synced up to ' + when(poll.watermark) + ', last advanced ' + when(poll.updated_at));
  if (!sync.polls) add('ShipStation polls', 'not visible from this database');
  const session = sync.last_session;
  add('Last QuickBooks session', session ? when(session.started_at) + ' · ' + session.state + (session.end_reason ? ' (' + session.end_reason + ')' : '') + ' · ' + session.responses_received + '/' + session.requests_sent + ' answered' + (session.last_error ? ' · ' + session.last_error : '') : 'none yet');
  add('Waiting for QuickBooks', sync.quickbooks_queue === null ? 'not visible from this database' : sync.quickbooks_queue + ' requests');
  add('Reconciler messages not yet published', summary.unsent_messages);
}

// ---- orders, timeline, retry

async function showOrders() {
  const orders = await api('orders?state=' + encodeURIComponent($('#order-states').value));
  const body = $('#order-table tbody');
  body.replaceChildren();
  for (const order of orders) {
    const actions = element('td');
    const timeline = element('button', 'Timeline', 'link');
    timeline.addEventListener('click', () => openTimeline(order.posting_key));
    actions.append(timeline);
    if (['needs_review', 'failed', 'in_doubt'].includes(order.state)) {
      const retry = element('button', 'Retry', 'retry');
      retry.dataset.key = order.posting_key;
      retry.addEventListener('click', () => retryOrder(order.posting_key, retry));
      actions.append(' ', retry);
    }
    const tr = row([order.order_number || '', order.posting_key, element('span', order.state, 'state ' + order.state),
                    order.reason, when(order.updated_at), actions]);
    tr.dataset.key = order.posting_key;
    body.append(tr);
  }
  $('#orders-note').textContent = orders.length + (orders.length === 500 ? '+ (newest 500)' : '') + ' orders';
  if (timelineOrder) await showTimeline();
}

async function retryOrder(key, button) {
  button.disabled = true;
  try {
    const answer = await api('retry', { order: key });
    status('Re-validating ' + answer.posting_keys.join(', ') + ': QuickBooks is asked again at its next Web Connector session.');
    await openTimeline(key);
  } catch (error) {
    if (error instanceof Unauthorized) throw error;
    status('Retry of ' + key + ' failed: ' + error.message, true);
    button.disabled = false;
  }
}

async function openTimeline(key) {
  timelineOrder = key;
  await showTimeline();
  $('#timeline').scrollIntoView({ block: 'nearest' });
}

async function showTimeline() {
  const timeline = await api('timeline?order=' + encodeURIComponent(timelineOrder));
  $('#timeline').hidden = false;
  $('#timeline-order').textContent = timelineOrder;
  const states = $('#timeline-states');
  states.replaceChildren();
  for (const order of timeline.orders) {
    states.append(order.posting_key + ': ', element('span', order.state, 'state ' + order.state));
    if (order.reason) states.append(' — ' + order.reason);
    if (order.txn_id) states.append(' · QuickBooks TxnID ' + order.txn_id);
    states.append(element('br'));
  }
  const list = $('#timeline-events');
  list.replaceChildren();
  for (const event of timeline.events) {
    const item = element('li');
    item.append(element('strong', event.kind), ' · ' + event.service + ' · ' + when(event.occurred_at), element('br'),
                element('code', JSON.stringify(event.detail)));
    list.append(item);
  }
}

// ---- alerts

async function showAlerts() {
  const alerts = await api('alerts?open=' + ($('#alerts-all').checked ? '0' : '1'));
  const body = $('#alert-table tbody');
  body.replaceChildren();
  for (const alert of alerts) {
    const actions = element('td');
    if (alert.state === 'open') {
      const why = element('input');
      why.placeholder = 'what was done';
      const resolve = element('button', 'Resolve');
      resolve.addEventListener('click', () => resolveAlert(alert.alert_id, why.value));
      actions.append(why, ' ', resolve);
    } else {
      actions.textContent = 'by ' + (alert.resolved_by || '?') + ': ' + (alert.resolution || '');
    }
    body.append(row([when(alert.raised_at), alert.kind + ' (' + alert.severity + ')', alert.order_number || '',
                     alert.message, alert.state, actions]));
  }
}

async function resolveAlert(id, why) {
  const by = $('#resolver').value.trim();
  if (!by || !why.trim()) return status('Say who resolves the alert and what was done.', true);
  localStorage.setItem('ml-console-resolver', by);
  await api('resolve', { alert_id: id, by, why: why.trim() });
  status('Alert ' + id + ' resolved.');
  await showAlerts();
}

// ---- month-end report

async function showReport() {
  const report = await api('report?from=' + $('#report-from').value + '&to=' + $('#report-to').value);
  const body = $('#report-days tbody');
  body.replaceChildren();
  const total = { shipped: 0, shippedAmount: 0, posted: 0, postedAmount: 0 };
  for (const day of report.days) {
    body.append(row([day.day, number(day.shipped), number(day.shipped_amount), number(day.posted), number(day.posted_amount)]));
    total.shipped += day.shipped;
    total.shippedAmount += Number(day.shipped_amount);
    total.posted += day.posted;
    total.postedAmount += Number(day.posted_amount);
  }
  $('#report-days tfoot').replaceChildren(row([element('th', 'total'), number(total.shipped), number(total.shippedAmount.toFixed(2)),
                                                number(total.posted), number(total.postedAmount.toFixed(2))]));
  const failures = $('#report-failures tbody');
  failures.replaceChildren();
  for (const failure of report.failures)
    failures.append(row([failure.posting_key, failure.ship_date, number(failure.amount),
                         element('span', failure.state, 'state ' + failure.state), failure.reason]));
  $('#report-chart').replaceChildren(chart(report.days));
}

function number(value) {
  return element('td', value, 'number');
}

// Bars per day: shipped amount (light) next to posted amount (green), as inline SVG.
function chart(days) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = (tag, attributes, text) => {
    const node = document.createElementNS(ns, tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const width = 1000, height = 260, left = 60, bottom = 30, top = 24;
  const max = Math.max(1, ...days.flatMap((d) => [Number(d.shipped_amount), Number(d.posted_amount)]));
  const step = (width - left - 10) / Math.max(1, days.length);
  const y = (amount) => top + (height - top - bottom) * (1 - amount / max);
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'shipped and posted amounts per day' });
  for (const fraction of [0, 0.5, 1]) {
    root.append(svg('line', { x1: left, x2: width - 10, y1: y(max * fraction), y2: y(max * fraction), stroke: '#e3e7ec' }));
    root.append(svg('text', { x: left - 6, y: y(max * fraction) + 3, 'text-anchor': 'end', class: 'axis' }, (max * fraction).toFixed(0)));
  }
  days.forEach((day, i) => {
    const x = left + i * step;
    const bar = (amount, offset, kind) => {
      const rect = svg('rect', { x: x + offset, y: y(amount), width: Math.max(1, step * 0.4), height: y(0) - y(amount), class: 'bar-' + kind });
      rect.append(svg('title', {}, `${day.day} ${kind} ${amount}`));
      root.append(rect);
    };
    bar(Number(day.shipped_amount), step * 0.1, 'shipped');
    bar(Number(day.posted_amount), step * 0.5, 'posted');
    if (days.length <= 16 || i % 2 === 0) root.append(svg('text', { x: x + step / 2, y: height - 12, 'text-anchor': 'middle', class: 'axis' }, day.day.slice(8)));
  });
  root.append(svg('rect', { x: left, y: 6, width: 10, height: 10, class: 'legend-shipped' }),
              svg('text', { x: left + 14, y: 15, class: 'axis' }, 'shipped in ShipStation'),
              svg('rect', { x: left + 150, y: 6, width: 10, height: 10, class: 'legend-posted' }),
              svg('text', { x: left + 164, y: 15, class: 'axis' }, 'posted in QuickBooks'));
  return root;
}

// ---- navigation, login, refresh

const views = { dashboard: showDashboard, orders: showOrders, alerts: showAlerts, report: showReport };

async function show(name) {
  view = name;
  for (const section of document.querySelectorAll('.view')) section.hidden = section.id !== name;
  for (const tab of document.querySelectorAll('#tabs button[data-view]')) tab.classList.toggle('active', tab.dataset.view === name);
  history.replaceState(null, '', '#' + name);
  await refresh();
}

async function refresh() {
  clearTimeout(refreshTimer);
  try {
    await views[view]();
    if (!$('#status').classList.contains('error')) status('Updated ' + new Date().toLocaleTimeString());
  } catch (error) {
    if (error instanceof Unauthorized) return showLogin();
    status(error.message, true);
  }
  if (view !== 'report') refreshTimer = setTimeout(refresh, REFRESH_MS);
}

function showLogin() {
  clearTimeout(refreshTimer);
  $('#tabs').hidden = true;
  for (const section of document.querySelectorAll('.view')) section.hidden = true;
  $('#login').hidden = false;
  $('#token').focus();
}

async function start() {
  try {
    const session = await api('session');
    $('#login').hidden = true;
    $('#tabs').hidden = false;
    if (session.rabbit_ui_url) {
      $('#rabbit-link').href = session.rabbit_ui_url;
      $('#rabbit-link').hidden = false;
    }
    const requested = location.hash.slice(1);
    await show(views[requested] ? requested : 'dashboard');
  } catch (error) {
    if (error instanceof Unauthorized) return showLogin();
    status(error.message, true);
  }
}

function defaultMonth() {
  const today = new Date();
  const first = new Date(today.getFullYear(), today.getMonth(), 1);
  const last = new Date(today.getFullYear(), today.getMonth() + 1, 0);
  const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  $('#report-from').value = iso(first);
  $('#report-to').value = iso(last);
}

document.addEventListener('DOMContentLoaded', () => {
  $('#login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const response = await fetch('/console/login', { method: 'POST', body: $('#token').value, credentials: 'same-origin' });
    $('#login-error').textContent = response.ok ? '' : 'That is not the console token.';
    if (response.ok) {
      $('#token').value = '';
      await start();
    }
  });
  $('#logout').addEventListener('click', async () => {
    await fetch('/console/logout', { method: 'POST', credentials: 'same-origin' });
    showLogin();
  });
  for (const tab of document.querySelectorAll('#tabs button[data-view]')) tab.addEventListener('click', () => show(tab.dataset.view));
  $('#order-states').addEventListener('change', refresh);
  $('#alerts-all').addEventListener('change', refresh);
  $('#report-form').addEventListener('submit', (event) => { event.preventDefault(); refresh(); });
  $('#resolver').value = localStorage.getItem('ml-console-resolver') || '';
  defaultMonth();
  start();
});
