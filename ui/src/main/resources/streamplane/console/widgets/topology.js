// The topology graph of a pipeline: laid out by dagre (layout only), drawn here as SVG. Sub-topologies are
// boxes; nodes are coloured by kind; each shows its spec step. Dead-letter paths are folded into one dashed
// edge from each operator to the dead-letter topic unless asked for.

import {h, s, replace} from '../lib/dom.js';

const KIND_NAMES = {
  SOURCE: 'source', PROCESSOR: 'processor', SINK: 'sink', STORE: 'state store', INPUT_TOPIC: 'input topic',
  OUTPUT_TOPIC: 'output topic', DEAD_LETTER_TOPIC: 'dead-letter topic', REPARTITION_TOPIC: 'repartition topic',
  CHANGELOG_TOPIC: 'changelog topic',
};

const FONT = '600 12px system-ui, sans-serif';
const SMALL_FONT = '10px system-ui, sans-serif';
let measuring = null;

function textWidth(text, font) {
  measuring = measuring || document.createElement('canvas').getContext('2d');
  measuring.font = font;
  return measuring.measureText(text).width;
}

/** The nodes and edges to draw, by the options. */
function visible(graph, options) {
  const hidden = new Set(graph.nodes
    .filter(node => (!options.deadLetters && node.deadLetterPath)
      || (!options.stores && (node.kind === 'STORE' || node.kind === 'CHANGELOG_TOPIC')))
    .map(node => node.id));
  const edges = graph.edges.filter(edge => !hidden.has(edge.from) && !hidden.has(edge.to));
  if (!options.deadLetters) {
    const dlq = graph.nodes.find(node => node.kind === 'DEAD_LETTER_TOPIC');
    const folded = new Set();
    for (const edge of graph.edges) {
      const child = graph.nodes.find(node => node.id === edge.to);
      if (dlq && child && child.deadLetterPath && child.kind === 'PROCESSOR' && !hidden.has(edge.from)
          && !folded.has(edge.from)) {
        folded.add(edge.from);
        edges.push({from: edge.from, to: dlq.id, kind: 'DEAD_LETTER'});
      }
    }
  }
  const used = new Set(edges.flatMap(edge => [edge.from, edge.to]));
  const nodes = graph.nodes.filter(node => !hidden.has(node.id) && (node.subTopology !== undefined || used.has(node.id)));
  return {nodes, edges};
}

function layout(graph, shown) {
  const g = new dagre.graphlib.Graph({compound: true, multigraph: true});
  g.setGraph({rankdir: 'TB', nodesep: 22, ranksep: 34, edgesep: 10, marginx: 16, marginy: 16});
  g.setDefaultEdgeLabel(() => ({}));
  const clusters = new Set(shown.nodes.map(node => node.subTopology).filter(id => id !== undefined && id !== null));
  for (const id of clusters) {
    g.setNode('sub:' + id, {label: 'sub-topology ' + id});
  }
  for (const node of shown.nodes) {
    const second = secondLine(node);
    const width = Math.max(textWidth(node.label, FONT), textWidth(second, SMALL_FONT)) + 30;
    g.setNode(node.id, {width: Math.min(Math.max(width, 90), 420), height: 40, node});
    if (node.subTopology !== undefined && node.subTopology !== null) {
      g.setParent(node.id, 'sub:' + node.subTopology);
    }
  }
  shown.edges.forEach((edge, i) => g.setEdge(edge.from, edge.to, {edge}, 'e' + i));
  dagre.layout(g);
  return g;
}

function secondLine(node) {
  return node.step ? `${KIND_NAMES[node.kind]} · ${node.step}` : KIND_NAMES[node.kind];
}

function path(points) {
  return points.map((point, i) => (i === 0 ? 'M' : 'L') + point.x.toFixed(1) + ',' + point.y.toFixed(1)).join(' ');
}

