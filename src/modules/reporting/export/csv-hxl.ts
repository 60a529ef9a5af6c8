/**
 * The report as a tidy CSV with an HXL hashtag row (https://hxlstandard.org): one row per indicator and
 * figure of the period (the indicator's total, then for each breakdown table its total, margins and
 * cells), so a spreadsheet or an HXL tool can filter and pivot it. RFC 4180, UTF-8 with a byte-order mark
 * (so spreadsheet software reads the accents), CRLF line ends.
 */
import type { Breakdown, Report, ReportIndicator } from '../contract';
import { EXPORT_LABELS } from './labels';
import { inDisplayUnit, isHidden, tabEntries } from './report-view';

/** The columns: human header (localised) and HXL hashtag. */
const COLUMNS = [
  ['indicatorCode', '#indicator+code'],
  ['indicatorName', '#indicator+name'],
  ['unit', '#indicator+unit'],
  ['periodStart', '#date+start'],
  ['periodEnd', '#date+end'],
  ['breakdown', '#meta+breakdown'],
  ['dimension1', '#meta+dimension1'],
  ['value1', '#meta+value1'],
  ['dimension2', '#meta+dimension2'],
  ['value2', '#meta+value2'],
  ['hxl', '#meta+hxl'],
  ['value', '#indicator+value+num'],
  ['affected', '#affected+num'],
  ['target', '#targeted+num'],
  ['suppressed', '#meta+suppressed'],
] as const;

type Column = (typeof COLUMNS)[number][0];
type Row = Record<Column, string>;

/**
 * HXL attributes of a category, so a consumer can pivot counts into `#affected+f+children`. Only sex and
 * age band have standard attributes; unaccompanied minors stay children (a `+children` filter keeps them)
 * with an extra attribute. Other categories get none.
 */
const HXL_ATTRIBUTES: Partial<Record<Breakdown, Record<string, string>>> = {
  sex: { female: '+f', male: '+m' },
  age_band: { adult: '+adults', minor: '+children', unaccompanied_minor: '+children+unaccompanied' },
};

function hxlAttributes(categories: [Breakdown | undefined, string | null][]): string {
  // Sex first, then age: the order HXL examples use (#affected+f+children).
  const order: Breakdown[] = ['sex', 'age_band'];
  return order
    .map((d) => {
      const found = categories.find(([dimension, key]) => dimension === d && key !== null);
      return found ? (HXL_ATTRIBUTES[d]?.[found[1] as string] ?? '') : '';
    })
    .join('');
}

/**
 * A text field made safe for spreadsheets (CWE-1236): a field that starts with =, +, -, @ (or a tab or
 * carriage return, which some spreadsheets skip before reading a formula) would be run as a formula when
 * the file is opened, so it is prefixed with an apostrophe. Applied to every field that holds text that
 * people wrote (titles, codes, labels); numbers we format ourselves and the HXL attribute column, whose
 * values are the fixed list above, are written as they are.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180: a field with a double quote, comma, CR or LF is quoted, its quotes doubled. */
export function csvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

const csvLine = (fields: readonly string[]) => fields.map(csvField).join(',');

/** A number as a machine reads it: plain decimal, dot separator, no grouping. */
const plain = (n: number | null) => (n === null ? '' : String(Math.round(n * 1e6) / 1e6));

export function reportToCsv(report: Report): string {
  const headers = EXPORT_LABELS[report.language].csv;
  const rows: Row[] = [];

  const figure = (indicator: ReportIndicator, n: number | null) =>
    plain(n === null ? null : inDisplayUnit(indicator.unit, n));

  for (const indicator of report.indicators) {
    const base = {
      indicatorCode: neutraliseFormula(indicator.code),
      indicatorName: neutraliseFormula(indicator.title),
      unit: indicator.unit,
      periodStart: report.period.startDate,
      periodEnd: report.period.endDate,
    };
    // `#affected` is people affected: counts of persons only (not reach, money or percentages).
    const persons = indicator.unit === 'persons';
    const push = (fields: {
      breakdown: string;
      dimensions: Breakdown[];
      row: string | null;
      col: string | null;
      value: number | null;
      hidden: boolean;
      target: number | null;
    }) => {
      const [d1, d2] = fields.dimensions;
      const value = fields.hidden ? '' : figure(indicator, fields.value);
      rows.push({
        ...base,
        breakdown: fields.breakdown,
        dimension1: d1 ?? '',
        value1: fields.row === null ? '' : neutraliseFormula(fields.row),
        dimension2: d2 ?? '',
        value2: fields.col === null ? '' : neutraliseFormula(fields.col),
        hxl: hxlAttributes([
          [d1, fields.row],
          [d2, fields.col],
        ]),
        value,
        affected: persons ? value : '',
        target: figure(indicator, fields.target),
        suppressed: fields.hidden ? '1' : '0',
      });
    };

    push({
      breakdown: '',
      dimensions: [],
      row: null,
      col: null,
      value: indicator.value,
      hidden: isHidden(report, indicator, indicator.value),
      target: indicator.periodTarget,
    });
    for (const tab of indicator.breakdowns)
      for (const entry of tabEntries(tab))
        push({
          breakdown: neutraliseFormula(tab.spec),
          dimensions: tab.dimensions,
          // An empty category is "all": the total of the table, or a margin over the other dimension.
          row: entry.row,
          col: entry.col,
          value: entry.value,
          // In a breakdown table, null is always a hidden cell (the contract says so).
          hidden: entry.value === null,
          // The period target is on the indicator's own row only, so summing the column counts it once.
          target: null,
        });
  }

  const lines = [
    csvLine(COLUMNS.map(([key]) => neutraliseFormula(headers[key]))),
    csvLine(COLUMNS.map(([, tag]) => tag)),
    ...rows.map((row) => csvLine(COLUMNS.map(([key]) => row[key]))),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
