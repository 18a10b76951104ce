// Building DOM nodes without markup: every text goes through textContent, so nothing a user or a record
// contains is ever parsed as HTML.

const SVG = 'http://www.w3.org/2000/svg';

function build(element, props, children) {
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key === 'class') {
      element.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    } else if (key === 'text') {
      element.textContent = value;
    } else if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (key === 'value' || key === 'checked' || key === 'disabled' || key === 'selected') {
      element[key] = value;
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** An HTML element: h('a', {href: '#/x', class: 'link'}, 'text', otherNode). */
export function h(tag, props, ...children) {
  return build(document.createElement(tag), props, children);
}

/** An SVG element. */
export function s(tag, props, ...children) {
  return build(document.createElementNS(SVG, tag), props, children);
}

/** Replaces the children of a node. */
export function replace(node, ...children) {
  node.replaceChildren();
  return build(node, {}, children);
}

/** A table of rows: columns are [{title, value: row => text|Node, class}]. */
export function table(columns, rows, props = {}) {
  return h('table', props,
    h('thead', {}, h('tr', {}, columns.map(column => h('th', {class: column.class}, column.title)))),
    h('tbody', {}, rows.map(row => h('tr', {}, columns.map(column => h('td', {class: column.class}, column.value(row)))))));
}

/** A labelled badge for a state such as RUNNING or FAILED. */
export function badge(state) {
  const text = state || 'UNKNOWN';
  return h('span', {class: ['badge', 'state-' + text.toLowerCase()], text});
}

/** A short message that goes away by itself. */
export function toast(message, kind = 'info') {
  const box = document.getElementById('toast');
  box.replaceChildren(h('div', {class: ['toast', kind], text: message}));
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => box.replaceChildren(), 6000);
}
