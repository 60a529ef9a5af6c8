/** Bar charts of an indicator's series (values against targets per period), drawn with pdfkit's vector paths. */
import type { Report, ReportIndicator } from '../contract';
import { COLOURS, CONTENT_WIDTH, type Layout, MARGIN } from './pdf-layout';
import { inDisplayUnit, isHidden } from './report-view';

/** A round step for an axis (1, 2 or 5 × 10^k) giving about `ticks` intervals up to `max`. */
export function niceStep(max: number, ticks = 4): number {
  if (max <= 0) return 1;
  const raw = max / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  return Math.max(step, Number.EPSILON);
}

export function seriesChart(layout: Layout, report: Report, indicator: ReportIndicator) {
  const { doc, fmt } = layout;
  const { labels } = fmt;
  const height = 250;
  layout.ensure(height);
  const top = doc.y;
  layout.font('bold', 9.5);
  doc.text(`${indicator.code} — ${indicator.title}`, MARGIN.left, top, {
    width: CONTENT_WIDTH,
    height: 26,
    ellipsis: true,
  });

  // Legend, top right.
  const legendY = top + 30;
  const legend = (x: number, colour: string, text: string) => {
    doc.rect(x, legendY, 8, 8).fill(colour);
    layout.font('regular', 7.5);
    doc.text(text, x + 11, legendY, { lineBreak: false });
  };
  legend(MARGIN.left + CONTENT_WIDTH - 130, COLOURS.primary, labels.chart.value);
  legend(MARGIN.left + CONTENT_WIDTH - 65, COLOURS.target, labels.chart.target);

  const plot = {
    left: MARGIN.left + 58,
    right: MARGIN.left + CONTENT_WIDTH - 8,
    top: top + 48,
    bottom: top + 190,
  };
  const points = indicator.series;
  const numbers = points.flatMap((p) => [p.value, p.target]).filter((n): n is number => n !== null);
  // A little headroom so the tallest bar's label stays inside the plot.
  const max = Math.max(1, ...numbers.map((n) => inDisplayUnit(indicator.unit, n))) * 1.08;
  const step = niceStep(max);
  const axisMax = Math.ceil(max / step) * step;
  const yOf = (n: number) => plot.bottom - (n / axisMax) * (plot.bottom - plot.top);

  // Grid and y ticks.
  for (let tick = 0; tick <= axisMax + step / 2; tick += step) {
    const y = yOf(tick);
    doc.moveTo(plot.left, y).lineTo(plot.right, y).lineWidth(0.3).stroke(COLOURS.rule);
    layout.font('regular', 7, COLOURS.muted);
    doc.text(fmt.number(tick), plot.left - 46, y - 4, { width: 42, align: 'right', lineBreak: false });
  }
  // Axes.
  doc
    .moveTo(plot.left, plot.top)
    .lineTo(plot.left, plot.bottom)
    .lineTo(plot.right, plot.bottom)
    .lineWidth(0.8)
    .stroke(COLOURS.text);

  // Bars: value and target side by side per period.
  const group = (plot.right - plot.left) / Math.max(points.length, 1);
  const barWidth = Math.min(26, group * 0.3);
  points.forEach((point, i) => {
    const centre = plot.left + group * (i + 0.5);
    if (point.value !== null) {
      const v = inDisplayUnit(indicator.unit, point.value);
      const y = yOf(v);
      doc.rect(centre - barWidth - 2, y, barWidth, plot.bottom - y).fill(COLOURS.primary);
      layout.font('regular', 6.5);
      doc.text(fmt.figure(indicator.unit, point.value, false), centre - barWidth - 22, y - 9, {
        width: barWidth + 40,
        align: 'center',
        lineBreak: false,
      });
    } else {
      const mark = isHidden(report, indicator, null) ? labels.suppressedMark : labels.missing;
      layout.font('italic', 6.5, COLOURS.muted);
      doc.text(mark, centre - barWidth - 22, plot.bottom - 10, {
        width: barWidth + 40,
        align: 'center',
        lineBreak: false,
      });
    }
    if (point.target !== null) {
      const y = yOf(inDisplayUnit(indicator.unit, point.target));
      doc.rect(centre + 2, y, barWidth, plot.bottom - y).fill(COLOURS.target);
    }
    layout.font('regular', 7);
    // A star marks an open period's provisional figure (explained under the axis).
    doc.text(`${point.label}${point.source === 'live' ? ' *' : ''}`, centre - group / 2, plot.bottom + 4, {
      width: group,
      align: 'center',
      height: 10,
      ellipsis: true,
    });
  });

  // Axis titles: the unit up the y axis, the period along x.
  layout.font('italic', 7.5, COLOURS.muted);
  const yTitleX = MARGIN.left + 2;
  const yTitleY = plot.bottom;
  doc.save();
  doc.rotate(-90, { origin: [yTitleX, yTitleY] });
  doc.text(fmt.unit(indicator.unit), yTitleX, yTitleY, {
    width: plot.bottom - plot.top,
    align: 'center',
    lineBreak: false,
  });
  doc.restore();
  doc.text(labels.chart.periodAxis, plot.left, plot.bottom + 18, {
    width: plot.right - plot.left,
    align: 'center',
    lineBreak: false,
  });
  if (points.some((p) => p.source === 'live')) {
    doc.text(`* ${labels.sources.live}`, plot.left, plot.bottom + 30, {
      width: plot.right - plot.left,
      align: 'center',
      lineBreak: false,
    });
  }
  doc.x = MARGIN.left;
  doc.y = top + height;
}
