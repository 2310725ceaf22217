/**
 * The page's only hand-written script: it reads the chart descriptions from the JSON data
 * block and hands each to chart.js. It is plain ES2017 so any current browser runs it,
 * and it never touches scenario strings except as chart labels (drawn on a canvas, not parsed).
 */
export const CLIENT_SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  if (typeof Chart === 'undefined') { throw new Error('chart.js did not load'); }
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = '#374151';
  Chart.defaults.animation = false;
  function alpha(hex, a) {
    var n = parseInt(hex.slice(1), 16);
    return 'rgba(' + (n >> 16) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + a + ')';
  }
  // Event markers (MX switch, batch removal, ...) as dashed vertical lines with their label,
  // drawn by a small plugin of this script (no chart.js plugin package).
  var markerPlugin = {
    id: 'cutoverMarkers',
    afterDatasetsDraw: function (chart, args, options) {
      var markers = options.markers || [];
      var x = chart.scales.x;
      var area = chart.chartArea;
      if (!x || markers.length === 0) { return; }
      var ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = '#111827';
      ctx.fillStyle = '#111827';
      ctx.setLineDash([4, 3]);
      ctx.lineWidth = 1;
      ctx.font = '11px ' + Chart.defaults.font.family;
      markers.forEach(function (marker, i) {
        var px = x.getPixelForValue(marker.index);
        if (px < area.left || px > area.right) { return; }
        ctx.beginPath();
        ctx.moveTo(px, area.top);
        ctx.lineTo(px, area.bottom);
        ctx.stroke();
        ctx.fillText(marker.label, Math.min(px + 3, area.right - 60), area.top + 12 + 12 * (i % 3));
      });
      ctx.restore();
    }
  };
  function build(spec) {
    var canvas = document.getElementById(spec.id);
    if (!canvas) { return; }
    var doughnut = spec.type === 'doughnut';
    var palette = ['#2e7d32', '#c7851a', '#6a4c93', '#b83232', '#1f6fb2', '#6b7280'];
    var datasets = spec.datasets.map(function (set) {
      var out = { label: set.label, data: set.data, borderWidth: doughnut ? 1 : 2, pointRadius: 0, spanGaps: false };
      if (doughnut) {
        out.backgroundColor = palette.slice(0, set.data.length);
      } else {
        out.borderColor = set.color;
        out.backgroundColor = alpha(set.color, set.kind === 'bar' || spec.type === 'bar' ? 0.6 : 0.12);
        if (set.kind) { out.type = set.kind; }
        if (set.stack) { out.stack = set.stack; }
        out.yAxisID = set.axis === 'right' ? 'y1' : 'y';
      }
      return out;
    });
    var scales = {};
    if (!doughnut) {
      scales.x = { stacked: !!spec.stacked, ticks: { maxTicksLimit: 12, autoSkip: true } };
      scales.y = { stacked: !!spec.stacked, beginAtZero: true, title: { display: !!spec.leftTitle, text: spec.leftTitle || '' } };
      if (spec.logScale) { scales.y.type = 'logarithmic'; scales.y.beginAtZero = false; scales.y.min = 1; }
      if (spec.horizontal) { var value = scales.y; scales.y = scales.x; scales.x = value; scales.y.ticks = { autoSkip: false }; }
      if (spec.percent) { scales.y.max = 100; }
      if (spec.rightTitle) {
        scales.y1 = { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: spec.rightTitle } };
      }
    }
    new Chart(canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: doughnut ? 'nearest' : 'index', intersect: false },
        indexAxis: spec.horizontal ? 'y' : 'x',
        plugins: { legend: { position: 'bottom', display: !spec.horizontal }, cutoverMarkers: { markers: spec.markers || [] } },
        scales: scales
      },
      plugins: [markerPlugin]
    });
  }
  data.charts.forEach(build);
})();
`;
