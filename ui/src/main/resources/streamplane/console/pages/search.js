// Search: the live vector indexes of the rag-indexer with their statistics (GET /search, GET /search/{index}),
// and queries (POST /search/{index}) in vector, keyword or hybrid mode with a metadata filter. Searches send
// the search service's read token, never the admin token, which does not apply to them.

import {ApiError, request, seg} from '../lib/api.js';
import {h, replace, table} from '../lib/dom.js';
import {formatCount, formatTime, formatValue} from '../lib/format.js';
import {readToken, setReadToken} from '../lib/token.js';

const MODES = ['hybrid', 'vector', 'keyword'];

function search(path, body) {
  const options = {bearer: readToken()};
  if (body) {
    Object.assign(options, {method: 'POST', body: JSON.stringify(body), contentType: 'application/json'});
  }
  return request(path, options);
}

/** The filter text as an object: {filter} (undefined when empty), or {error} saying what is wrong. */
export function parseFilter(text) {
  if (!text.trim()) {
    return {filter: undefined};
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {error: `Filter: not valid JSON (${error.message}). Write a JSON object such as {"category": "streaming"}, or leave it empty.`};
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {error: `Filter: must be a JSON object over the index's metadata fields, such as {"category": "streaming"}; got ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}.`};
  }
  return {filter: value};
}

/** An error box; a 401 offers a field for the read token, a 400 lists every problem with its path. */
function failure(error, retry) {
  if (error instanceof ApiError && error.status === 401) {
    const input = h('input', {type: 'password', id: 'read-token', size: 40, autocomplete: 'off', 'aria-label': 'Read token'});
    const form = h('form', {class: 'toolbar'}, h('label', {}, 'Read token ', input),
      h('button', {type: 'submit', class: 'primary', text: 'Use read token'}));
    form.addEventListener('submit', event => {
      event.preventDefault();
      setReadToken(input.value.trim());
      retry();
    });
    return h('div', {class: 'error-box'}, h('p', {text: 'Searches need the read token of the search service '
      + '(streamplane.rag-indexer.read-token); the admin token does not apply. It is kept in this tab only.'}), form);
  }
  const problems = error instanceof ApiError && error.problem && Array.isArray(error.problem.problems) ? error.problem.problems : [];
  return h('div', {class: 'error-box', id: 'search-error'}, problems.length
    ? h('ul', {}, problems.map(problem => h('li', {}, h('code', {text: problem.path || '(request)'}), ': ', problem.message)))
    : error.message);
}

function statisticsOf(stats) {
  const facts = [['pipeline', stats.pipeline], ['rows', formatCount(stats.rows)], ['chunks', formatCount(stats.chunks)],
    ['lag', formatCount(stats.lag)], ['model', stats.model], ['dimensions', stats.dimensions],
    ['embedded', formatCount(stats.embedded)], ['deleted ratio', formatValue(stats.deletedRatio)],
    ['segments', stats.segments], ['last indexed', formatTime(stats.lastIndexedAt)]];
  const warnings = Array.isArray(stats.warnings) ? stats.warnings : [];
  return h('div', {},
    h('dl', {class: 'facts', id: 'index-statistics'},
      facts.map(([name, value]) => h('div', {}, h('dt', {text: name}), h('dd', {text: value === undefined || value === null ? '–' : String(value)})))),
    warnings.length ? h('ul', {class: 'warning-box', id: 'index-warnings'}, warnings.map(warning => h('li', {text: warning}))) : null);
}

function hitOf(hit, rank) {
  const metadata = Object.entries(hit.metadata || {});
  return h('li', {class: 'hit', dataset: {id: hit.id}},
    h('div', {class: 'hit-head'}, h('span', {class: 'rank', text: '#' + rank}),
      h('span', {class: 'score', text: 'score ' + Number(hit.score).toFixed(4)}),
      h('span', {}, 'key ', h('code', {class: 'hit-key', text: JSON.stringify(hit.key)})),
      h('span', {class: 'muted small', text: 'chunk ' + hit.id})),
    metadata.length ? h('dl', {class: 'facts hit-metadata'}, metadata.map(([name, value]) =>
      h('div', {}, h('dt', {text: name}), h('dd', {}, h('code', {text: typeof value === 'string' ? value : JSON.stringify(value)}))))) : null,
    h('pre', {class: 'chunk', text: hit.text}));
}