function draw(g, onSelect) {
  const size = g.graph();
  const svg = s('svg', {class: 'topology', viewBox: `0 0 ${size.width} ${size.height}`, width: size.width,
    height: size.height, role: 'img', 'aria-label': 'Topology graph'});
  svg.append(s('defs', {},
    s('marker', {id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse'},
      s('path', {d: 'M0,0 L10,5 L0,10 z', class: 'arrow-head'}))));
  for (const id of g.nodes()) {
    const box = g.node(id);
    if (id.startsWith('sub:') && box.width) {
      svg.append(s('g', {class: 'cluster'},
        s('rect', {x: box.x - box.width / 2, y: box.y - box.height / 2, width: box.width, height: box.height, rx: 8}),
        s('text', {x: box.x - box.width / 2 + 8, y: box.y - box.height / 2 + 13, text: box.label})));
    }
  }
  for (const e of g.edges()) {
    const {edge, points} = g.edge(e);
    svg.append(s('path', {class: 'edge edge-' + edge.kind.toLowerCase(), d: path(points), 'marker-end': 'url(#arrow)'}));
  }
  for (const id of g.nodes()) {
    const box = g.node(id);
    if (!box.node) {
      continue;
    }
    const node = box.node;
    const group = s('g', {class: 'node kind-' + node.kind.toLowerCase().replace(/_/g, '-'), tabindex: 0,
      transform: `translate(${box.x - box.width / 2},${box.y - box.height / 2})`, dataset: {id: node.id}},
      s('title', {text: `${node.name}\n${KIND_NAMES[node.kind]}${node.step ? '\nspec step: ' + node.step : ''}`}),
      s('rect', {width: box.width, height: box.height, rx: node.kind.endsWith('TOPIC') ? 14 : 4}),
      s('text', {class: 'label', x: 10, y: 16, text: node.label}),
      s('text', {class: 'step', x: 10, y: 31, text: secondLine(node)}));
    group.addEventListener('click', () => onSelect(node));
    group.addEventListener('keydown', event => event.key === 'Enter' && onSelect(node));
    svg.append(group);
  }
  return svg;
}

function details(node, graph) {
  if (!node) {
    return h('p', {class: 'muted', text: 'Click a node to see what it is.'});
  }
  const into = graph.edges.filter(edge => edge.to === node.id).map(edge => edge.from);
  const out = graph.edges.filter(edge => edge.from === node.id).map(edge => edge.to);
  const row = (title, value) => value === undefined || value === null || value === '' ? null
    : h('div', {}, h('dt', {text: title}), h('dd', {}, h('code', {text: String(value)})));
  return h('dl', {class: 'node-details'},
    row('label', node.label), row('kind', KIND_NAMES[node.kind]), row('Kafka name', node.name),
    row('spec step', node.step), row('step kind', node.stepKind), row('sub-topology', node.subTopology),
    row('from', into.join(', ')), row('to', out.join(', ')));
}

/** A view of the topology graph with its options and a details panel. */
export function topologyView(graph) {
  const options = {deadLetters: false, stores: true};
  let scale = 1;
  let selected = null;
  const canvas = h('div', {class: 'topology-canvas', id: 'topology-canvas'});
  const side = h('aside', {class: 'topology-side'});
  const counts = graph.nodes.reduce((all, node) => ({...all, [node.kind]: (all[node.kind] || 0) + 1}), {});
  function redraw() {
    const g = layout(graph, visible(graph, options));
    const svg = draw(g, node => {
      selected = node;
      replace(side, details(selected, graph));
      canvas.querySelectorAll('.node').forEach(element => element.classList.toggle('selected', element.dataset.id === node.id));
    });
    svg.setAttribute('width', g.graph().width * scale);
    svg.setAttribute('height', g.graph().height * scale);
    replace(canvas, svg);
    replace(side, details(selected, graph));
  }
  const toggle = (label, key, id) => h('label', {}, h('input', {type: 'checkbox', id, checked: options[key],
    onChange: event => { options[key] = event.target.checked; redraw(); }}), ' ' + label);
  const zoom = factor => () => { scale = Math.min(3, Math.max(0.3, scale * factor)); redraw(); };
  const element = h('div', {class: 'topology-view'},
    h('div', {class: 'toolbar'},
      h('span', {class: 'muted', text: `application id ${graph.applicationId} · ${graph.subTopologies.length} sub-topologies · `
        + `${counts.PROCESSOR || 0} processors · ${counts.STORE || 0} stores · ${counts.REPARTITION_TOPIC || 0} repartition topics`}),
      toggle('stores and changelogs', 'stores', 'show-stores'),
      toggle('dead-letter paths', 'deadLetters', 'show-dead-letters'),
      h('button', {type: 'button', onClick: zoom(1 / 1.25), title: 'Zoom out', text: '−'}),
      h('button', {type: 'button', onClick: zoom(1.25), title: 'Zoom in', text: '+'})),
    h('div', {class: 'topology-body'}, canvas, side),
    h('p', {class: 'legend'}, Object.entries(KIND_NAMES).map(([kind, name]) =>
      h('span', {class: 'legend-item kind-' + kind.toLowerCase().replace(/_/g, '-')}, h('i'), name))));
  redraw();
  return element;
}
