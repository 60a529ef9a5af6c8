import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { Manifest, ManifestPassenger } from './manifest';
import { manifestToPdf } from './manifest-pdf';
import { manifestToXlsx } from './manifest-xlsx';

async function pdfText(buffer: Buffer) {
  const pdf = await getDocument({
    data: new Uint8Array(buffer),
    useSystemFonts: false,
    disableFontFace: true,
  }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(
      content.items
        .map((i) => ('str' in i ? i.str : ''))
        .join(' ')
        .normalize('NFKC')
        .replace(/\s+/g, ' '),
    );
  }
  await pdf.destroy();
  return pages;
}

const passenger = (i: number, extra: Partial<ManifestPassenger> = {}): ManifestPassenger => ({
  household: `PAR-2015-${String(Math.floor(i / 4)).padStart(5, '0')}`,
  agencyReference: `LEB-14C${1000 + Math.floor(i / 4)}`,
  relationship: i % 4 === 0 ? 'principal' : 'child',
  familyName: 'HADDAD',
  givenName: `Samir${i}`,
  nameOriginal: 'سمير حداد',
  sex: 'M',
  birthDate: i % 4 === 3 ? '2014' : '1980-04-02',
  nationality: 'SY',
  travelDocument: 'passport •••4567',
  visa: '•••8870',
  needs: 'ER-NC',
  ssr: i === 0 ? 'WCHR MEDICAL_ESCORT' : '',
  escort: i === 0 ? 'Dr Rania Khoury' : '',
  boarding: 'pending',
  seat: i % 4 !== 3,
  ...extra,
});

const manifest = (count: number, extra: Partial<Manifest> = {}): Manifest => ({
  lang: 'en',
  reference: 'MOV-2015-0001',
  destinationCountry: 'FR',
  departureDate: '2015-11-05',
  status: 'planned',
  numbersRevealed: false,
  legs: [
    {
      flight: 'TK827 (Turkish Airlines)',
      route: 'BEY → IST',
      departsAt: '2015-11-05 05:00',
      arrivesAt: '2015-11-05 06:30',
    },
    {
      flight: 'TK1821 (Turkish Airlines)',
      route: 'IST → CDG',
      departsAt: '2015-11-05 09:00',
      arrivesAt: '2015-11-05 11:45',
    },
  ],
  escorts: [
    { name: 'Dr Rania Khoury', kind: 'medical', organisation: 'OIM', forHousehold: 'PAR-2015-00000' },
  ],
  passengers: Array.from({ length: count }, (_, i) => passenger(i)),
  totals: { persons: count, seats: count, infants: 0, escorts: 1, households: Math.ceil(count / 4) },
  printedAt: '2015-11-04T10:00:00.000Z',
  ...extra,
});

describe('manifest PDF', () => {
  it('prints names in both scripts, dates, masked numbers, SSR codes and escorts, with the page on every page', async () => {
    const pages = await pdfText(await manifestToPdf(manifest(6)));
    const text = pages.join(' ');
    expect(text).toContain('Movement manifest — MOV-2015-0001');
    expect(text).toContain('HADDAD');
    expect(text).toContain('Samir0');
    // Arabic letters come out of the PDF (pdfkit does not reorder them; the cell holds one script).
    expect(/[\u0600-\u06FF\uFE70-\uFEFF]/.test(text)).toBe(true);
    expect(text).toContain('2014');
    expect(text).toContain('•••8870');
    expect(text).toContain('WCHR MEDICAL_ESCORT');
    expect(text).toContain('Dr Rania Khoury');
    expect(text).toContain('Document numbers masked');
    for (const [i, p] of pages.entries()) expect(p).toContain(`page ${i + 1} / ${pages.length}`);
  });

  it('spreads 300 passengers over pages under a repeated header, and gives the same bytes twice', async () => {
    const big = manifest(300);
    const [a, b] = [await manifestToPdf(big), await manifestToPdf(big)];
    expect(a.equals(b)).toBe(true);
    const pages = await pdfText(a);
    expect(pages.length).toBeGreaterThan(5);
    for (const p of pages.slice(1)) expect(p).toContain('Family name');
    expect(pages.join(' ')).toContain('Samir299');
  });

  it('speaks French and says when numbers are revealed', async () => {
    const text = (
      await pdfText(await manifestToPdf(manifest(2, { lang: 'fr', numbersRevealed: true })))
    ).join(' ');
    expect(text).toContain('Manifeste de mouvement');
    expect(text).toContain('Numéros de documents complets : confidentiel');
  });
});

describe('manifest XLSX', () => {
  it('reads back passengers, legs and escorts; numbers kept as text; original script right to left', async () => {
    const m = manifest(3, { passengers: [passenger(0, { travelDocument: 'passport 0012345' })] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await manifestToXlsx(m)) as never);
    const [sheet, legs, escorts] = workbook.worksheets;
    expect(sheet?.getRow(1).getCell(3).value).toBe('Family name');
    const row = sheet?.getRow(2);
    expect(row?.getCell(3).value).toBe('HADDAD');
    expect(row?.getCell(5).value).toBe('سمير حداد');
    expect(row?.getCell(5).alignment?.readingOrder).toBe('rtl');
    expect(row?.getCell(9).value).toBe('passport 0012345');
    expect(legs?.getRow(2).getCell(1).value).toBe('TK827 (Turkish Airlines)');
    expect(escorts?.getRow(2).getCell(1).value).toBe('Dr Rania Khoury');
  });
});