function queryForm(index, out) {
  const query = h('input', {type: 'search', id: 'search-query', size: 48, maxlength: 2000, required: true,
    placeholder: 'e.g. what is exactly once?', 'aria-label': 'Query'});
  const k = h('input', {type: 'number', id: 'search-k', min: 1, max: 100, value: '5', 'aria-label': 'Hits (k)'});
  const mode = h('select', {id: 'search-mode', 'aria-label': 'Mode'}, MODES.map(name => h('option', {value: name, text: name})));
  const filter = h('textarea', {id: 'search-filter', rows: 2, cols: 48, spellcheck: 'false',
    placeholder: 'optional JSON filter over the metadata, e.g. {"category": {"in": ["streaming", "ml"]}}', 'aria-label': 'Filter'});
  const form = h('form', {id: 'search-form'},
    h('div', {class: 'toolbar'}, query, h('label', {}, 'k ', k), h('label', {}, 'mode ', mode),
      h('button', {type: 'submit', class: 'primary', id: 'search-button', text: 'Search'})),
    h('div', {class: 'toolbar'}, filter));
  const run = async () => {
    const parsed = parseFilter(filter.value);
    if (parsed.error) {
      replace(out, h('div', {class: 'error-box', id: 'search-error', text: parsed.error}));
      return;
    }
    replace(out, h('p', {class: 'muted', text: 'Searching…'}));
    try {
      const answer = await search('search/' + seg(index), {query: query.value, k: Number(k.value), mode: mode.value, filter: parsed.filter});
      replace(out, answer.hits.length
        ? h('ol', {class: 'hits', id: 'search-hits'}, answer.hits.map((hit, i) => hitOf(hit, i + 1)))
        : h('p', {class: 'empty', id: 'search-hits', text: 'No hits.'}));
    } catch (error) {
      replace(out, failure(error, run));
    }
  };
  form.addEventListener('submit', event => {
    event.preventDefault();
    run();
  });
  return form;
}

function showIndex(detail, index) {
  const out = h('div', {class: 'search-result', id: 'search-result'});
  const stats = h('div', {}, h('p', {class: 'muted', text: 'Loading…'}));
  replace(detail, h('h2', {}, 'Index ', h('code', {text: index})), stats, h('h3', {text: 'Query'}), queryForm(index, out), out);
  search('search/' + seg(index)).then(answer => replace(stats, statisticsOf(answer)))
    .catch(error => replace(stats, failure(error, () => showIndex(detail, index))));
}

export function render(main, params) {
  const list = h('div', {class: 'indexes', id: 'search-indexes'}, h('p', {class: 'muted', text: 'Loading…'}));
  const detail = h('div', {class: 'index-detail'});
  replace(main, h('section', {class: 'page'}, h('div', {class: 'page-head'}, h('h1', {text: 'Search'})), list, detail));
  const load = () => search('search').then(answer => {
    const indexes = answer.indexes || [];
    if (!indexes.length) {
      replace(list, h('p', {class: 'empty'}, 'No indexes yet: a pipeline defines them in its ', h('code', {text: 'indexes:'}),
        ' section (see docs/search.md).'));
      return;
    }
    replace(list, table([
      {title: 'Index', value: i => h('a', {href: '#/search/' + seg(i.index), text: i.index, class: i.index === params.index ? 'active' : ''})},
      {title: 'Pipeline', value: i => h('a', {href: '#/pipelines/' + seg(i.pipeline), text: i.pipeline})},
      {title: 'Rows', value: i => formatCount(i.rows)},
      {title: 'Chunks', value: i => formatCount(i.chunks)},
      {title: 'Lag', value: i => formatCount(i.lag)},
      {title: 'Model', value: i => `${i.model} (${i.dimensions})`},
      {title: 'Last indexed', value: i => formatTime(i.lastIndexedAt)},
    ], indexes, {id: 'search-indexes-table'}));
    const chosen = indexes.find(i => i.index === params.index) || (indexes.length === 1 ? indexes[0] : null);
    if (chosen) {
      showIndex(detail, chosen.index);
    } else {
      replace(detail, h('p', {class: 'muted', text: 'Choose an index to see its statistics and search it.'}));
    }
  }).catch(error => {
    const hint = error instanceof ApiError && error.status === 404 && !error.problem
      ? 'No search service answers /search on this address; route /search to the rag-indexer role.' : '';
    replace(list, failure(error, load), hint ? h('p', {text: hint}) : null);
  });
  load();
}
