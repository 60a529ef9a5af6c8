import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { Report, ReportIndicator } from '../contract';
import { EXPORT_LABELS } from './labels';
import { reportToPdf } from './pdf';
import { niceStep } from './pdf-chart';
import { sampleReport } from './sample-report';

type Line = { text: string; x: number; y: number };

/** Every text item of every page, with its position (PDF units, origin bottom-left). */
async function readPdf(buffer: Buffer) {
  const pdf = await getDocument({
    data: new Uint8Array(buffer),
    useSystemFonts: false,
    disableFontFace: true,
  }).promise;
  const pages: { items: Line[]; text: string; width: number; height: number }[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const [, , width = 0, height = 0] = page.view;
    const content = await page.getTextContent();
    const items: Line[] = [];
    for (const item of content.items)
      if ('str' in item && item.str.trim() !== '')
        items.push({ text: item.str, x: item.transform[4] as number, y: item.transform[5] as number });
    // Lines joined with spaces, so text wrapped over lines reads as one.
    pages.push({
      items,
      text: items
        .map((i) => i.text)
        .join(' ')
        .replace(/\s+/g, ' '),
      width,
      height,
    });
  }
  await pdf.destroy();
  return { numPages: pdf.numPages, pages, text: pages.map((p) => p.text).join(' ') };
}

describe('reportToPdf', () => {
  for (const language of ['fr', 'en'] as const) {
    it(`prints the report's content and localised headings (${language})`, async () => {
      const report = sampleReport(language);
      const labels = EXPORT_LABELS[language];
      const { numPages, pages, text } = await readPdf(await reportToPdf(report));

      expect(numPages).toBeGreaterThan(1);
      pages.forEach((page, i) => {
        expect(page.text).toContain(labels.pageOf(i + 1, numPages));
      });
      expect(pages[0]?.text).toContain('page 1 /');

      const cover = pages[0]?.text ?? '';
      expect(cover).toContain(report.project.name);
      expect(cover).toContain(report.project.donor ?? '-');
      expect(cover).toContain(report.project.cofunding ?? '-');
      // The signed snapshot, with the first 16 hex digits of its signature.
      expect(cover).toContain(labels.snapshotMention((report.snapshot?.signature ?? '').slice(0, 16)));

      for (const heading of Object.values(labels.headings)) expect(text).toContain(heading);
      for (const indicator of report.indicators) expect(text).toContain(indicator.code);
      expect(text).toContain(labels.suppressionNote(report.suppression.threshold));
      expect(text).toContain(labels.suppressionCounts(16, 1));
      expect(text).toContain(labels.suppressedMark);
      // Countries by name in the report's language.
      expect(text).toContain(language === 'fr' ? 'Maroc, Tunisie, Géorgie' : 'Morocco, Tunisia, Georgia');
      // Each computed indicator's definition.
      for (const i of report.indicators)
        if (i.definition) expect(text).toContain(i.definition.counts[language]);
    });
  }

  it('is deterministic: the same report gives the same bytes, dated from the report', async () => {
    const report = sampleReport('en');
    const [a, b] = await Promise.all([reportToPdf(report), reportToPdf(report)]);
    expect(a.equals(b)).toBe(true);
    expect(a.toString('latin1')).toContain('D:20250314093000Z');
  });

  it('says when figures are live, and warns when a snapshot signature does not verify', async () => {
    const report = sampleReport('en');
    const labels = EXPORT_LABELS.en;
    const live = await readPdf(await reportToPdf({ ...report, source: 'live', snapshot: null }));
    expect(live.pages[0]?.text).toContain(labels.liveMention);
    const snapshot = report.snapshot;
    if (!snapshot) throw new Error('sample has a snapshot');
    const broken = await readPdf(await reportToPdf({ ...report, snapshot: { ...snapshot, valid: false } }));
    expect(broken.pages[0]?.text).toContain(labels.signatureInvalid);
  });

  it('paginates long tables: every line stays on its page, above the footer', async () => {
    const report = sampleReport('fr');
    const template = report.indicators.find((i) => i.code === 'OP1.1.a') as ReportIndicator;
    const long = 'Commentaire très long, sur plusieurs lignes. '.repeat(12);
    const many: Report = {
      ...report,
      indicators: Array.from({ length: 60 }, (_, i) => ({
        ...template,
        id: `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`,
        code: `X${i}`,
        comment: i % 7 === 0 ? long : null,
      })),
      budget: Array.from({ length: 80 }, (_, i) => ({
        code: `L${i}`,
        label: `Ligne ${i}`,
        currency: i % 5 === 0 ? 'USD' : 'EUR',
        budgetMinor: 1_000_000 + i,
        spentMinor: 500_000,
      })),
    };
    const { numPages, pages, text } = await readPdf(await reportToPdf(many));
    expect(numPages).toBeGreaterThan(8);
    for (let i = 0; i < 60; i++) expect(text).toContain(`X${i}`);
    expect(text).toContain('L79');
    for (const page of pages) {
      for (const item of page.items) {
        expect(item.x).toBeGreaterThanOrEqual(0);
        expect(item.x).toBeLessThan(page.width);
        expect(item.y).toBeLessThan(page.height - 20);
        // Only the footer sits in the bottom margin.
        if (!/^page \d+ \/ \d+$/.test(item.text)) expect(item.y).toBeGreaterThan(55);
      }
    }
  });

  it('picks round axis steps', () => {
    expect(niceStep(229 * 1.08)).toBe(100);
    expect(niceStep(64)).toBe(20);
    expect(niceStep(7)).toBe(2);
    expect(niceStep(0)).toBe(1);
  });
});
