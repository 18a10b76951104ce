// One pipeline: overview (state, figures, chart, instances), topology, spec and versions (with a diff),
// dead letters; actions pause, resume, deploy a new version, delete.

import {ApiError, get, getText, mutate, seg} from '../lib/api.js';
import {badge, h, replace, table, toast} from '../lib/dom.js';
import {diffLines} from '../lib/diff.js';
import {formatAgo, formatCount, formatRate, formatTime} from '../lib/format.js';
import {every} from '../lib/poll.js';
import {confirmAction} from '../lib/token.js';
import {throughputChart} from '../widgets/chart.js';
import {topologyView} from '../widgets/topology.js';

const TABS = [
  {id: 'overview', title: 'Overview'},
  {id: 'topology', title: 'Topology'},
  {id: 'spec', title: 'Spec and versions'},
  {id: 'dead-letters', title: 'Dead letters'},
];

function problem(error) {
  return h('div', {class: 'error-box'}, h('strong', {text: error instanceof ApiError ? `${error.status}: ` : ''}),
    error.message);
}

function card(title, value, id) {
  return h('div', {class: 'card'}, h('div', {class: 'card-title', text: title}), h('div', {class: 'card-value', id, text: value}));
}

function overview(container, name) {
  const head = h('div', {class: 'cards'});
  const chart = throughputChart();
  const instances = h('div');
  const views = h('div');
  replace(container, head, h('h2', {text: 'Throughput and lag, last 15 minutes'}), chart.element,
    h('h2', {text: 'Instances'}), instances, views);
  async function load() {
    const [status, history] = await Promise.all([
      get(`api/v1/pipelines/${seg(name)}/status`),
      get(`api/v1/pipelines/${seg(name)}/status/history`),
    ]);
    const totals = status.totals;
    replace(head,
      h('div', {class: 'card'}, h('div', {class: 'card-title', text: 'State'}), h('div', {class: 'card-value', id: 'observed-state'}, badge(status.state))),
      card('Records in/s', formatRate(totals.recordsInPerSecond), 'records-in'),
      card('Records out/s', formatRate(totals.recordsOutPerSecond), 'records-out'),
      card('Lag', formatCount(totals.consumerLag), 'lag'),
      card('Late', formatCount(totals.lateRecords), 'late'),
      card('Dead letters', formatCount(totals.deadLetters), 'dead-letter-count'));
    chart.update(history.samples);
    replace(instances, status.instances.length === 0
      ? h('p', {class: 'muted', text: 'No engine instance reports on this pipeline yet.'})
      : table([
        {title: 'Instance', value: i => i.instanceId},
        {title: 'Version', value: i => String(i.version), class: 'num'},
        {title: 'State', value: i => badge(i.state)},
        {title: 'In/s', value: i => formatRate(i.recordsInPerSecond), class: 'num'},
        {title: 'Out/s', value: i => formatRate(i.recordsOutPerSecond), class: 'num'},
        {title: 'Lag', value: i => formatCount(i.consumerLag), class: 'num'},
        {title: 'Late', value: i => formatCount(i.lateRecords), class: 'num'},
        {title: 'Dead letters', value: i => formatCount(i.deadLetters), class: 'num'},
        {title: 'Last error', value: i => i.lastError ? `${i.lastError} (${formatAgo(i.lastErrorAt)})` : '–'},
        {title: 'Reported', value: i => formatAgo(i.reportedAt)},
      ], status.instances, {id: 'instances-table'}));
    const viewNames = Object.keys(status.featureViews || {});
    replace(views, viewNames.length === 0 ? null : [h('h2', {text: 'Feature views'}),
      table([
        {title: 'View', value: view => h('a', {href: '#/features/' + encodeURIComponent(view), text: view})},
        {title: 'Newest event in its tiles', value: view => formatTime(status.featureViews[view])},
      ], viewNames)]);
  }
  const stop = every(2000, load, error => replace(head, problem(error)));
  return () => {
    stop();
    chart.destroy();
  };
}

async function topology(container, name) {
  replace(container, h('p', {class: 'muted', text: 'Compiling the topology…'}));
  try {
    const graph = await get(`api/v1/pipelines/${seg(name)}/topology`);
    replace(container, topologyView(graph));
  } catch (error) {
    replace(container, problem(error));
  }
}

function numbered(text, className) {
  return h('pre', {class: ['code', className]}, text.split('\n').map((line, i) =>
    h('span', {class: 'line'}, h('span', {class: 'ln', text: String(i + 1)}), line + '\n')));
}

