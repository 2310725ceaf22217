import type { Chart, Plugin } from 'chart.js';

/** A vertical event line on a chart, at a value of its x axis. */
export interface AxisMarker {
  x: number;
  label: string;
}

/**
 * Draws event markers (MX switch, batch removal, decommission, license deadline) as dashed
 * vertical lines with their label: a few lines of canvas code instead of a plugin package.
 * The markers are read from `options.plugins.cutoverMarkers.markers`.
 */
export const markerPlugin: Plugin = {
  id: 'cutoverMarkers',
  afterDatasetsDraw(chart: Chart, _args: unknown, options: { markers?: AxisMarker[] }) {
    const markers = options.markers ?? [];
    const x = chart.scales['x'];
    if (x === undefined || markers.length === 0) return;
    const { ctx, chartArea: area } = chart;
    ctx.save();
    ctx.strokeStyle = '#242424';
    ctx.fillStyle = '#242424';
    ctx.setLineDash([4, 3]);
    ctx.font = '11px sans-serif';
    markers.forEach((marker, index) => {
      const px = x.getPixelForValue(marker.x);
      if (px < area.left || px > area.right) return;
      ctx.beginPath();
      ctx.moveTo(px, area.top);
      ctx.lineTo(px, area.bottom);
      ctx.stroke();
      ctx.fillText(marker.label, Math.min(px + 3, area.right - 70), area.top + 12 + 12 * (index % 3));
    });
    ctx.restore();
  },
};
