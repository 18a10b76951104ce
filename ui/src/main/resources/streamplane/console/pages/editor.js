// Editor: write a spec in YAML (or JSON) with live validation, every problem shown at its line and path;
// preview it on sample records pasted or uploaded as JSON lines; register it, or deploy it as a new version.

import {ApiError, getText, mutate, request, seg, specType} from '../lib/api.js';
import {h, replace, table, toast} from '../lib/dom.js';
import {formatValue} from '../lib/format.js';
import {specEditor} from '../widgets/yaml-editor.js';

const VALIDATE_DELAY_MS = 400;
const MAX_COLUMNS = 12;

const TEMPLATE = `# A pipeline: read payments, keep the large ones, flag them, write them out.
name: large-payments
description: Flags payments of 100 or more.
sources:
  payments:
    kafka: { topic: payments, format: json }
    eventTime: { field: ts, unit: seconds }
    fields: { ts: int, user_id: string, amount: double }
transforms:
  large:
    from: payments
    steps:
      - filter: "amount >= 100.0"
      - set: { flagged: "true" }
outputs:
  - { from: large, kafka: { topic: large-payments, format: json } }
`;

const SAMPLE = `{"ts": 0, "user_id": "u1", "amount": 120.0}
{"ts": 5, "user_id": "u2", "amount": 20.0}
{"ts": 9, "user_id": "u1", "amount": "lots"}
`;

/** The preview inputs of JSON lines: full inputs ({topic|table, key, value}) as they are, other values for topic. */
export function inputsOf(lines, topic) {
  const inputs = [];
  const errors = [];
  lines.split('\n').forEach((line, i) => {
    if (!line.trim()) {
      return;
    }
    try {
      const value = JSON.parse(line);
      const full = value && typeof value === 'object' && !Array.isArray(value) && ('topic' in value || 'table' in value)
        && ('value' in value || value.op === 'delete');
      inputs.push(full ? value : {topic, key: null, value});
    } catch (error) {
      errors.push(`line ${i + 1}: not JSON (${error.message})`);
    }
  });
  return {inputs, errors};
}

function topicsOf(spec) {
  const topics = [];
  for (const section of ['sources', 'tables']) {
    for (const definition of Object.values((spec && spec[section]) || {})) {
      if (definition && definition.kafka && definition.kafka.topic) {
        topics.push(definition.kafka.topic);
      }
    }
  }
  return topics;
}

function outputTable(topic, records) {
  const fields = [];
  for (const record of records) {
    if (record.value && typeof record.value === 'object' && !Array.isArray(record.value)) {
      Object.keys(record.value).forEach(key => fields.includes(key) || fields.length >= MAX_COLUMNS || fields.push(key));
    }
  }
  const columns = [{title: 'key', value: record => formatValue(record.key)},
    {title: 'timestamp', value: record => record.timestamp || '', class: 'timestamp'}];
  if (fields.length) {
    fields.forEach(field => columns.push({title: field, value: record => record.value && field in record.value ? formatValue(record.value[field]) : ''}));
  } else {
    columns.push({title: 'value', value: record => formatValue(record.value)});
  }
  return h('div', {class: 'preview-output'}, h('h3', {}, 'Output ', h('code', {text: topic}), ` · ${records.length} records`),
    records.length ? table(columns, records, {class: 'output-table', dataset: {topic}}) : h('p', {class: 'muted', text: 'nothing written'}));
}

function deadLetterTable(deadLetters) {
  return h('div', {class: 'preview-dead-letters'}, h('h3', {text: `Dead letters · ${deadLetters.length} records`}),
    deadLetters.length ? table([
      {title: 'step', value: d => h('code', {text: d.step})},
      {title: 'reason', value: d => d.reason, class: 'reason'},
      {title: 'late', value: d => d.late ? 'late' : ''},
      {title: 'key', value: d => formatValue(d.key)},
      {title: 'value', value: d => h('code', {text: formatValue(d.value)})},
    ], deadLetters, {id: 'preview-dead-letters'}) : h('p', {class: 'muted', text: 'none'}));
}

