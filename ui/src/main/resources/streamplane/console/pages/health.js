// Health: the platform's components (Actuator health), this process's roles, and the engine instances
// that report on pipelines, with links to Swagger UI, the OpenAPI document and the Prometheus endpoint.

import {ApiError, get} from '../lib/api.js';
import {badge, h, replace, table} from '../lib/dom.js';
import {formatAgo} from '../lib/format.js';
import {every} from '../lib/poll.js';
import {loadStatuses} from './pipelines.js';

function components(health, prefix = '') {
  const rows = [];
  for (const [name, component] of Object.entries(health.components || {})) {
    rows.push({name: prefix + name, status: component.status, details: component.details});
    if (component.components) {
      rows.push(...components(component, prefix + name + ' › '));
    }
  }
  return rows;
}

function details(value) {
  if (!value) {
    return '';
  }
  return Object.entries(value).filter(([, v]) => typeof v !== 'object' || v === null)
    .map(([key, v]) => `${key}: ${v}`).join(' · ');
}

/** Engine instances from the pipelines' status: what each runs and when it last reported. */
export function instancesOf(statuses) {
  const instances = new Map();
  for (const status of statuses) {
    for (const instance of status.instances) {
      const known = instances.get(instance.instanceId) || {id: instance.instanceId, pipelines: [], states: new Set(), reportedAt: null};
      known.pipelines.push(status.name);
      known.states.add(instance.state);
      if (!known.reportedAt || instance.reportedAt > known.reportedAt) {
        known.reportedAt = instance.reportedAt;
      }
      instances.set(instance.instanceId, known);
    }
  }
  return [...instances.values()].sort((a, b) => a.id.localeCompare(b.id));
}

async function health() {
  try {
    return await get('actuator/health');
  } catch (error) {
    if (error instanceof ApiError && error.problem && error.problem.components) {
      return error.problem;
    }
    if (error instanceof ApiError && error.status === 503) {
      return {status: 'DOWN', components: {}};
    }
    throw error;
  }
}

export function render(main) {
  const overall = h('div', {class: 'cards', id: 'health-summary'});
  const componentList = h('div', {id: 'health-components'});
  const instanceList = h('div', {id: 'engine-instances'});
  replace(main, h('section', {class: 'page'},
    h('div', {class: 'page-head'}, h('h1', {text: 'Health'}),
      h('nav', {class: 'links'},
        h('a', {href: 'swagger-ui.html', target: '_blank', rel: 'noopener', text: 'Swagger UI'}),
        h('a', {href: 'v3/api-docs', target: '_blank', rel: 'noopener', text: 'OpenAPI document'}),
        h('a', {href: 'actuator/prometheus', target: '_blank', rel: 'noopener', text: 'Prometheus metrics'}),
        h('a', {href: 'actuator/health', target: '_blank', rel: 'noopener', text: 'Health (JSON)'}))),
    overall, h('h2', {text: 'Components'}), componentList, h('h2', {text: 'Engine instances'}), instanceList));
  return every(5000, async () => {
    const [state, info, statuses] = await Promise.all([health(), get('actuator/info'), loadStatuses()]);
    const platform = info.streamplane || {};
    replace(overall,
      h('div', {class: 'card'}, h('div', {class: 'card-title', text: 'Platform'}), h('div', {class: 'card-value'}, badge(state.status))),
      h('div', {class: 'card'}, h('div', {class: 'card-title', text: 'Roles of this process'}),
        h('div', {class: 'card-value small', id: 'roles', text: (platform.roles || []).join(', ') || '–'})),
      h('div', {class: 'card'}, h('div', {class: 'card-title', text: 'Mode'}), h('div', {class: 'card-value small', text: platform.mode || '–'})),
      h('div', {class: 'card'}, h('div', {class: 'card-title', text: 'Kafka'}),
        h('div', {class: 'card-value small', text: (platform.kafka && platform.kafka.bootstrapServers) || '–'})));
    replace(componentList, table([
      {title: 'Component', value: row => row.name},
      {title: 'Status', value: row => badge(row.status)},
      {title: 'Details', value: row => details(row.details), class: 'details'},
    ], components(state), {id: 'components-table'}));
    const instances = instancesOf(statuses);
    replace(instanceList, instances.length === 0 ? h('p', {class: 'muted', text: 'No engine instance reports yet.'}) : table([
      {title: 'Instance', value: i => i.id},
      {title: 'States', value: i => [...i.states].map(state => badge(state))},
      {title: 'Pipelines', value: i => i.pipelines.length + ': ' + i.pipelines.join(', ')},
      {title: 'Last report', value: i => formatAgo(i.reportedAt)},
    ], instances, {id: 'instances-table'}));
  }, error => replace(overall, h('div', {class: 'error-box', text: 'Cannot read the health: ' + error.message})));
}
