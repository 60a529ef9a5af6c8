/**
 * The report as a workbook a programme manager can send to a donor: one sheet per section (summary,
 * indicators, breakdowns, series, budget, changes since submission, definitions), sheet names and headers
 * in the report's language. Figures are numbers with number formats (so they can be summed), never text;
 * a hidden cell holds the localised mark instead. Text is written as text: exceljs stores strings as shared
 * strings, never as formulas, so a title starting with "=" stays inert.
 */
import ExcelJS from 'exceljs';
import type { Report, ReportIndicator } from '../contract';
import { changeCellLabel, type ExportFormatter, exportFormatter } from './format';
import {
  frameworkSections,
  inDisplayUnit,
  isHidden,
  isMoneyUnit,
  moneyDigits,
  nodeHeading,
  seriesPeriods,
  tabKeys,
  type Unit,
} from './report-view';

type Cell = ExcelJS.Cell;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8ECF2' } };
const SECTION_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD5E3F0' } };
const HIDDEN_FONT: Partial<ExcelJS.Font> = { italic: true, color: { argb: 'FF6B6B6B' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF9AA5B1' } };

/** Excel number formats: separators are written in the file's invariant form and shown per reader locale. */
function moneyFormat(currency: string, language: Report['language']): string {
  const decimals = moneyDigits(currency);
  const number = decimals ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
  if (currency !== 'EUR') return `${number} "${currency}"`;
  return language === 'fr' ? `${number} "€"` : `"€"${number}`;
}
const PERCENT_FORMAT = '0.0%';

function unitFormat(unit: Unit, n: number, language: Report['language']): string {
  if (isMoneyUnit(unit)) return moneyFormat('EUR', language);
  if (unit === 'percent') return PERCENT_FORMAT;
  return Number.isInteger(n) ? '#,##0' : '#,##0.00';
}

/** A figure of an indicator in a cell: a number in its display unit, the mark when hidden, else empty. */
function putFigure(cell: Cell, fmt: ExportFormatter, unit: Unit, n: number | null, hidden: boolean) {
  if (n === null) {
    if (!hidden) return;
    cell.value = fmt.labels.suppressedMark;
    cell.font = { ...cell.font, ...HIDDEN_FONT };
    cell.alignment = { horizontal: 'right' };
    return;
  }
  // Percent indicators hold points (64 = 64 %); the cell holds the ratio so Excel's % format shows it.
  cell.value = unit === 'percent' ? n / 100 : inDisplayUnit(unit, n);
  cell.numFmt = unitFormat(unit, n, fmt.language);
}

function putRatio(cell: Cell, r: number | null) {
  if (r === null) return;
  cell.value = r;
  cell.numFmt = PERCENT_FORMAT;
}

function styleHeader(row: ExcelJS.Row) {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = { bottom: THIN };
  });
}

function addSheet(workbook: ExcelJS.Workbook, name: string, widths: number[], ySplit: number, xSplit = 0) {
  // Excel limits sheet names to 31 characters.
  const sheet = workbook.addWorksheet(name.slice(0, 31), {
    views: [{ state: 'frozen', ySplit, xSplit }],
  });
  sheet.columns = widths.map((width) => ({ width }));
  return sheet;
}