export function render(main, params) {
  const existing = params.name;
  const status = h('div', {class: 'validation', id: 'validation-status', text: 'Checking…'});
  const problems = h('ol', {class: 'problems', id: 'problems'});
  const register = h('button', {type: 'button', class: 'primary', id: 'register-button', disabled: true,
    text: existing ? 'Deploy as a new version' : 'Register'});
  const topic = h('select', {id: 'preview-topic', 'aria-label': 'Topic of plain sample records'});
  const samples = h('textarea', {class: 'samples', id: 'preview-records', spellcheck: 'false', wrap: 'off',
    'aria-label': 'Sample records, one JSON value per line'});
  samples.value = existing ? '' : SAMPLE;
  const upload = h('input', {type: 'file', id: 'preview-file', accept: '.jsonl,.ndjson,.json,.txt,application/json'});
  const results = h('div', {class: 'preview-results', id: 'preview-results'});
  const previewButton = h('button', {type: 'button', id: 'preview-button', text: 'Preview'});
  let lastSpec = null;
  let sequence = 0;
  let timer = null;

  const editor = specEditor(existing ? '' : TEMPLATE, () => {
    clearTimeout(timer);
    timer = setTimeout(validate, VALIDATE_DELAY_MS);
  });

  function showProblems(errors) {
    const byLine = new Map();
    errors.forEach(error => error.line && byLine.set(error.line, [...(byLine.get(error.line) || []), error.message]));
    editor.mark(byLine);
    replace(problems, errors.map(error => h('li', {class: 'problem', dataset: {line: error.line || '', path: error.path}},
      error.line ? h('a', {href: '#', class: 'line-link', text: `line ${error.line}`,
        onClick: event => { event.preventDefault(); editor.selectLine(error.line); }}) : h('span', {class: 'line-link', text: 'document'}),
      ' ', error.path ? h('code', {text: error.path}) : null, ' ', h('span', {text: error.message}))));
  }

  async function validate() {
    const mine = ++sequence;
    const text = editor.text();
    try {
      const answer = await request('api/v1/pipelines/validate', {method: 'POST', body: text, contentType: specType(text)});
      if (mine !== sequence) {
        return;
      }
      lastSpec = answer.spec;
      status.className = 'validation valid';
      status.textContent = existing && answer.name !== existing
        ? `Valid, but named ${answer.name}: a new version of ${existing} must keep its name`
        : `Valid: pipeline ${answer.name}`;
      register.disabled = Boolean(existing && answer.name !== existing);
      showProblems([]);
      const topics = topicsOf(answer.spec);
      const chosen = topic.value;
      replace(topic, topics.map(name => h('option', {value: name, text: name})));
      if (topics.includes(chosen)) {
        topic.value = chosen;
      }
    } catch (error) {
      if (mine !== sequence) {
        return;
      }
      lastSpec = null;
      register.disabled = true;
      const errors = error instanceof ApiError ? error.errors : [{path: '', message: error.message}];
      status.className = 'validation invalid';
      status.textContent = errors.length === 1 ? '1 problem' : `${errors.length} problems`;
      showProblems(errors);
    }
  }

  async function preview() {
    const {inputs, errors} = inputsOf(samples.value, topic.value);
    if (errors.length) {
      replace(results, h('div', {class: 'error-box'}, errors.join('; ')));
      return;
    }
    const text = editor.text();
    const spec = specType(text) === 'application/json' ? JSON.parse(text) : text;
    replace(results, h('p', {class: 'muted', text: 'Running the pipeline on ' + inputs.length + ' records…'}));
    try {
      const answer = await request('api/v1/preview', {method: 'POST', contentType: 'application/json',
        body: JSON.stringify({spec, inputs})});
      replace(results, Object.entries(answer.outputs).map(([name, records]) => outputTable(name, records)),
        deadLetterTable(answer.deadLetters));
      results.dataset.done = String(Date.now());
    } catch (error) {
      const list = error instanceof ApiError ? error.errors : [{path: '', message: error.message}];
      replace(results, h('div', {class: 'error-box'}, h('strong', {text: 'Preview failed: '}),
        h('ul', {}, list.map(e => h('li', {text: (e.path ? e.path + ': ' : '') + e.message})))));
    }
  }

  async function save() {
    const text = editor.text();
    register.disabled = true;
    try {
      const details = existing
        ? await mutate('PUT', `api/v1/pipelines/${seg(existing)}`, text, specType(text))
        : await mutate('POST', 'api/v1/pipelines', text, specType(text));
      toast(existing ? `Deployed ${details.name} version ${details.version}` : `Registered ${details.name}`);
      location.hash = '#/pipelines/' + encodeURIComponent(details.name);
    } catch (error) {
      register.disabled = false;
      const list = error instanceof ApiError ? error.errors : [{path: '', message: error.message}];
      status.className = 'validation invalid';
      status.textContent = 'Not saved: ' + error.message;
      if (error instanceof ApiError && error.status === 400) {
        showProblems(list);
      }
    }
  }

  upload.addEventListener('change', async () => {
    if (upload.files.length) {
      samples.value = await upload.files[0].text();
    }
  });
  previewButton.addEventListener('click', preview);
  register.addEventListener('click', save);

  replace(main, h('section', {class: 'page editor-page'},
    h('div', {class: 'page-head'}, h('h1', {text: existing ? `New version of ${existing}` : 'New pipeline'}), register),
    h('div', {class: 'editor-layout'},
      h('div', {class: 'editor-column'},
        h('p', {class: 'muted'}, 'YAML or JSON, as in the ', h('a', {href: 'v3/api-docs', text: 'API'}),
          '; problems are checked as you type.'),
        editor.element, status, problems),
      h('div', {class: 'preview-column'},
        h('h2', {text: 'Preview on sample records'}),
        h('p', {class: 'muted'}, 'One JSON value per line, read from the chosen topic; or whole inputs like ',
          h('code', {text: '{"topic": "payments", "key": "u1", "value": {...}}'}), ' or ',
          h('code', {text: '{"table": "users", "key": "u1", "value": {...}}'}), '. Nothing is saved or deployed.'),
        h('div', {class: 'toolbar'}, h('label', {}, 'Topic ', topic), h('label', {class: 'file'}, 'Load a file ', upload), previewButton),
        samples, results))));

  if (existing) {
    getText(`api/v1/pipelines/${seg(existing)}/source`).then(text => editor.setText(text))
      .catch(error => { status.className = 'validation invalid'; status.textContent = error.message; });
  } else {
    validate();
  }
  return () => clearTimeout(timer);
}
