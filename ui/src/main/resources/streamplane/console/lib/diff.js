// Line diff of two texts (longest common subsequence), for comparing pipeline versions.

/** The most lines either side may have; larger texts are not diffed line by line. */
export const MAX_LINES = 3000;

/**
 * The lines of a unified diff: [{op: ' ' | '-' | '+', text, oldLine, newLine}], or null when a text has
 * more than MAX_LINES lines.
 */
export function diffLines(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length > MAX_LINES || b.length > MAX_LINES) {
    return null;
  }
  const width = b.length + 1;
  const common = new Uint16Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i * width + j] = a[i] === b[j] ? common[(i + 1) * width + j + 1] + 1
        : Math.max(common[(i + 1) * width + j], common[i * width + j + 1]);
    }
  }
  const lines = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push({op: ' ', text: a[i], oldLine: ++i, newLine: ++j});
    } else if (j < b.length && (i === a.length || common[i * width + j + 1] >= common[(i + 1) * width + j])) {
      lines.push({op: '+', text: b[j], oldLine: null, newLine: ++j});
    } else {
      lines.push({op: '-', text: a[i], oldLine: ++i, newLine: null});
    }
  }
  return lines;
}
