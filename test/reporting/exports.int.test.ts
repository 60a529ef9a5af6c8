/**
 * Report exports end to end: asked through the API, made by the worker, downloaded, opened back: the XLSX
 * holds the JSON report's figures, the CSV its HXL hashtag row, the PDF the project, the indicators and the
 * suppression note, the IATI file its identifier and result periods. A shared export holds no count of 1 to
 * 4 persons. An expired export is gone (410); a failed one says why; the parameters are audited.
 */
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projects } from '../../src/modules/projects/tables';
import type { Report } from '../../src/modules/reporting/contract';
import { EXPORT_LABELS } from '../../src/modules/reporting/export/labels';
import { auditAfter, expectJson, expectProblem, lastAuditSeq, type Session } from '../api/helpers';
import { tickingClock } from '../cases/helpers';
import { createTestApp, type TestApp } from '../harness/app';
import { signIn } from '../registry/helpers';
import {
  addPeriod,
  buildFramework,
  closePeriod,
  type ExportBody,
  getReport,
  indicatorOf,
  insertBudgetLine,
  insertCase,
  insertDelivery,
  insertItem,
  insertPerson,
  insertPlan,
  type PeriodBody,
  resetFixtures,
  settledExport,
  tableOf,
} from './helpers';

const USERS = ['pm@x.test'] as const;
let t: TestApp;
let as: Awaited<ReturnType<typeof signIn<(typeof USERS)[number]>>>['as'];
let refresh: () => Promise<void>;
let care: string;
let Q1: PeriodBody;
let Q2: PeriodBody;
let otherPeriod: PeriodBody;
const PERSON_CODES = new Set(['A1', 'R1']);

const pm = () => as('pm@x.test');

async function person(sex: 'female' | 'male', birthDate: string, createdAt: string, departed = false) {
  const PAR = await t.office('PAR');
  const personId = await insertPerson(t.db, { officeId: PAR, sex, birthDate });
  return insertCase(t.db, {
    personId,
    officeId: PAR,
    projectId: care,
    createdAt,
    status: departed ? 'departed' : 'counselling',
    departureDate: departed ? createdAt.slice(0, 10) : null,
  });
}

beforeAll(async () => {
  resetFixtures();
  t = await createTestApp();
  tickingClock(t.clock);
  await t.office('PAR');
  care = (await t.project('CARE', 'PAR')).id;
  await t.db
    .update(projects)
    .set({
      name: 'CARE – réintégration sur mesure',
      donor: 'Union européenne (AMIF)',
      startDate: '2025-07-01',
      endDate: '2026-12-31',
      originCountries: ['AL', 'MA'],
    })
    .where(eq(projects.id, care));
  const other = (await t.project('OTHER', 'PAR')).id;
  await t.user('pm@x.test', [['PAR', 'project_manager']]);
  ({ as, refresh } = await signIn(t, USERS));
  const { ids } = await buildFramework(pm(), care, [
    {
      code: 'A1',
      definition: 'persons_assisted',
      target: 130,
      breakdowns: ['sex', 'age_band', 'sex*age_band'],
    },
    { code: 'R1', definition: 'persons_returned', target: 60 },
    { code: 'B1', definition: 'budget_spent', target: 50_000, breakdowns: ['budget_line'] },
    { code: 'M1', kind: 'manual', unit: 'count', target: 40 },
  ]);
  Q1 = await addPeriod(pm(), care, { label: 'Q1 2026', startDate: '2026-01-01', endDate: '2026-03-31' });
  Q2 = await addPeriod(pm(), care, { label: 'Q2 2026', startDate: '2026-04-01', endDate: '2026-06-30' });
  otherPeriod = await addPeriod(pm(), other, {
    label: 'Other Q1',
    startDate: '2026-01-01',
    endDate: '2026-03-31',
  });
  // Q1: 10 women (one a minor) and 2 men; 3 of them departed. Q2: 5 women and 1 man.
  const firstCase = await person('female', '1990-01-01', '2026-01-10T10:00:00Z', true);
  await person('female', '1990-01-01', '2026-01-11T10:00:00Z', true);
  await person('male', '1990-01-01', '2026-01-12T10:00:00Z', true);
  await person('female', '2012-01-01', '2026-01-13T10:00:00Z');
  for (let i = 0; i < 7; i++) await person('female', '1990-01-01', `2026-02-${10 + i}T10:00:00Z`);
  await person('male', '1990-01-01', '2026-03-01T10:00:00Z');
  for (let i = 0; i < 5; i++) await person('female', '1990-01-01', `2026-05-${10 + i}T10:00:00Z`);
  await person('male', '1990-01-01', '2026-05-20T10:00:00Z');
  // 1,250.00 EUR delivered in Q1 from line BL1 (budget 20,000.00 EUR).
  const line = await insertBudgetLine(t.db, {
    projectId: care,
    code: 'BL1',
    currency: 'EUR',
    amountMinor: 2_000_000,
  });
  const plan = await insertPlan(t.db, {
    caseId: firstCase,
    status: 'approved',
    approvals: ['2026-01-20T10:00:00Z'],
    decidedAt: '2026-01-20T10:00:00Z',
  });
  const item = await insertItem(t.db, {
    planId: plan,
    dimension: 'economic',
    mode: 'cash',
    currency: 'EUR',
    budgetLineId: line,
  });
  await insertDelivery(t.db, {
    itemId: item,
    caseId: firstCase,
    amountMinor: 125_000,
    currency: 'EUR',
    deliveredOn: '2026-02-01',
  });
  // A validated manual value for Q1, then Q1 closed; a woman's case recorded late inside Q1.
  const entered = expectJson<{ version: number }>(
    await pm().inject({
      method: 'PUT',
      url: `/api/report-indicators/${ids.M1}/values/${Q1.id}`,
      payload: { value: 25 },
    }),
  );
  expectJson(
    await pm().inject({
      method: 'POST',
      url: `/api/report-indicators/${ids.M1}/values/${Q1.id}/decision`,
      payload: { version: entered.version, decision: 'validated' },
    }),
  );
  Q1 = await closePeriod(pm(), Q1);
  await person('female', '1990-01-01', '2026-03-20T10:00:00Z');
});
afterAll(() => t.close());

