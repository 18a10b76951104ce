// Pipelines: every live pipeline with its state and figures, refreshed every 2 seconds. Rows are kept by
// name and only changed cells are rewritten, so hundreds of pipelines stay cheap to refresh. The page marks
// 'pipelines-first-render' once its first full table is painted and measures every redraw ('pipelines-show'),
// which benchmarks/run-console.sh reads.

import {get} from '../lib/api.js';
import {h, replace} from '../lib/dom.js';
import {formatCount, formatRate} from '../lib/format.js';
import {every} from '../lib/poll.js';

const REFRESH_MS = 2000;
const PAGE_SIZE = 100;
const MAX_PAGES = 20;

const COLUMNS = [
  {key: 'state', title: 'State'},
  {key: 'version', title: 'Version', numeric: true},
  {key: 'in', title: 'In/s', numeric: true},
  {key: 'out', title: 'Out/s', numeric: true},
  {key: 'lag', title: 'Lag', numeric: true},
  {key: 'late', title: 'Late', numeric: true},
  {key: 'dead', title: 'Dead letters', numeric: true},
  {key: 'instances', title: 'Instances', numeric: true},
];

/** Every page of GET api/v1/status. */
export async function loadStatuses() {
  const items = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await get(`api/v1/status?page=${page}&size=${PAGE_SIZE}`);
    items.push(...answer.items);
    if (page + 1 >= answer.totalPages) {
      break;
    }
  }
  return items;
}

function cells(status) {
  const totals = status.totals;
  const observed = status.state;
  return {
    state: status.desiredState === observed || status.desiredState === 'RUNNING' && observed === 'PENDING'
      ? observed : `${observed} (wanted ${status.desiredState})`,
    stateClass: 'badge state-' + observed.toLowerCase(),
    version: String(status.latestVersion),
    in: formatRate(totals.recordsInPerSecond),
    out: formatRate(totals.recordsOutPerSecond),
    lag: formatCount(totals.consumerLag),
    late: formatCount(totals.lateRecords),
    dead: formatCount(totals.deadLetters),
    deadClass: totals.deadLetters > 0 ? 'warn' : '',
    instances: String(status.instances.filter(instance => instance.state !== 'STALE').length),
  };
}

function newRow(name) {
  const row = {cells: {}};
  row.element = h('tr', {dataset: {pipeline: name}},
    h('td', {}, h('a', {href: '#/pipelines/' + encodeURIComponent(name), text: name})),
    COLUMNS.map(column => {
      const cell = h('td', {class: column.numeric ? 'num' : ''});
      if (column.key === 'state') {
        row.badge = h('span', {class: 'badge'});
        cell.append(row.badge);
      }
      row.cells[column.key] = cell;
      return cell;
    }));
  return row;
}

function update(row, status) {
  const values = cells(status);
  for (const column of COLUMNS) {
    const target = column.key === 'state' ? row.badge : row.cells[column.key];
    if (target.textContent !== values[column.key]) {
      target.textContent = values[column.key];
    }
  }
  if (row.badge.className !== values.stateClass) {
    row.badge.className = values.stateClass;
  }
  row.cells.dead.classList.toggle('warn', values.deadClass === 'warn');
}

export function render(main) {
  const filter = h('input', {type: 'search', placeholder: 'Filter by name', 'aria-label': 'Filter pipelines by name'});
  const body = h('tbody');
  const summary = h('p', {class: 'muted', id: 'pipelines-summary', text: 'Loading…'});
  const tableElement = h('table', {class: 'pipelines', id: 'pipelines-table'},
    h('thead', {}, h('tr', {}, h('th', {text: 'Pipeline'}), COLUMNS.map(column => h('th', {class: column.numeric ? 'num' : '', text: column.title})))),
    body);
  const empty = h('section', {class: 'empty', hidden: true},
    h('p', {}, 'No pipelines yet. ', h('a', {href: '#/editor', text: 'Write one in the editor'}),
      ', preview it on sample records and register it.'));
  replace(main, h('section', {class: 'page'},
    h('div', {class: 'page-head'}, h('h1', {text: 'Pipelines'}), filter,
      h('a', {class: 'button primary', href: '#/editor', text: 'New pipeline'})),
    summary, tableElement, empty));

  const rows = new Map();
  let statuses = [];
  let rendered = false;
  function show() {
    const started = performance.now();
    const wanted = filter.value.trim().toLowerCase();
    const seen = new Set();
    let previous = null;
    for (const status of statuses) {
      seen.add(status.name);
      let row = rows.get(status.name);
      if (!row) {
        row = newRow(status.name);
        rows.set(status.name, row);
      }
      update(row, status);
      row.element.hidden = wanted !== '' && !status.name.toLowerCase().includes(wanted);
      const expected = previous ? previous.nextSibling : body.firstChild;
      if (expected !== row.element) {
        body.insertBefore(row.element, expected);
      }
      previous = row.element;
    }
    for (const [name, row] of rows) {
      if (!seen.has(name)) {
        row.element.remove();
        rows.delete(name);
      }
    }
    const running = statuses.filter(status => status.state === 'RUNNING').length;
    summary.textContent = `${statuses.length} pipelines, ${running} running · refreshed every ${REFRESH_MS / 1000} s`;
    empty.hidden = statuses.length > 0;
    tableElement.hidden = statuses.length === 0;
    main.dataset.rendered = String(statuses.length);
    performance.measure('pipelines-show', {start: started, end: performance.now()});
    if (!rendered && statuses.length) {
      rendered = true;
      requestAnimationFrame(() => setTimeout(() => performance.mark('pipelines-first-render')));
    }
  }
  filter.addEventListener('input', show);
  return every(REFRESH_MS, async () => {
    statuses = await loadStatuses();
    show();
  }, error => {
    summary.textContent = 'Cannot load the pipelines: ' + error.message;
  });
}
