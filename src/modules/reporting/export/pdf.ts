/**
 * The report as an A4 PDF for a donor: cover, project summary, indicators against targets with progress
 * bars, a bar chart per computed count of persons, breakdown tables, budget, changes since submission,
 * definitions and the suppression note, with page numbers. Drawn with pdfkit in DejaVu Sans, embedded, so
 * accented Latin, Greek, Cyrillic and Arabic letters print (DejaVu has no Chinese, Japanese or Korean
 * glyphs, and pdfkit does not reorder right-to-left text). Deterministic: the same report gives the same
 * bytes (the document dates come from the report, not the clock).
 */
import PDFDocument from 'pdfkit';
import type { CrossTabView, Report, ReportIndicator } from '../contract';
import { changeCellLabel, type ExportFormatter, exportFormatter } from './format';
import { seriesChart } from './pdf-chart';
import {
  type Cell,
  COLOURS,
  CONTENT_WIDTH,
  type Doc,
  fonts,
  Layout,
  MARGIN,
  PAGE,
  type TableRow,
} from './pdf-layout';
import { frameworkSections, isHidden, nodeHeading, tabKeys, type Unit } from './report-view';

function cover(layout: Layout, report: Report) {
  const { doc, fmt } = layout;
  const { labels } = fmt;
  const { project, period, snapshot } = report;

  doc.rect(0, 0, PAGE.width, 150).fill(COLOURS.primary);
  layout.font('bold', 24, '#ffffff');
  doc.text(labels.reportTitle, MARGIN.left, 60, { width: CONTENT_WIDTH });
  layout.font('regular', 12, '#ffffff');
  doc.text(`${period.label} — ${labels.periodKinds[period.kind]}`, MARGIN.left, 98, { width: CONTENT_WIDTH });

  doc.y = 190;
  layout.font('bold', 19);
  doc.text(project.name, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
  layout.font('regular', 11, COLOURS.muted);
  doc.text(project.code, MARGIN.left, doc.y + 4, { width: CONTENT_WIDTH });
  doc.moveDown(1.5);

  const line = (label: string, value: string) => {
    layout.font('bold', 10.5);
    doc.text(`${label}${labels.colon}`, MARGIN.left, doc.y, {
      width: CONTENT_WIDTH,
      continued: true,
    });
    layout.font('regular', 10.5);
    doc.text(value, { width: CONTENT_WIDTH });
    doc.moveDown(0.4);
  };
  line(labels.fields.donor, project.donor ?? labels.none);
  if (project.cofunding) {
    // The donor's visibility mention, in a frame, as the project states it.
    doc.moveDown(0.3);
    const y = doc.y;
    layout.font('bold', 11, COLOURS.primary);
    const height = doc.heightOfString(project.cofunding, { width: CONTENT_WIDTH - 20 }) + 16;
    doc.rect(MARGIN.left, y, CONTENT_WIDTH, height).lineWidth(1).stroke(COLOURS.primary);
    doc.text(project.cofunding, MARGIN.left + 10, y + 8, { width: CONTENT_WIDTH - 20, align: 'center' });
    doc.y = y + height;
    doc.moveDown(1);
  }
  line(labels.fields.period, `${period.label} (${fmt.periodRange(period.startDate, period.endDate)})`);
  line(labels.fields.projectDates, fmt.periodRange(project.startDate, project.endDate));
  line(labels.fields.coverage, labels.coverage[report.coverage]);
  line(labels.fields.generatedAt, fmt.dateTime(report.generatedAt));
  doc.moveDown(1);

  if (report.source === 'snapshot' && snapshot) {
    layout.font('bold', 10.5, COLOURS.primary);
    doc.text(labels.snapshotMention(snapshot.signature.slice(0, 16)), MARGIN.left, doc.y, {
      width: CONTENT_WIDTH,
    });
    layout.font('regular', 9.5, COLOURS.muted);
    doc.text(
      `${labels.fields.snapshotClosed} ${fmt.dateTime(snapshot.closedAt)} — ${labels.fields.snapshotClosedBy} ${snapshot.closedByName}`,
      { width: CONTENT_WIDTH },
    );
    if (!snapshot.valid) {
      doc.moveDown(0.4);
      layout.font('bold', 10.5, COLOURS.warning);
      doc.text(labels.signatureInvalid, { width: CONTENT_WIDTH });
    }
  } else {
    layout.font('bold', 10.5, COLOURS.warning);
    doc.text(labels.liveMention, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
  }
  doc.moveDown(1);
  layout.font('italic', 8.5, COLOURS.muted);
  doc.text(
    report.suppression.applied
      ? labels.suppressionNote(report.suppression.threshold)
      : labels.suppressionNotApplied,
    MARGIN.left,
    doc.y,
    { width: CONTENT_WIDTH },
  );
}

function summary(layout: Layout, report: Report) {
  const { fmt } = layout;
  const { labels } = fmt;
  const { project } = report;
  layout.heading(labels.headings.summary);
  if (project.summary.trim()) layout.paragraph(project.summary);
  layout.facts([
    [labels.fields.projectCode, project.code],
    [labels.fields.donor, project.donor ?? labels.none],
    [labels.fields.projectDates, fmt.periodRange(project.startDate, project.endDate)],
    [
      labels.fields.period,
      `${report.period.label} (${fmt.periodRange(report.period.startDate, report.period.endDate)})`,
    ],
    [labels.fields.periodStatus, labels.periodStatuses[report.period.status]],
    [labels.fields.hostCountries, fmt.countries(project.hostCountries)],
    [labels.fields.originCountries, fmt.countries(project.originCountries)],
    [labels.fields.owningOffice, project.owningOfficeCode],
    [labels.fields.offices, report.offices.length ? report.offices.join(', ') : labels.none],
    [labels.fields.coverage, labels.coverage[report.coverage]],
    [labels.fields.source, labels.sources[report.source]],
  ]);
}

function indicatorTable(layout: Layout, report: Report) {
  const { fmt } = layout;
  const { labels } = fmt;
  const c = labels.columns;
  layout.heading(labels.headings.indicators);
  const rows: TableRow[] = [];
  for (const section of frameworkSections(report)) {
    if (section.node === null && section.indicators.length === 0) continue;
    rows.push({ group: nodeHeading(labels, section.node), depth: section.depth });
    for (const indicator of section.indicators) {
      const fig = (n: number | null, hideable: boolean) =>
        fmt.figure(indicator.unit, n, hideable && isHidden(report, indicator, n));
      const details = [
        fmt.unit(indicator.unit),
        labels.kinds[indicator.kind],
        indicator.manualStatus ? labels.manualStatuses[indicator.manualStatus] : null,
      ]
        .filter(Boolean)
        .join(' · ');
      rows.push({
        cells: [
          { text: indicator.code, font: 'bold' },
          `${indicator.title}\n${details}${indicator.comment ? `\n${indicator.comment}` : ''}`,
          fig(indicator.baseline, false),
          fig(indicator.periodTarget, false),
          fig(indicator.value, true),
          fig(indicator.cumulative, true),
          fig(indicator.target, false),
          { bar: indicator.progress, label: fmt.progress(indicator.progress) },
        ],
      });
    }
  }
  layout.table(
    [
      { header: c.code, weight: 0.85 },
      { header: c.indicator, weight: 2.8 },
      { header: c.baseline, weight: 1.05, align: 'right' },
      { header: c.periodTarget, weight: 1.1, align: 'right' },
      { header: c.value, weight: 1.1, align: 'right' },
      { header: c.cumulative, weight: 1.15, align: 'right' },
      { header: c.target, weight: 1.15, align: 'right' },
      { header: c.progress, weight: 1.3, align: 'right' },
    ],
    rows,
    { size: 7.5 },
  );
}

function charts(layout: Layout, report: Report) {
  const persons = report.indicators.filter(
    (i) => i.kind === 'computed' && i.unit === 'persons' && i.series.length > 0,
  );
  if (persons.length === 0) return;
  layout.heading(layout.fmt.labels.headings.charts);
  for (const indicator of persons) seriesChart(layout, report, indicator);
}

/** Tables wider than this many categories are split into several, the row labels repeated. */
const MAX_MATRIX_COLUMNS = 7;

function breakdownTable(layout: Layout, indicator: ReportIndicator, tab: CrossTabView) {
  const { fmt } = layout;
  const { labels } = fmt;
  const [first, second] = tab.dimensions;
  if (!first) return;
  const { rows, cols } = tabKeys(tab);
  const cell = (unit: Unit, n: number | null | undefined): Cell =>
    n === undefined
      ? ''
      : n === null
        ? { text: labels.suppressedMark, font: 'italic', colour: COLOURS.muted }
        : fmt.figure(unit, n, true);
  layout.heading(fmt.spec(tab.dimensions), 3);
  if (!second) {
    layout.table(
      [
        { header: fmt.breakdown(first), weight: 3 },
        { header: labels.columns.count, weight: 1.2, align: 'right' },
      ],
      [
        ...rows.map((key) => ({ cells: [fmt.category(first, key), cell(indicator.unit, tab.rows?.[key])] })),
        { cells: [labels.columns.total, cell(indicator.unit, tab.total)], bold: true },
      ],
      { width: CONTENT_WIDTH * 0.6 },
    );
    return;
  }
  for (let start = 0; start < Math.max(cols.length, 1); start += MAX_MATRIX_COLUMNS) {
    const chunk = cols.slice(start, start + MAX_MATRIX_COLUMNS);
    const last = start + MAX_MATRIX_COLUMNS >= cols.length;
    layout.table(
      [
        { header: `${fmt.breakdown(first)} \\ ${fmt.breakdown(second)}`, weight: 2.2 },
        ...chunk.map((col) => ({ header: fmt.category(second, col), weight: 1, align: 'right' as const })),
        ...(last ? [{ header: labels.columns.total, weight: 1, align: 'right' as const }] : []),
      ],
      [
        ...rows.map((key) => ({
          cells: [
            fmt.category(first, key),
            ...chunk.map((col) => cell(indicator.unit, tab.cells?.[key]?.[col])),
            ...(last ? [cell(indicator.unit, tab.rows?.[key])] : []),
          ],
        })),
        {
          cells: [
            labels.columns.total,
            ...chunk.map((col) => cell(indicator.unit, tab.cols?.[col])),
            ...(last ? [cell(indicator.unit, tab.total)] : []),
          ],
          bold: true,
        },
      ],
    );
  }
}

function breakdowns(layout: Layout, report: Report) {
  const withTables = report.indicators.filter((i) => i.breakdowns.length > 0);
  if (withTables.length === 0) return;
  layout.heading(layout.fmt.labels.headings.breakdowns);
  for (const indicator of withTables) {
    layout.heading(`${indicator.code} — ${indicator.title}`, 2);
    for (const tab of indicator.breakdowns) breakdownTable(layout, indicator, tab);
  }
}

function budget(layout: Layout, report: Report) {
  const { fmt } = layout;
  const { labels } = fmt;
  const c = labels.columns;
  layout.heading(labels.headings.budget);
  if (report.budget.length === 0) {
    layout.paragraph(labels.noBudget);
    return;
  }
  const row = (code: string, label: string, currency: string, budgetMinor: number, spentMinor: number) => {
    const share = budgetMinor > 0 ? spentMinor / budgetMinor : null;
    return [
      code,
      label,
      fmt.money(budgetMinor, currency),
      fmt.money(spentMinor, currency),
      fmt.money(budgetMinor - spentMinor, currency),
      { bar: share, label: fmt.progress(share) },
    ] satisfies Cell[];
  };
  const rows: TableRow[] = report.budget.map((l) => ({
    cells: row(l.code, l.label, l.currency, l.budgetMinor, l.spentMinor),
  }));
  // One total per currency: amounts in different currencies are never added together.
  for (const currency of new Set(report.budget.map((l) => l.currency))) {
    const lines = report.budget.filter((l) => l.currency === currency);
    rows.push({
      cells: row(
        '',
        `${c.total} (${currency})`,
        currency,
        lines.reduce((s, l) => s + l.budgetMinor, 0),
        lines.reduce((s, l) => s + l.spentMinor, 0),
      ),
      bold: true,
    });
  }
  layout.table(
    [
      { header: c.code, weight: 0.7 },
      { header: c.budgetLine, weight: 2.6 },
      { header: c.budget, weight: 1.4, align: 'right' },
      { header: c.spent, weight: 1.4, align: 'right' },
      { header: c.remaining, weight: 1.4, align: 'right' },
      { header: c.spentShare, weight: 1.1, align: 'right' },
    ],
    rows,
  );
}

function changes(layout: Layout, report: Report) {
  const { fmt } = layout;
  const { labels } = fmt;
  const c = labels.columns;
  layout.heading(labels.headings.changes);
  if (report.changes.length === 0) {
    layout.paragraph(labels.noChanges);
    return;
  }
  const units = new Map(report.indicators.map((i) => [i.code, i.unit]));
  layout.table(
    [
      { header: c.periodLabel, weight: 1 },
      { header: c.code, weight: 1 },
      { header: c.cell, weight: 3 },
      { header: c.submitted, weight: 1.2, align: 'right' },
      { header: c.now, weight: 1.2, align: 'right' },
      { header: c.difference, weight: 1, align: 'right' },
    ],
    report.changes.map((change) => {
      const unit: Unit = units.get(change.indicatorCode) ?? 'count';
      return {
        cells: [
          change.periodLabel,
          change.indicatorCode,
          changeCellLabel(fmt, change.cell),
          fmt.figure(unit, change.submitted, true),
          fmt.figure(unit, change.now, true),
          change.submitted !== null && change.now !== null
            ? fmt.figure(unit, change.now - change.submitted, false)
            : labels.missing,
        ],
      };
    }),
  );
}

function definitions(layout: Layout, report: Report) {
  const { fmt } = layout;
  const { labels } = fmt;
  layout.heading(labels.headings.definitions);
  const computed = report.indicators.filter((i) => i.definition !== null);
  if (computed.length === 0) layout.paragraph(labels.noDefinitions);
  for (const indicator of computed) {
    const d = indicator.definition;
    if (!d) continue;
    layout.heading(
      `${indicator.code} — ${d.title[report.language]} (${labels.definitionVersion(d.id, d.version)})`,
      3,
    );
    layout.paragraph(d.counts[report.language]);
    const facts: [string, string][] = [
      [labels.columns.unit, fmt.unit(d.unit)],
      [labels.columns.personal, d.personal ? labels.yes : labels.no],
      [
        labels.columns.breakdownsAvailable,
        d.breakdowns.map((b) => fmt.breakdown(b)).join(', ') || labels.none,
      ],
    ];
    layout.paragraph(facts.map(([label, value]) => `${label}${labels.colon}${value}`).join(' · '), {
      size: 8,
      colour: COLOURS.muted,
      font: 'italic',
    });
  }
}

function suppressionNote(layout: Layout, report: Report) {
  const { labels } = layout.fmt;
  const { suppression } = report;
  layout.heading(labels.headings.suppression);
  if (!suppression.applied) {
    layout.paragraph(labels.suppressionNotApplied, { font: 'bold', colour: COLOURS.warning });
    return;
  }
  layout.paragraph(labels.suppressionNote(suppression.threshold));
  layout.paragraph(labels.suppressionCounts(suppression.primary, suppression.secondary));
}

/** Running header and "page n / total" on every page, written once the page count is known. */
function decorate(doc: Doc, report: Report, fmt: ExportFormatter) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing in the bottom margin would make pdfkit open a new page: lift the margin while writing.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(7.5).fillColor(COLOURS.muted);
    if (i > range.start)
      doc.text(
        `${report.project.code} — ${fmt.labels.reportTitle} — ${report.period.label}`,
        MARGIN.left,
        30,
        { width: CONTENT_WIDTH, align: 'left', lineBreak: false },
      );
    doc.text(fmt.labels.pageOf(i - range.start + 1, range.count), MARGIN.left, PAGE.height - 38, {
      width: CONTENT_WIDTH,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}

export async function reportToPdf(report: Report): Promise<Buffer> {
  const fmt = exportFormatter(report.language);
  const created = new Date(report.generatedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: report.language,
    displayTitle: true,
    info: {
      Title: `${fmt.labels.reportTitle} — ${report.project.name} — ${report.period.label}`,
      Author: report.project.owningOfficeCode,
      Subject: report.project.code,
      Creator: 'Passerelle',
      CreationDate: created,
      ModDate: created,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const files = fonts();
  doc.registerFont('regular', files.regular);
  doc.registerFont('bold', files.bold);
  doc.registerFont('italic', files.italic);

  const layout = new Layout(doc, fmt);
  cover(layout, report);
  layout.newPage();
  summary(layout, report);
  indicatorTable(layout, report);
  charts(layout, report);
  breakdowns(layout, report);
  budget(layout, report);
  changes(layout, report);
  definitions(layout, report);
  suppressionNote(layout, report);
  decorate(doc, report, fmt);
  doc.end();
  return done;
}
