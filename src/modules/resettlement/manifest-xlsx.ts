/** The manifest as a workbook: passengers, legs, escorts; numbers kept as text; the original script right to left. */
import ExcelJS from 'exceljs';
import type { Manifest, ManifestPassenger } from './manifest';
import { MANIFEST_LABELS } from './manifest-labels';

const KEYS: [keyof ManifestPassenger, string][] = [
  ['household', 'household'],
  ['agencyReference', 'agency'],
  ['familyName', 'familyName'],
  ['givenName', 'givenName'],
  ['nameOriginal', 'nameOriginal'],
  ['sex', 'sex'],
  ['birthDate', 'birthDate'],
  ['nationality', 'nationality'],
  ['travelDocument', 'travelDocument'],
  ['visa', 'visa'],
  ['needs', 'needs'],
  ['ssr', 'ssr'],
  ['escort', 'escort'],
  ['boarding', 'boarding'],
];

export async function manifestToXlsx(m: Manifest): Promise<Buffer> {
  const labels = MANIFEST_LABELS[m.lang];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Passerelle';
  workbook.created = new Date(m.printedAt);
  workbook.modified = new Date(m.printedAt);
  const sheet = workbook.addWorksheet(labels.title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = KEYS.map(([key, label]) => ({
    header: labels.columns[label as keyof typeof labels.columns],
    key,
    width: key === 'nameOriginal' || key === 'travelDocument' ? 24 : 14,
    // Text, never numbers: document numbers and dates keep their zeros and their form.
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const p of m.passengers) {
    const row = sheet.addRow(Object.fromEntries(KEYS.map(([key]) => [key, String(p[key] ?? '')])));
    row.getCell('nameOriginal').alignment = { readingOrder: 'rtl', horizontal: 'right' };
  }
  const legs = workbook.addWorksheet(labels.legs.slice(0, 31));
  legs.columns = (['flight', 'route', 'departsAt', 'arrivesAt'] as const).map((key) => ({
    header: labels.legColumns[key],
    key,
    width: 22,
  }));
  for (const l of m.legs) legs.addRow(l);
  const escorts = workbook.addWorksheet(labels.escorts.slice(0, 31));
  escorts.columns = (['name', 'kind', 'organisation', 'forHousehold'] as const).map((key) => ({
    header: labels.escortColumns[key],
    key,
    width: 24,
  }));
  for (const e of m.escorts) escorts.addRow(e);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
