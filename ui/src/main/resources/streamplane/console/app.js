// The console's shell: navigation, hash routes to pages, the admin-token indicator.
// A page is a module whose render(main, params) draws into <main> and may return a function that stops
// its timers when the user leaves. To add a page, add a route here and a link in index.html's <nav>.

import {h, replace} from './lib/dom.js';
import {forgetToken, onTokenChange, token, askToken} from './lib/token.js';
import * as pipelines from './pages/pipelines.js';
import * as pipeline from './pages/pipeline.js';
import * as editor from './pages/editor.js';
import * as features from './pages/features.js';
import * as search from './pages/search.js';
import * as health from './pages/health.js';

const ROUTES = [
  {pattern: /^\/pipelines\/?$/, nav: 'pipelines', page: pipelines},
  {pattern: /^\/pipelines\/([^/]+)(?:\/([a-z-]+))?$/, nav: 'pipelines', page: pipeline, params: ['name', 'tab']},
  {pattern: /^\/editor(?:\/([^/]+))?$/, nav: 'editor', page: editor, params: ['name']},
  {pattern: /^\/features(?:\/([^/]+))?$/, nav: 'features', page: features, params: ['view']},
  {pattern: /^\/search(?:\/([^/]+))?$/, nav: 'search', page: search, params: ['index']},
  {pattern: /^\/health\/?$/, nav: 'health', page: health},
];

let leave = null;

function route() {
  const path = location.hash.replace(/^#/, '') || '/pipelines';
  const main = document.getElementById('main');
  if (leave) {
    leave();
    leave = null;
  }
  for (const candidate of ROUTES) {
    const match = candidate.pattern.exec(path);
    if (match) {
      const params = {};
      (candidate.params || []).forEach((name, i) => {
        params[name] = match[i + 1] === undefined ? undefined : decodeURIComponent(match[i + 1]);
      });
      document.querySelectorAll('#nav a').forEach(link => link.classList.toggle('active', link.dataset.page === candidate.nav));
      main.replaceChildren();
      leave = candidate.page.render(main, params) || null;
      return;
    }
  }
  replace(main, h('section', {class: 'empty'}, h('h1', {text: 'Not found'}),
    h('p', {}, 'No page at ', h('code', {text: path}), '. ', h('a', {href: '#/pipelines', text: 'Go to the pipelines'}))));
}

function showToken() {
  const state = document.getElementById('token-state');
  const button = document.getElementById('token-button');
  if (token()) {
    state.textContent = 'admin token set for this session';
    button.textContent = 'Forget token';
    button.onclick = () => forgetToken();
  } else {
    state.textContent = 'read-only';
    button.textContent = 'Enter admin token';
    button.onclick = () => askToken('Changes (register, pause, resume, delete) need the admin token. '
      + 'It is kept in this tab only, until you close it.');
  }
}

window.addEventListener('hashchange', route);
onTokenChange(showToken);
showToken();
route();