async function spec(container, name, latest) {
  const versions = await get(`api/v1/pipelines/${seg(name)}/versions`);
  const shown = h('select', {id: 'spec-version', 'aria-label': 'Version shown'},
    versions.slice().reverse().map(v => h('option', {value: v.version, text: `version ${v.version} · ${formatTime(v.createdAt)} · ${v.createdBy}`})));
  const compare = h('select', {id: 'compare-version', 'aria-label': 'Compare with version'},
    h('option', {value: '', text: 'no comparison'}),
    versions.slice().reverse().map(v => h('option', {value: v.version, text: `compare with version ${v.version}`})));
  const body = h('div');
  const text = version => getText(`api/v1/pipelines/${seg(name)}/source?version=${version}`);
  async function show() {
    const current = await text(shown.value);
    if (!compare.value || compare.value === shown.value) {
      replace(body, numbered(current, 'spec-source'));
      return;
    }
    const lines = diffLines(await text(compare.value), current);
    if (!lines) {
      replace(body, h('p', {class: 'muted', text: 'These versions are too long to compare line by line.'}));
      return;
    }
    const changed = lines.filter(line => line.op !== ' ').length;
    replace(body, h('p', {class: 'muted', text: `${changed} lines differ between version ${compare.value} and version ${shown.value}`}),
      h('pre', {class: 'code diff', id: 'spec-diff'}, lines.map(line =>
        h('span', {class: ['line', line.op === '+' ? 'added' : line.op === '-' ? 'removed' : '']},
          h('span', {class: 'ln', text: line.oldLine || ''}), h('span', {class: 'ln', text: line.newLine || ''}),
          line.op + ' ' + line.text + '\n'))));
  }
  shown.addEventListener('change', show);
  compare.addEventListener('change', show);
  if (versions.length > 1) {
    compare.value = String(latest - 1);
  }
  replace(container, h('div', {class: 'toolbar'}, shown, compare,
    h('a', {class: 'button', href: '#/editor/' + encodeURIComponent(name), text: 'Edit as a new version'})), body);
  await show();
}

async function deadLetters(container, name) {
  const list = h('div', {}, h('p', {class: 'muted', text: 'Reading the dead-letter topic…'}));
  const refresh = h('button', {type: 'button', text: 'Refresh', onClick: () => load()});
  replace(container, h('div', {class: 'toolbar'}, refresh,
    h('span', {class: 'muted', text: 'The last 50 records of the dead-letter topic, newest first.'})), list);
  async function load() {
    try {
      const answer = await get(`api/v1/pipelines/${seg(name)}/dead-letters?limit=50`);
      replace(list, h('p', {class: 'muted'}, 'Topic ', h('code', {text: answer.topic}),
        answer.complete ? '' : ' (read cut short by its time budget: some recent records may be missing)'),
      answer.records.length === 0 ? h('p', {class: 'empty', text: 'No dead letters. Every record was processed.'})
        : table([
          {title: 'Time', value: r => formatTime(r.timestamp)},
          {title: 'Step', value: r => h('code', {text: r.step || '–'})},
          {title: 'Reason', value: r => r.reason || '–', class: 'reason'},
          {title: 'Late', value: r => r.late ? 'late' : ''},
          {title: 'Key', value: r => h('code', {text: r.key === undefined ? 'null' : r.key})},
          {title: 'Value', value: r => h('code', {class: 'value', text: (r.value || '') + (r.truncated ? ' …' : '')})},
          {title: 'Partition/offset', value: r => `${r.partition}/${r.offset}`, class: 'num'},
        ], answer.records, {id: 'dead-letters-table'}));
    } catch (error) {
      replace(list, problem(error));
    }
  }
  await load();
}

async function act(action, name, after) {
  try {
    if (action === 'delete') {
      const sure = await confirmAction(`Delete pipeline ${name}? Engines stop it and remove its state; `
        + 'its versions and audit trail are kept, and the name can be registered again.', 'Delete');
      if (!sure) {
        return;
      }
      await mutate('DELETE', `api/v1/pipelines/${seg(name)}`);
      toast(`Pipeline ${name} deleted`);
      location.hash = '#/pipelines';
      return;
    }
    const details = await mutate('POST', `api/v1/pipelines/${seg(name)}/${action}`);
    toast(`Pipeline ${name}: desired state ${details.desiredState}`);
    after(details);
  } catch (error) {
    toast(`Cannot ${action} ${name}: ${error.message}`, 'error');
  }
}

export function render(main, params) {
  const name = params.name;
  const tab = TABS.some(t => t.id === params.tab) ? params.tab : 'overview';
  const content = h('div', {class: 'tab-content', id: 'tab-' + tab});
  const head = h('div', {class: 'page-head'}, h('h1', {text: name}));
  replace(main, h('section', {class: 'page'}, head,
    h('nav', {class: 'tabs'}, TABS.map(t => h('a', {href: `#/pipelines/${encodeURIComponent(name)}/${t.id}`,
      class: t.id === tab ? 'active' : '', id: 'tab-link-' + t.id, text: t.title}))),
    content));
  let stop = null;
  let left = false;
  function actions(details) {
    const paused = details.desiredState === 'PAUSED';
    replace(head, h('h1', {text: name}),
      h('span', {class: 'muted', id: 'desired-state'}, 'wanted ', badge(details.desiredState), ` · version ${details.latestVersion}`),
      h('div', {class: 'actions'},
        paused ? h('button', {type: 'button', id: 'resume-button', text: 'Resume', onClick: () => act('resume', name, actions)})
          : h('button', {type: 'button', id: 'pause-button', text: 'Pause', onClick: () => act('pause', name, actions)}),
        h('a', {class: 'button', id: 'deploy-button', href: '#/editor/' + encodeURIComponent(name), text: 'Deploy new version'}),
        h('button', {type: 'button', class: 'danger', id: 'delete-button', text: 'Delete', onClick: () => act('delete', name, actions)})));
    return details;
  }
  get(`api/v1/pipelines/${seg(name)}`).then(details => {
    if (left) {
      return;
    }
    actions(details);
    if (tab === 'overview') {
      stop = overview(content, name);
    } else if (tab === 'topology') {
      topology(content, name);
    } else if (tab === 'spec') {
      spec(content, name, details.latestVersion).catch(error => replace(content, problem(error)));
    } else {
      deadLetters(content, name);
    }
  }).catch(error => replace(content, problem(error)));
  return () => {
    left = true;
    if (stop) {
      stop();
    }
  };
}