function summarySheet(workbook: ExcelJS.Workbook, report: Report, fmt: ExportFormatter) {
  const { labels } = fmt;
  const { project, period, snapshot, suppression } = report;
  const sheet = addSheet(workbook, labels.sheets.summary, [34, 100], 1);
  const title = sheet.addRow([`${labels.reportTitle} — ${project.name}`]);
  title.font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, 2);

  const rows: [string, string][] = [
    [labels.fields.project, project.name],
    [labels.fields.projectCode, project.code],
    [labels.fields.summary, project.summary],
    [labels.fields.donor, project.donor ?? labels.none],
  ];
  // The co-funding mention is printed as the project states it (the donor's visibility wording).
  if (project.cofunding) rows.push([labels.fields.cofunding, project.cofunding]);
  rows.push(
    [labels.fields.period, period.label],
    [labels.fields.periodKind, labels.periodKinds[period.kind]],
    [labels.fields.periodDates, fmt.periodRange(period.startDate, period.endDate)],
    [labels.fields.periodStatus, labels.periodStatuses[period.status]],
    [labels.fields.projectDates, fmt.periodRange(project.startDate, project.endDate)],
    [labels.fields.hostCountries, fmt.countries(project.hostCountries)],
    [labels.fields.originCountries, fmt.countries(project.originCountries)],
    [labels.fields.owningOffice, project.owningOfficeCode],
    [labels.fields.coverage, labels.coverage[report.coverage]],
    [labels.fields.offices, report.offices.length ? report.offices.join(', ') : labels.none],
    [labels.fields.source, labels.sources[report.source]],
  );
  if (snapshot) {
    rows.push(
      [labels.fields.snapshotClosed, fmt.dateTime(snapshot.closedAt)],
      [labels.fields.snapshotClosedBy, snapshot.closedByName],
      [labels.fields.signature, snapshot.signature],
      [
        labels.fields.signatureValid,
        snapshot.valid ? labels.yes : `${labels.no} — ${labels.signatureInvalid}`,
      ],
    );
  }
  rows.push([labels.fields.generatedAt, fmt.dateTime(report.generatedAt)]);
  rows.push([
    labels.fields.suppression,
    suppression.applied
      ? `${labels.suppressionNote(suppression.threshold)} ${labels.suppressionCounts(suppression.primary, suppression.secondary)}`
      : labels.suppressionNotApplied,
  ]);
  for (const [label, value] of rows) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    row.alignment = { vertical: 'top', wrapText: true };
    if (label === labels.fields.signatureValid && snapshot && !snapshot.valid)
      row.getCell(2).font = { bold: true, color: { argb: 'FFB00020' } };
  }
}

function indicatorsSheet(workbook: ExcelJS.Workbook, report: Report, fmt: ExportFormatter) {
  const { labels } = fmt;
  const c = labels.columns;
  const sheet = addSheet(
    workbook,
    labels.sheets.indicators,
    [12, 52, 16, 12, 14, 14, 14, 14, 14, 12, 22, 44, 44],
    1,
    2,
  );
  styleHeader(
    sheet.addRow([
      c.code,
      c.indicator,
      c.unit,
      c.kind,
      c.baseline,
      c.periodTarget,
      c.value,
      c.cumulative,
      c.target,
      c.progress,
      c.manualStatus,
      c.comment,
      c.meansOfVerification,
    ]),
  );
  const width = 13;
  for (const section of frameworkSections(report)) {
    const heading = sheet.addRow([nodeHeading(labels, section.node)]);
    heading.font = { bold: true };
    heading.getCell(1).alignment = { indent: section.depth };
    for (let col = 1; col <= width; col++) heading.getCell(col).fill = SECTION_FILL;
    sheet.mergeCells(heading.number, 1, heading.number, width);
    for (const indicator of section.indicators) {
      const row = sheet.addRow([
        indicator.code,
        indicator.title,
        fmt.unit(indicator.unit),
        labels.kinds[indicator.kind],
      ]);
      const hidden = (n: number | null) => isHidden(report, indicator, n);
      putFigure(row.getCell(5), fmt, indicator.unit, indicator.baseline, false);
      putFigure(row.getCell(6), fmt, indicator.unit, indicator.periodTarget, false);
      putFigure(row.getCell(7), fmt, indicator.unit, indicator.value, hidden(indicator.value));
      putFigure(row.getCell(8), fmt, indicator.unit, indicator.cumulative, hidden(indicator.cumulative));
      putFigure(row.getCell(9), fmt, indicator.unit, indicator.target, false);
      putRatio(row.getCell(10), indicator.progress);
      if (indicator.manualStatus) row.getCell(11).value = labels.manualStatuses[indicator.manualStatus];
      if (indicator.comment) row.getCell(12).value = indicator.comment;
      if (indicator.meansOfVerification) row.getCell(13).value = indicator.meansOfVerification;
      row.alignment = { vertical: 'top', wrapText: true };
    }
  }
}

