// A plain-text editor for specs: a textarea with line numbers, problems marked at their lines, Tab
// indenting by two spaces, and a way to select a line.

import {h} from '../lib/dom.js';

export function specEditor(initial, onChange) {
  const gutter = h('div', {class: 'gutter', 'aria-hidden': 'true'});
  const area = h('textarea', {class: 'source', id: 'spec-text', spellcheck: 'false', wrap: 'off',
    autocomplete: 'off', autocapitalize: 'off', 'aria-label': 'Pipeline spec (YAML or JSON)'});
  area.value = initial;
  let marks = new Map();
  function drawGutter() {
    const lines = area.value.split('\n').length;
    if (gutter.childElementCount !== lines || gutter.dataset.marks !== String(marks.size)) {
      gutter.replaceChildren(...Array.from({length: lines}, (_, i) => {
        const problems = marks.get(i + 1);
        return h('div', {class: problems ? 'ln error' : 'ln', title: problems ? problems.join('\n') : null,
          dataset: {line: i + 1}, text: String(i + 1)});
      }));
      gutter.dataset.marks = String(marks.size);
    }
    gutter.scrollTop = area.scrollTop;
  }
  area.addEventListener('input', () => {
    drawGutter();
    onChange(area.value);
  });
  area.addEventListener('scroll', () => { gutter.scrollTop = area.scrollTop; });
  area.addEventListener('keydown', event => {
    if (event.key === 'Tab' && !event.shiftKey && !event.ctrlKey && !event.altKey) {
      event.preventDefault();
      area.setRangeText('  ', area.selectionStart, area.selectionEnd, 'end');
      area.dispatchEvent(new Event('input'));
    }
  });
  drawGutter();
  return {
    element: h('div', {class: 'editor'}, gutter, area),
    text: () => area.value,
    setText(text) {
      area.value = text;
      drawGutter();
      onChange(text);
    },
    /** Marks lines: a Map of line number to the messages of its problems. */
    mark(lineProblems) {
      marks = lineProblems;
      gutter.dataset.marks = '';
      drawGutter();
    },
    /** Selects a line's text and scrolls it into view. */
    selectLine(line) {
      const lines = area.value.split('\n');
      const start = lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0);
      const end = start + (lines[line - 1] || '').length;
      area.focus();
      area.setSelectionRange(start, end);
      const height = parseFloat(getComputedStyle(area).lineHeight) || 18;
      area.scrollTop = Math.max(0, (line - 4) * height);
      gutter.scrollTop = area.scrollTop;
    },
  };
}
