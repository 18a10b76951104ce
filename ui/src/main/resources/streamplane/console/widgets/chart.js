// The throughput and lag chart of a pipeline (uPlot): records in and out per second on the left axis,
// consumer lag on the right.

import {h} from '../lib/dom.js';

/** A chart in a new element; update(samples) redraws it from status samples (oldest first). */
export function throughputChart() {
  const element = h('div', {class: 'chart', id: 'throughput-chart'});
  let plot = null;
  function data(samples) {
    return [
      samples.map(sample => new Date(sample.at).getTime() / 1000),
      samples.map(sample => sample.recordsInPerSecond),
      samples.map(sample => sample.recordsOutPerSecond),
      samples.map(sample => sample.consumerLag),
    ];
  }
  function create(samples) {
    const width = Math.max(320, (element.clientWidth || 800) - 14);
    plot = new uPlot({
      width,
      height: 220,
      scales: {x: {time: true}, rate: {auto: true}, lag: {auto: true}},
      series: [
        {},
        {label: 'in/s', stroke: '#1f77b4', width: 2, scale: 'rate'},
        {label: 'out/s', stroke: '#2ca02c', width: 2, scale: 'rate'},
        {label: 'lag', stroke: '#d62728', width: 1.5, dash: [6, 4], scale: 'lag'},
      ],
      axes: [
        {},
        {scale: 'rate', label: 'records/s'},
        {scale: 'lag', side: 1, label: 'lag (records)', grid: {show: false}},
      ],
    }, data(samples), element);
  }
  return {
    element,
    update(samples) {
      if (!plot) {
        create(samples);
      } else {
        plot.setData(data(samples));
      }
    },
    destroy() {
      if (plot) {
        plot.destroy();
      }
    },
  };
}
