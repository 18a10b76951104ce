// Numbers and times as people read them.

const count = new Intl.NumberFormat('en', {maximumFractionDigits: 0});
const rate = new Intl.NumberFormat('en', {maximumFractionDigits: 1, minimumFractionDigits: 1});

/** 1234567 -> "1,234,567". */
export function formatCount(value) {
  return value === null || value === undefined ? '–' : count.format(value);
}

/** 19.96 -> "20.0". */
export function formatRate(value) {
  return value === null || value === undefined ? '–' : rate.format(value);
}

/** An ISO-8601 instant as local date and time, with the ISO text as a tooltip. */
export function formatTime(iso) {
  if (!iso) {
    return '–';
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** "3 s ago", "5 min ago". */
export function formatAgo(iso, now = Date.now()) {
  if (!iso) {
    return '–';
  }
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (seconds < 60) {
    return seconds + ' s ago';
  }
  if (seconds < 3600) {
    return Math.round(seconds / 60) + ' min ago';
  }
  if (seconds < 86400) {
    return Math.round(seconds / 3600) + ' h ago';
  }
  return Math.round(seconds / 86400) + ' d ago';
}

/** A JSON value as compact text; strings as they are. */
export function formatValue(value) {
  if (value === null || value === undefined) {
    return 'null';
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}