function breakdownsSheet(workbook: ExcelJS.Workbook, report: Report, fmt: ExportFormatter) {
  const { labels } = fmt;
  const sheet = addSheet(workbook, labels.sheets.breakdowns, [40, 16, 16, 16, 16, 16, 16, 16, 16, 16], 1);
  // The frozen first row keeps the meaning of the mark in view while scrolling through the tables.
  const caption = sheet.addRow([
    `${labels.headings.breakdowns} — ${report.period.label}. ${
      report.suppression.applied
        ? labels.suppressionNote(report.suppression.threshold)
        : labels.suppressionNotApplied
    }`,
  ]);
  caption.font = { italic: true };
  caption.alignment = { wrapText: true, vertical: 'top' };
  caption.height = 48;
  sheet.mergeCells(1, 1, 1, 8);

  for (const indicator of report.indicators) {
    for (const tab of indicator.breakdowns) {
      sheet.addRow([]);
      const title = sheet.addRow([
        labels.breakdownTitle(indicator.code, indicator.title, fmt.spec(tab.dimensions)),
      ]);
      title.font = { bold: true };
      const [first, second] = tab.dimensions;
      if (!first) continue;
      const { rows, cols } = tabKeys(tab);
      const put = (cell: Cell, n: number | null | undefined) => {
        // In a breakdown table null is a hidden cell; undefined a category the table does not list.
        if (n !== undefined) putFigure(cell, fmt, indicator.unit, n, true);
      };
      if (!second) {
        styleHeader(sheet.addRow([fmt.breakdown(first), labels.columns.count]));
        for (const key of rows) put(sheet.addRow([fmt.category(first, key)]).getCell(2), tab.rows?.[key]);
        const total = sheet.addRow([labels.columns.total]);
        total.font = { bold: true };
        put(total.getCell(2), tab.total);
        continue;
      }
      styleHeader(
        sheet.addRow([
          `${fmt.breakdown(first)} \\ ${fmt.breakdown(second)}`,
          ...cols.map((col) => fmt.category(second, col)),
          labels.columns.total,
        ]),
      );
      for (const key of rows) {
        const row = sheet.addRow([fmt.category(first, key)]);
        cols.forEach((col, i) => {
          put(row.getCell(i + 2), tab.cells?.[key]?.[col]);
        });
        put(row.getCell(cols.length + 2), tab.rows?.[key]);
        row.getCell(cols.length + 2).font = { ...row.getCell(cols.length + 2).font, bold: true };
      }
      const margins = sheet.addRow([labels.columns.total]);
      margins.font = { bold: true };
      cols.forEach((col, i) => {
        put(margins.getCell(i + 2), tab.cols?.[col]);
      });
      put(margins.getCell(cols.length + 2), tab.total);
    }
  }
}

function seriesSheet(workbook: ExcelJS.Workbook, report: Report, fmt: ExportFormatter) {
  const { labels } = fmt;
  const periods = seriesPeriods(report);
  const sheet = addSheet(
    workbook,
    labels.sheets.series,
    [12, 52, 16, ...periods.flatMap(() => [14, 14])],
    2,
    2,
  );
  const top = sheet.addRow([
    labels.columns.code,
    labels.columns.indicator,
    labels.columns.unit,
    ...periods.flatMap((p) => [
      `${p.label} (${fmt.shortDate(p.startDate)} – ${fmt.shortDate(p.endDate)}) — ${labels.sources[p.source]}`,
      '',
    ]),
  ]);
  const sub = sheet.addRow([
    '',
    '',
    '',
    ...periods.flatMap(() => [labels.columns.seriesValue, labels.columns.seriesTarget]),
  ]);
  styleHeader(top);
  styleHeader(sub);
  top.height = 45;
  for (const [i] of periods.entries()) sheet.mergeCells(1, 4 + 2 * i, 1, 5 + 2 * i);
  for (const col of [1, 2, 3]) sheet.mergeCells(1, col, 2, col);

  for (const section of frameworkSections(report))
    for (const indicator of section.indicators) {
      const row = sheet.addRow([indicator.code, indicator.title, fmt.unit(indicator.unit)]);
      row.alignment = { vertical: 'top', wrapText: true };
      const byPeriod = new Map(indicator.series.map((p) => [p.periodId, p]));
      periods.forEach((period, i) => {
        const point = byPeriod.get(period.periodId);
        if (!point) return;
        putFigure(
          row.getCell(4 + 2 * i),
          fmt,
          indicator.unit,
          point.value,
          isHidden(report, indicator, point.value),
        );
        putFigure(row.getCell(5 + 2 * i), fmt, indicator.unit, point.target, false);
      });
    }
}

