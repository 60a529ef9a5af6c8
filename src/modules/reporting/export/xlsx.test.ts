import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXPORT_LABELS } from './labels';
import { sampleReport } from './sample-report';
import { reportToXlsx } from './xlsx';

async function readBack(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The rows of a sheet as arrays of cell values (1-based columns kept at their index - 1). */
function rowsOf(ws: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  ws.eachRow((row) => {
    const values: ExcelJS.CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      values[col - 1] = cell.value;
    });
    rows.push(values);
  });
  return rows;
}

describe('reportToXlsx', () => {
  for (const language of ['fr', 'en'] as const) {
    const labels = EXPORT_LABELS[language];

    it(`writes one localised sheet per section with frozen headers (${language})`, async () => {
      const workbook = await readBack(await reportToXlsx(sampleReport(language)));
      expect(workbook.worksheets.map((w) => w.name)).toEqual([
        labels.sheets.summary,
        labels.sheets.indicators,
        labels.sheets.breakdowns,
        labels.sheets.series,
        labels.sheets.budget,
        labels.sheets.changes,
        labels.sheets.definitions,
      ]);
      const indicators = sheet(workbook, labels.sheets.indicators);
      expect(indicators.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 2 });
      expect(sheet(workbook, labels.sheets.series).views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
      expect(sheet(workbook, labels.sheets.budget).views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const header = indicators.getRow(1);
      expect(header.getCell(1).value).toBe(labels.columns.code);
      expect(header.getCell(7).value).toBe(labels.columns.value);
      expect(header.font?.bold).toBe(true);
    });

    it(`holds the value, targets and progress of an indicator as numbers (${language})`, async () => {
      const workbook = await readBack(await reportToXlsx(sampleReport(language)));
      const indicators = sheet(workbook, labels.sheets.indicators);
      let found: ExcelJS.Row | undefined;
      indicators.eachRow((row) => {
        if (row.getCell(1).value === 'OP1.1.a') found = row;
      });
      if (!found) throw new Error('OP1.1.a not found');
      expect(found.getCell(5).value).toBe(0); // baseline
      expect(found.getCell(6).value).toBe(180); // period target
      expect(found.getCell(7).value).toBe(183); // value
      expect(found.getCell(8).value).toBe(412); // cumulative
      expect(found.getCell(9).value).toBe(900); // overall target
      expect(found.getCell(10).value).toBeCloseTo(412 / 900, 10);
      expect(found.getCell(10).numFmt).toBe('0.0%');
      expect(found.getCell(7).numFmt).toBe('#,##0');

      // Amounts in euros (not cents) with a money format; percentages as ratios.
      indicators.eachRow((row) => {
        if (row.getCell(1).value === 'OP1.2.b') {
          expect(row.getCell(7).value).toBe(482_500);
          expect(row.getCell(7).numFmt).toContain('€');
        }
        if (row.getCell(1).value === 'OC1.a') {
          expect(row.getCell(7).value).toBeCloseTo(0.64, 10);
          expect(row.getCell(11).value).toBe(labels.manualStatuses.validated);
          expect(String(row.getCell(12).value)).toContain('112');
        }
        // A manual value not entered yet is empty, not "hidden".
        if (row.getCell(1).value === 'OC2.a') expect(row.getCell(7).value).toBeNull();
      });
    });

    it(`shows the hidden mark, never a number, where the report has a hidden cell (${language})`, async () => {
      const report = sampleReport(language);
      const workbook = await readBack(await reportToXlsx(report));
      const rows = rowsOf(sheet(workbook, labels.sheets.breakdowns));
      // The one-dimensional "sex" table of OP1.1.a: other and unknown are hidden.
      const title = rows.findIndex(
        (r) => String(r[0] ?? '').startsWith(`OP1.1.a — `) && String(r[0]).endsWith(labels.breakdowns.sex),
      );
      expect(title).toBeGreaterThan(0);
      const block = rows.slice(title + 2, title + 7);
      expect(block.map((r) => r[0])).toEqual([
        labels.values.sex.female,
        labels.values.sex.male,
        labels.values.sex.other,
        labels.values.sex.unknown,
        labels.columns.total,
      ]);
      expect(block.map((r) => r[1])).toEqual([71, 109, labels.suppressedMark, labels.suppressedMark, 183]);

      // The matrix: margins and cells, hidden ones marked.
      const matrix = rows.findIndex((r) =>
        String(r[0] ?? '').endsWith(`${labels.breakdowns.sex} × ${labels.breakdowns.age_band}`),
      );
      const male = rows.slice(matrix).find((r) => r[0] === labels.values.sex.male);
      expect(male?.slice(1, 6)).toEqual([88, 18, labels.suppressedMark, labels.suppressedMark, 109]);

      // Nowhere in the workbook does a hidden figure appear as a number: the hidden series value of OP2.1.a.
      const series = rowsOf(sheet(workbook, labels.sheets.series));
      const trained = series.find((r) => r[0] === 'OP2.1.a');
      expect(trained?.slice(3, 9)).toEqual([45, 40, 64, 60, labels.suppressedMark, 60]);
    });

    it(`lists what each computed indicator counts, and the summary mentions (${language})`, async () => {
      const report = sampleReport(language);
      const workbook = await readBack(await reportToXlsx(report));
      const texts = rowsOf(sheet(workbook, labels.sheets.definitions)).flat().map(String);
      const computed = report.indicators.filter((i) => i.definition);
      expect(computed.length).toBeGreaterThan(3);
      for (const indicator of computed) {
        expect(texts).toContain(indicator.definition?.counts[language]);
        expect(texts).toContain(
          labels.definitionVersion(indicator.definition?.id ?? '', indicator.definition?.version ?? 0),
        );
      }
      const summary = rowsOf(sheet(workbook, labels.sheets.summary)).flat().map(String);
      expect(summary).toContain(report.project.cofunding);
      expect(summary).toContain(report.snapshot?.signature);
      expect(summary.some((s) => s.includes(labels.suppressionCounts(16, 1)))).toBe(true);

      const budget = rowsOf(sheet(workbook, labels.sheets.budget));
      const staff = budget.find((r) => r[0] === 'A1');
      expect(staff?.slice(3, 6)).toEqual([980_000, 412_500.75, 567_499.25]);
      const changes = rowsOf(sheet(workbook, labels.sheets.changes));
      expect(changes[1]?.slice(0, 2)).toEqual(['S1 2024', 'OP1.1.a']);
      expect(changes[3]?.[4]).toBe(labels.suppressedMark);
    });
  }
});
