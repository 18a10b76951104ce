// Features: the feature views of the live pipelines with their definitions; look up one or many entities,
// now or as of an instant, through the Feast-shaped POST /features of the feature server.

import {ApiError, get, json} from '../lib/api.js';
import {badge, h, replace, table} from '../lib/dom.js';
import {formatTime, formatValue} from '../lib/format.js';

const MAX_ENTITIES = 100;

function definitionOf(view) {
  const definition = view.definition || {};
  const scalars = Object.entries(definition).filter(([key, value]) => key !== 'features' && key !== 'name'
    && (typeof value !== 'object' || value === null));
  return h('div', {class: 'definition'},
    h('dl', {class: 'facts'}, h('div', {}, h('dt', {text: 'pipeline'}), h('dd', {}, h('a', {href: '#/pipelines/' + encodeURIComponent(view.pipeline), text: view.pipeline}))),
      scalars.map(([key, value]) => h('div', {}, h('dt', {text: key}), h('dd', {}, h('code', {text: String(value)})))),
      h('div', {}, h('dt', {text: 'newest event'}), h('dd', {text: formatTime(view.newestEvent)}))),
    table([
      {title: 'feature', value: ([name]) => h('code', {text: name})},
      {title: 'aggregate', value: ([, feature]) => h('code', {text: feature.aggregate || formatValue(feature)})},
      {title: 'window', value: ([, feature]) => feature.window || ''},
    ], Object.entries(definition.features || {}), {class: 'feature-definitions'}));
}

/** The rows of a POST /features answer: one per entity, with value, status and time per feature. */
export function rowsOf(answer) {
  const names = answer.metadata.feature_names;
  const results = answer.results;
  const rows = [];
  for (let i = 0; i < results[0].values.length; i++) {
    rows.push(names.map((name, column) => ({name, value: results[column].values[i], status: results[column].statuses[i],
      time: results[column].event_timestamps[i]})));
  }
  return rows;
}

function resultTable(answer) {
  const names = answer.metadata.feature_names;
  const rows = rowsOf(answer);
  return h('table', {class: 'lookup', id: 'lookup-table'},
    h('thead', {}, h('tr', {}, names.map(name => h('th', {text: name})))),
    h('tbody', {}, rows.map(row => h('tr', {}, row.map((cell, i) => i === 0 ? h('td', {}, h('strong', {text: formatValue(cell.value)}))
      : h('td', {class: 'feature-cell', dataset: {feature: cell.name, status: cell.status}},
        h('div', {class: 'value', text: cell.value === null ? '–' : formatValue(cell.value)}),
        badge(cell.status), h('div', {class: 'muted small', text: cell.status === 'NOT_FOUND' ? '' : formatTime(cell.time)})))))));
}

function lookupForm(view, out) {
  const entities = h('input', {type: 'text', id: 'lookup-entities', size: 40,
    placeholder: `${view.definition.entity} values, e.g. u1, u2`, 'aria-label': 'Entities'});
  const asOf = h('input', {type: 'text', id: 'lookup-as-of', size: 26, placeholder: 'now, or e.g. 2026-01-01T12:00:00Z',
    'aria-label': 'As of (ISO-8601 instant)'});
  const form = h('form', {class: 'toolbar', id: 'lookup-form'},
    h('label', {}, `${view.definition.entity} `, entities), h('label', {}, 'as of ', asOf),
    h('button', {type: 'submit', class: 'primary', id: 'lookup-button', text: 'Look up'}));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const keys = entities.value.split(/[\s,]+/).filter(Boolean);
    if (!keys.length || keys.length > MAX_ENTITIES) {
      replace(out, h('div', {class: 'error-box', text: `Give between 1 and ${MAX_ENTITIES} entities, separated by commas or spaces.`}));
      return;
    }
    const body = {view: view.name, entities: {[view.definition.entity]: keys}};
    if (asOf.value.trim()) {
      body.as_of = asOf.value.trim();
    }
    replace(out, h('p', {class: 'muted', text: 'Reading…'}));
    try {
      replace(out, resultTable(await json('POST', 'features', body)));
    } catch (error) {
      const hint = error instanceof ApiError && error.status === 404 && !error.problem
        ? 'No feature server answers /features on this address; read the features from the feature server role.' : '';
      replace(out, h('div', {class: 'error-box'}, error.message, hint ? h('p', {text: hint}) : null));
    }
  });
  return form;
}

export function render(main, params) {
  const list = h('div', {class: 'views', id: 'feature-views'}, h('p', {class: 'muted', text: 'Loading…'}));
  const detail = h('div', {class: 'view-detail'});
  replace(main, h('section', {class: 'page'}, h('div', {class: 'page-head'}, h('h1', {text: 'Features'})),
    h('div', {class: 'features-layout'}, list, detail)));
  get('api/v1/feature-views').then(views => {
    if (!views.length) {
      replace(list, h('p', {class: 'empty'}, 'No feature views yet: a pipeline defines them in its ',
        h('code', {text: 'features:'}), ' section.'));
      return;
    }
    replace(list, table([
      {title: 'View', value: v => h('a', {href: '#/features/' + encodeURIComponent(v.name), text: v.name,
        class: v.name === params.view ? 'active' : ''})},
      {title: 'Entity', value: v => v.definition.entity},
      {title: 'Features', value: v => Object.keys(v.definition.features || {}).join(', ')},
      {title: 'Pipeline', value: v => v.pipeline},
      {title: 'Newest event', value: v => formatTime(v.newestEvent)},
    ], views, {id: 'feature-views-table'}));
    const view = views.find(v => v.name === params.view) || (views.length === 1 ? views[0] : null);
    if (!view) {
      replace(detail, h('p', {class: 'muted', text: 'Choose a view to see its definition and look up entities.'}));
      return;
    }
    const out = h('div', {class: 'lookup-result', id: 'lookup-result'});
    replace(detail, h('h2', {}, 'View ', h('code', {text: view.name})), definitionOf(view),
      h('h3', {text: 'Look up entities'}), lookupForm(view, out), out);
  }).catch(error => replace(list, h('div', {class: 'error-box', text: error.message})));
}
