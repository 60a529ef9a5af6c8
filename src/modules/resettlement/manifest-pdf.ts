/**
 * The manifest as a PDF: landscape A4, DejaVu fonts (Latin, Cyrillic and Arabic), one script per cell, the
 * header repeated on every page with its page number. Deterministic: the same manifest gives the same bytes.
 */
import PDFDocument from 'pdfkit';
import { fonts } from '../../platform/pdf-fonts';
import type { Manifest, ManifestPassenger } from './manifest';
import { MANIFEST_LABELS } from './manifest-labels';

const PAGE = { width: 841.89, height: 595.28 };
const MARGIN = { top: 70, bottom: 40, left: 28, right: 28 };
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const ROW = 8;

const COLUMNS: { key: keyof ManifestPassenger; weight: number }[] = [
  { key: 'household', weight: 1.1 },
  { key: 'agencyReference', weight: 1.1 },
  { key: 'familyName', weight: 1.2 },
  { key: 'givenName', weight: 1.1 },
  { key: 'nameOriginal', weight: 1.4 },
  { key: 'sex', weight: 0.35 },
  { key: 'birthDate', weight: 0.8 },
  { key: 'nationality', weight: 0.45 },
  { key: 'travelDocument', weight: 1.3 },
  { key: 'visa', weight: 0.9 },
  { key: 'needs', weight: 0.8 },
  // Wide enough for MEDICAL_ESCORT on one line.
  { key: 'ssr', weight: 1.25 },
  { key: 'escort', weight: 0.9 },
  { key: 'boarding', weight: 0.7 },
];
const HEADING_OF: Record<string, string> = { agencyReference: 'agency' };

export async function manifestToPdf(m: Manifest): Promise<Buffer> {
  const labels = MANIFEST_LABELS[m.lang];
  const created = new Date(m.printedAt);
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: MARGIN,
    bufferPages: true,
    lang: m.lang,
    info: {
      Title: `${labels.title} ${m.reference}`,
      Creator: 'Passerelle',
      CreationDate: created,
      ModDate: created,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const files = fonts();
  doc.registerFont('regular', files.regular);
  doc.registerFont('bold', files.bold);

  const total = COLUMNS.reduce((s, c) => s + c.weight, 0);
  const widths = COLUMNS.map((c) => (c.weight / total) * WIDTH);
  const xs = widths.map((_, i) => MARGIN.left + widths.slice(0, i).reduce((s, w) => s + w, 0));
  const bottom = PAGE.height - MARGIN.bottom;

  const tableHeader = () => {
    doc.font('bold').fontSize(6.5).fillColor('#1a1a1a');
    const y = doc.y;
    doc.rect(MARGIN.left, y, WIDTH, ROW + 4).fill('#e8ecf2');
    doc.fillColor('#1a1a1a');
    COLUMNS.forEach((c, i) => {
      const key = (HEADING_OF[c.key] ?? c.key) as keyof typeof labels.columns;
      doc.text(labels.columns[key] ?? c.key, (xs[i] as number) + 2, y + 2, {
        width: (widths[i] as number) - 4,
        lineBreak: false,
        ellipsis: true,
      });
    });
    doc.y = y + ROW + 4;
  };

  const newPage = () => {
    doc.addPage();
    doc.y = MARGIN.top;
    tableHeader();
  };

  // Legs and escorts first, then the passengers.
  doc.y = MARGIN.top;
  doc.font('bold').fontSize(9).text(labels.legs, MARGIN.left, doc.y);
  doc.font('regular').fontSize(8);
  for (const l of m.legs) doc.text(`${l.flight}   ${l.route}   ${l.departsAt} → ${l.arrivesAt}`, MARGIN.left);
  doc.moveDown(0.4);
  doc.font('bold').fontSize(9).text(labels.escorts, MARGIN.left);
  doc.font('regular').fontSize(8);
  for (const e of m.escorts)
    doc.text(
      `${e.name} (${e.kind}${e.organisation ? `, ${e.organisation}` : ''})${e.forHousehold ? ` — ${e.forHousehold}` : ''}`,
      MARGIN.left,
    );
  doc.moveDown(0.4);
  doc.font('bold').fontSize(8.5).text(labels.totals(m.totals), MARGIN.left);
  doc.moveDown(0.6);
  tableHeader();
  let household = '';
  for (const p of m.passengers) {
    doc.font('regular').fontSize(6.5);
    const height = Math.max(
      ROW + 3,
      ...COLUMNS.map(
        (c, i) => doc.heightOfString(String(p[c.key] ?? '') || ' ', { width: (widths[i] as number) - 4 }) + 3,
      ),
    );
    if (doc.y + height > bottom) newPage();
    const y = doc.y;
    if (p.household !== household && household !== '')
      doc
        .moveTo(MARGIN.left, y)
        .lineTo(MARGIN.left + WIDTH, y)
        .lineWidth(0.8)
        .stroke('#5f6b7a');
    household = p.household;
    doc.fillColor('#1a1a1a').font('regular').fontSize(6.5);
    COLUMNS.forEach((c, i) => {
      const value = String(p[c.key] ?? '');
      doc.text(value, (xs[i] as number) + 2, y + 1.5, {
        width: (widths[i] as number) - 4,
        height: height - 2,
      });
    });
    doc
      .moveTo(MARGIN.left, y + height)
      .lineTo(MARGIN.left + WIDTH, y + height)
      .lineWidth(0.3)
      .stroke('#c3ccd6');
    doc.y = y + height;
  }

  // Header and footer on every page: the movement, the masking, the page number.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const keep = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('bold').fontSize(12).fillColor('#1f4e79');
    doc.text(`${labels.title} — ${m.reference}`, MARGIN.left, 24, { width: WIDTH, lineBreak: false });
    doc.font('regular').fontSize(8).fillColor('#5f6b7a');
    doc.text(
      `${labels.destination}: ${m.destinationCountry}   ${labels.departure}: ${m.departureDate}   ${m.numbersRevealed ? labels.numbersFull : labels.numbersMasked}`,
      MARGIN.left,
      42,
      { width: WIDTH, lineBreak: false },
    );
    doc.text(
      `${labels.printed} ${m.printedAt.slice(0, 16).replace('T', ' ')} UTC — ${labels.pageOf(i - range.start + 1, range.count)}`,
      MARGIN.left,
      PAGE.height - 26,
      { width: WIDTH, align: 'center', lineBreak: false },
    );
    doc.page.margins.bottom = keep;
  }
  doc.end();
  return done;
}