function budgetSheet(workbook: ExcelJS.Workbook, report: Report, fmt: ExportFormatter) {
  const { labels } = fmt;
  const c = labels.columns;
  const sheet = addSheet(workbook, labels.sheets.budget, [12, 44, 10, 18, 18, 18, 14], 1);
  styleHeader(sheet.addRow([c.code, c.budgetLine, c.currency, c.budget, c.spent, c.remaining, c.spentShare]));
  const putMoney = (cell: Cell, minor: number, currency: string) => {
    cell.value = minor / 10 ** moneyDigits(currency);
    cell.numFmt = moneyFormat(currency, fmt.language);
  };
  const line = (code: string, label: string, currency: string, budget: number, spent: number) => {
    const row = sheet.addRow([code, label, currency]);
    putMoney(row.getCell(4), budget, currency);
    putMoney(row.getCell(5), spent, currency);
    putMoney(row.getCell(6), budget - spent, currency);
    putRatio(row.getCell(7), budget > 0 ? spent / budget : null);
    return row;
  };
  if (report.budget.length === 0) sheet.addRow([labels.noBudget]);
  for (const l of report.budget) line(l.code, l.label, l.currency, l.budgetMinor, l.spentMinor);
  // A total per currency: amounts in different currencies are never added together.
  const currencies = [...new Set(report.budget.map((l) => l.currency))];
  for (const currency of currencies) {
    const lines = report.budget.filter((l) => l.currency === currency);
    const sum = (pick: (l: (typeof lines)[number]) => number) => lines.reduce((s, l) => s + pick(l), 0);
    const total = line(
      '',
      labels.columns.total,
      currency,
      sum((l) => l.budgetMinor),
      sum((l) => l.spentMinor),
    );
    total.font = { bold: true };
    total.eachCell((cell) => {
      cell.border = { top: THIN };
    });
  }
}

function changesSheet(workbook: ExcelJS.Workbook, report: Report, fmt: ExportFormatter) {
  const { labels } = fmt;
  const c = labels.columns;
  const sheet = addSheet(workbook, labels.sheets.changes, [14, 12, 48, 40, 16, 16, 14], 1);
  styleHeader(sheet.addRow([c.periodLabel, c.code, c.indicator, c.cell, c.submitted, c.now, c.difference]));
  if (report.changes.length === 0) sheet.addRow([labels.noChanges]);
  const byCode = new Map(report.indicators.map((i) => [i.code, i]));
  for (const change of report.changes) {
    const indicator: ReportIndicator | undefined = byCode.get(change.indicatorCode);
    const unit: Unit = indicator?.unit ?? 'count';
    const cellLabel = changeCellLabel(fmt, change.cell);
    const row = sheet.addRow([change.periodLabel, change.indicatorCode, indicator?.title ?? '', cellLabel]);
    // A null here was (or now is) a hidden cell of a report that left the office.
    putFigure(row.getCell(5), fmt, unit, change.submitted, true);
    putFigure(row.getCell(6), fmt, unit, change.now, true);
    if (change.submitted !== null && change.now !== null)
      putFigure(row.getCell(7), fmt, unit, change.now - change.submitted, false);
  }
}

function definitionsSheet(workbook: ExcelJS.Workbook, report: Report, fmt: ExportFormatter) {
  const { labels } = fmt;
  const c = labels.columns;
  const sheet = addSheet(workbook, labels.sheets.definitions, [12, 44, 30, 36, 80, 16, 14, 40], 1);
  styleHeader(
    sheet.addRow([
      c.code,
      c.indicator,
      c.definition,
      c.definitionTitle,
      c.counts,
      c.unit,
      c.personal,
      c.breakdownsAvailable,
    ]),
  );
  const computed = report.indicators.filter((i) => i.definition !== null);
  if (computed.length === 0) sheet.addRow([labels.noDefinitions]);
  for (const indicator of computed) {
    const d = indicator.definition;
    if (!d) continue;
    const row = sheet.addRow([
      indicator.code,
      indicator.title,
      labels.definitionVersion(d.id, d.version),
      d.title[report.language],
      d.counts[report.language],
      fmt.unit(d.unit),
      d.personal ? labels.yes : labels.no,
      d.breakdowns.map((b) => fmt.breakdown(b)).join(', '),
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
  }
}

export async function reportToXlsx(report: Report): Promise<Buffer> {
  const fmt = exportFormatter(report.language);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Passerelle';
  workbook.title = `${fmt.labels.reportTitle} — ${report.project.name} — ${report.period.label}`;
  workbook.created = new Date(report.generatedAt);
  workbook.modified = new Date(report.generatedAt);

  summarySheet(workbook, report, fmt);
  indicatorsSheet(workbook, report, fmt);
  breakdownsSheet(workbook, report, fmt);
  seriesSheet(workbook, report, fmt);
  budgetSheet(workbook, report, fmt);
  changesSheet(workbook, report, fmt);
  definitionsSheet(workbook, report, fmt);

  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