async function exported(body: Record<string, unknown>, session: Session = pm()) {
  const made = expectJson<ExportBody>(
    await session.inject({ method: 'POST', url: `/api/projects/${care}/report-exports`, payload: body }),
    202,
  );
  expect(made.status).toBe('queued');
  const done = await settledExport(session, `/api/report-exports/${made.id}`);
  expect(done, JSON.stringify(done)).toMatchObject({ status: 'done', progress: 100, error: null });
  const file = await session.inject({ method: 'GET', url: `/api/report-exports/${made.id}/file` });
  expect(file.statusCode).toBe(200);
  return { done, file, body: file.rawPayload };
}

async function workbook(buffer: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  return book;
}

const cellValue = (cell: ExcelJS.Cell) =>
  cell.value === null || cell.value === undefined ? null : cell.value;

/** Rows of a sheet as arrays of values (index 0 is column A). */
function rowsOf(sheet: ExcelJS.Worksheet | undefined): unknown[][] {
  const out: unknown[][] = [];
  if (!sheet) return out;
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values: unknown[] = [];
    for (let c = 1; c <= Math.max(sheet.columnCount, 1); c++) values.push(cellValue(row.getCell(c)));
    out.push(values);
  });
  return out;
}

/** RFC 4180, as the export writes it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

async function pdfText(buffer: Buffer): Promise<string> {
  const pdf = await getDocument({
    data: new Uint8Array(buffer),
    useSystemFonts: false,
    disableFontFace: true,
  }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str);
  }
  await pdf.destroy();
  return parts.join(' ').replace(/\s+/g, ' ');
}

const isSmall = (v: unknown) => typeof v === 'number' && v > 0 && v < 5;

describe('exports', () => {
  it('writes an XLSX holding the figures of the JSON report', async () => {
    const report = await getReport(pm(), care, { periodId: Q2.id, shared: false });
    const { done, body } = await exported({ format: 'xlsx', periodId: Q2.id, shared: false });
    expect(done.fileName).toBe('CARE-Q2_2026.xlsx');
    const labels = EXPORT_LABELS.fr;
    const book = await workbook(body);
    expect(book.worksheets.map((s) => s.name)).toEqual(Object.values(labels.sheets));

    const summary = rowsOf(book.getWorksheet(labels.sheets.summary));
    expect(summary).toContainEqual([labels.fields.project, 'CARE – réintégration sur mesure']);
    expect(summary).toContainEqual([labels.fields.suppression, labels.suppressionNotApplied]);

    const indicators = rowsOf(book.getWorksheet(labels.sheets.indicators));
    for (const code of ['A1', 'R1', 'B1', 'M1']) {
      const row = indicators.find((r) => r[0] === code);
      const figure = indicatorOf(report, code);
      expect(row, code).toBeDefined();
      // Columns: code, title, unit, kind, baseline, period target, value, cumulative, target, progress.
      expect(row?.[1]).toBe(figure.title);
      expect(row?.[6] ?? null, `${code} value`).toBe(figure.value);
      expect(row?.[7] ?? null, `${code} cumulative`).toBe(figure.cumulative);
      expect(row?.[8] ?? null, `${code} target`).toBe(figure.target);
      expect(row?.[9] ?? null, `${code} progress`).toBe(figure.progress);
    }
    expect(indicators.find((r) => r[0] === 'A1')?.slice(6, 9)).toEqual([6, 19, 130]);
    expect(indicators.find((r) => r[0] === 'B1')?.[7]).toBe(1250);

    // A breakdown cell: women adults of Q2 (5).
    const breakdowns = rowsOf(book.getWorksheet(labels.sheets.breakdowns));
    const spec = `${labels.breakdowns.sex} × ${labels.breakdowns.age_band}`;
    const title = breakdowns.findIndex(
      (r) => r[0] === labels.breakdownTitle('A1', indicatorOf(report, 'A1').title, spec),
    );
    expect(title).toBeGreaterThan(0);
    const header = breakdowns[title + 1] ?? [];
    const adults = header.indexOf(labels.values.age_band.adult);
    const women = breakdowns.slice(title + 2).find((r) => r[0] === labels.values.sex.female);
    expect(women?.[adults]).toBe(tableOf(indicatorOf(report, 'A1'), 'sex*age_band').cells?.female?.adult);
    expect(women?.[adults]).toBe(5);

    // The series: Q1 as submitted (12), Q2 live (6).
    const series = rowsOf(book.getWorksheet(labels.sheets.series));
    expect(series.find((r) => r[0] === 'A1')?.slice(3, 7)).toEqual([12, null, 6, null]);
    // The change since Q1 was submitted.
    const changes = rowsOf(book.getWorksheet(labels.sheets.changes));
    expect(changes.find((r) => r[1] === 'A1')?.slice(4, 7)).toEqual([12, 13, 1]);
    // The definitions: what each computed indicator counts.
    const definitions = rowsOf(book.getWorksheet(labels.sheets.definitions));
    const a1 = definitions.find((r) => r[0] === 'A1');
    expect(a1?.[2]).toBe('persons_assisted, version 1');
    expect(a1?.[4]).toBe(indicatorOf(report, 'A1').definition?.counts.fr);
    expect(definitions.map((r) => r[0])).toEqual(['Code', 'A1', 'B1', 'R1']);
    // The budget: spent in the line's currency.
    const budget = rowsOf(book.getWorksheet(labels.sheets.budget));
    expect(budget.find((r) => r[0] === 'BL1')?.slice(2, 6)).toEqual(['EUR', 20_000, 1250, 18_750]);
  });

  it('writes a CSV with its HXL hashtag row and the report’s figures', async () => {
    const report = await getReport(pm(), care, { periodId: Q2.id, shared: false, language: 'en' });
    const { body, file } = await exported({ format: 'csv', periodId: Q2.id, shared: false, language: 'en' });
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    const text = body.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, hxl, ...rows] = parseCsv(text.slice(1));
    expect(header?.[0]).toBe(EXPORT_LABELS.en.csv.indicatorCode);
    expect(hxl).toEqual([
      '#indicator+code',
      '#indicator+name',
      '#indicator+unit',
      '#date+start',
      '#date+end',
      '#meta+breakdown',
      '#meta+dimension1',
      '#meta+value1',
      '#meta+dimension2',
      '#meta+value2',
      '#meta+hxl',
      '#indicator+value+num',
      '#affected+num',
      '#targeted+num',
      '#meta+suppressed',
    ]);
    const total = rows.find((r) => r[0] === 'A1' && r[5] === '');
    expect(total?.slice(2, 5)).toEqual(['persons', '2026-04-01', '2026-06-30']);
    expect(Number(total?.[11])).toBe(indicatorOf(report, 'A1').value);
    const women = rows.find((r) => r[0] === 'A1' && r[5] === 'sex' && r[7] === 'female');
    expect(women?.slice(10, 15)).toEqual(['+f', '5', '5', '', '0']);
    const spent = rows.find((r) => r[0] === 'B1' && r[5] === '');
    // Q2 has no delivery: 0 EUR, not counted as people.
    expect(spent?.slice(11, 13)).toEqual(['0', '']);
  });

  it('writes a PDF naming the project, the indicators and the suppression note', async () => {
    const { body, file } = await exported({ format: 'pdf', periodId: Q2.id, shared: true });
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(body);
    expect(text).toContain('CARE – réintégration sur mesure');
    for (const code of ['A1', 'R1', 'B1', 'M1']) expect(text).toContain(code);
    const labels = EXPORT_LABELS.fr;
    expect(text).toContain(labels.headings.suppression);
    expect(text).toContain(labels.suppressionNote(5).replace(/\s+/g, ' '));
    expect(text).toContain(labels.suppressedMark);
  });

  it('writes an IATI 2.03 activity with its identifier and a result period per reporting period', async () => {
    const report = await getReport(pm(), care, { periodId: Q2.id, shared: false });
    const { body } = await exported({ format: 'iati', periodId: Q2.id, shared: false });
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@_',
      isArray: (name) =>
        ['result', 'indicator', 'period', 'narrative', 'budget', 'participating-org'].includes(name),
    });
    const xml = parser.parse(body.toString('utf8'));
    const activity = xml['iati-activities']['iati-activity'];
    expect(xml['iati-activities']['@_version']).toBe('2.03');
    expect(activity['iati-identifier']).toBe(`${t.config.iatiOrganisation.ref}-CARE`);
    expect(activity.title.narrative[0]).toBe('CARE – réintégration sur mesure');
    expect(activity['participating-org'][0].narrative[0]).toBe('Union européenne (AMIF)');
    const indicators = (activity.result as { indicator: Record<string, unknown>[] }[]).flatMap(
      (r) => r.indicator,
    );
    const a1 = indicators.find((i) => (i.reference as Record<string, string>)['@_code'] === 'A1') as {
      period: Record<string, Record<string, string>>[];
    };
    expect(
      a1.period.map((p) => [p['period-start']?.['@_iso-date'], p['period-end']?.['@_iso-date']]),
    ).toEqual([
      ['2026-01-01', '2026-03-31'],
      ['2026-04-01', '2026-06-30'],
    ]);
    expect(a1.period.map((p) => Number(p.actual?.['@_value']))).toEqual(
      indicatorOf(report, 'A1').series.map((p) => p.value),
    );
    expect(a1.period.map((p) => Number(p.actual?.['@_value']))).toEqual([12, 6]);
    // Budget periods of at most a year, in euros.
    expect(
      activity.budget.map((b: Record<string, Record<string, string>>) => b.value?.['@_currency']),
    ).toEqual(['EUR', 'EUR']);
  });

  it('never writes a count of 1 to 4 persons in a shared XLSX (figures sheets) or CSV', async () => {
    const report: Report = await getReport(pm(), care, { periodId: Q2.id, shared: true });
    expect(report.suppression.primary).toBeGreaterThan(0);
    const labels = EXPORT_LABELS.fr;
    const book = await workbook((await exported({ format: 'xlsx', periodId: Q2.id })).body);
    const found: string[] = [];
    // Indicators: value and cumulative of person indicators.
    for (const r of rowsOf(book.getWorksheet(labels.sheets.indicators)))
      if (PERSON_CODES.has(String(r[0])))
        for (const c of [6, 7]) if (isSmall(r[c])) found.push(`indicators ${r[0]} ${c}: ${r[c]}`);
    // Series: every period's value.
    for (const r of rowsOf(book.getWorksheet(labels.sheets.series)))
      if (PERSON_CODES.has(String(r[0])))
        for (let c = 3; c < r.length; c += 2) if (isSmall(r[c])) found.push(`series ${r[0]} ${c}: ${r[c]}`);
    // Breakdowns: every number under a person indicator's table title.
    let current = '';
    for (const r of rowsOf(book.getWorksheet(labels.sheets.breakdowns))) {
      const first = String(r[0] ?? '');
      if (/^[A-Z]\d+ — /.test(first)) current = first.split(' — ')[0] ?? '';
      else if (PERSON_CODES.has(current))
        for (const v of r) if (isSmall(v)) found.push(`breakdowns ${current}: ${v}`);
    }
    // The hidden cells show the mark.
    expect(rowsOf(book.getWorksheet(labels.sheets.breakdowns)).flat()).toContain(labels.suppressedMark);
    expect(found).toEqual([]);

    const csv = parseCsv((await exported({ format: 'csv', periodId: Q2.id })).body.toString('utf8').slice(1));
    const persons = csv.slice(2).filter((r) => r[2] === 'persons');
    expect(persons.length).toBeGreaterThan(5);
    expect(persons.filter((r) => isSmall(Number(r[11])) || isSmall(Number(r[12])))).toEqual([]);
    expect(persons.filter((r) => r[14] === '1' && (r[11] !== '' || r[12] !== ''))).toEqual([]);
    expect(persons.some((r) => r[14] === '1')).toBe(true);
  });

  it('never writes a small number of persons in a shared XLSX’s changes either', async () => {
    // Regression (a bug this test found, since fixed): export/xlsx.ts (changesSheet) writes the difference between the
    // submitted and the current figure as a number. In a shared export Q1's 12 and 13 are each large enough
    // to publish, but the sheet spells out "1": one person added late to a closed period, a count of 1
    // person (differencing). A shared report should hide a change whose difference is 1 to 4 persons, or
    // the export should not print it.
    const book = await workbook((await exported({ format: 'xlsx', periodId: Q2.id })).body);
    const changes = rowsOf(book.getWorksheet(EXPORT_LABELS.fr.sheets.changes)).filter((r) =>
      PERSON_CODES.has(String(r[1])),
    );
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.flatMap((r) => r.slice(4, 7)).filter(isSmall)).toEqual([]);
  });

  it('says when an export failed, and why', async () => {
    const made = expectJson<ExportBody>(
      await pm().inject({
        method: 'POST',
        url: `/api/projects/${care}/report-exports`,
        // A period of another project: not one of this report's.
        payload: { format: 'pdf', periodId: otherPeriod.id },
      }),
      202,
    );
    const failed = await settledExport(pm(), `/api/report-exports/${made.id}`);
    expect(failed).toMatchObject({ status: 'failed', error: 'not_found', fileName: null });
    const file = expectProblem(
      await pm().inject({ method: 'GET', url: `/api/report-exports/${made.id}/file` }),
      409,
      'export_not_ready',
    );
    expect(file.detail).toBeTruthy();
    const listed = expectJson<ExportBody[]>(
      await pm().inject({ method: 'GET', url: `/api/projects/${care}/report-exports` }),
    );
    expect(listed.find((e) => e.id === made.id)?.status).toBe('failed');
  });

  it('audits the request with its parameters', async () => {
    const seq = await lastAuditSeq(t.db);
    const made = expectJson<ExportBody>(
      await pm().inject({
        method: 'POST',
        url: `/api/projects/${care}/report-exports`,
        payload: { format: 'csv', periodId: Q1.id, language: 'en', breakdowns: ['age_band'], shared: true },
      }),
      202,
    );
    await settledExport(pm(), `/api/report-exports/${made.id}`);
    const [event] = (await auditAfter(t.db, seq)).filter((e) => e.action === 'report.exported');
    expect(event).toMatchObject({
      recordType: 'report_export',
      recordId: made.id,
      metadata: {
        projectId: care,
        format: 'csv',
        periodId: Q1.id,
        language: 'en',
        breakdowns: ['age_band'],
        shared: true,
        via: 'staff',
        coverage: 'project',
      },
    });
    expect(made.parameters).toEqual({
      format: 'csv',
      periodId: Q1.id,
      language: 'en',
      breakdowns: ['age_band'],
      shared: true,
      via: 'staff',
    });
  });

  it('is gone once expired (410)', async () => {
    const { done } = await exported({ format: 'csv', periodId: Q2.id });
    // Kept 14 days (REPORT_EXPORT_DAYS): a day later it is gone.
    t.clock.set(new Date(new Date(done.expiresAt).getTime() + 86_400_000));
    await refresh();
    expectProblem(
      await pm().inject({ method: 'GET', url: `/api/report-exports/${done.id}/file` }),
      410,
      'export_expired',
    );
  });
});
