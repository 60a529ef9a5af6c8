/**
 * The PDF's page layout: A4 geometry, colours, the embedded DejaVu fonts, and text and tables that move to
 * a new page rather than run off this one.
 */
import type { ExportFormatter } from './format';

export type Doc = PDFKit.PDFDocument;

export const PAGE = { width: 595.28, height: 841.89 };
export const MARGIN = { top: 62, bottom: 62, left: 50, right: 50 };
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** Lowest y content may reach; the footer sits below it. */
export const CONTENT_BOTTOM = PAGE.height - MARGIN.bottom;

export const COLOURS = {
  text: '#1a1a1a',
  muted: '#5f6b7a',
  rule: '#c3ccd6',
  header: '#e8ecf2',
  group: '#d5e3f0',
  primary: '#1f4e79',
  target: '#c9d3df',
  done: '#2e7d32',
  warning: '#b00020',
} as const;

export { type FontName, fonts } from '../../../platform/pdf-fonts';

import type { FontName } from '../../../platform/pdf-fonts';

// ---------------------------------------------------------------------------------------------------------
// Layout: text and tables that move to a new page instead of running off this one.

export type Align = 'left' | 'right' | 'center';
export type Column = { header: string; weight: number; align?: Align };
export type TextCell = { text: string; font?: FontName; colour?: string };
/** A progress bar with its label: ratio 0..n (filled up to 1), null for no bar. */
export type BarCell = { bar: number | null; label: string };
export type Cell = string | TextCell | BarCell;
export type TableRow = { cells: Cell[]; bold?: boolean } | { group: string; depth?: number };

const PAD = 3;
const isBar = (cell: Cell): cell is BarCell => typeof cell === 'object' && 'bar' in cell;
const asText = (cell: Exclude<Cell, BarCell>): TextCell => (typeof cell === 'string' ? { text: cell } : cell);

export class Layout {
  constructor(
    readonly doc: Doc,
    readonly fmt: ExportFormatter,
  ) {}

  font(name: FontName, size: number, colour: string = COLOURS.text) {
    this.doc.font(name).fontSize(size).fillColor(colour);
    return this;
  }

  newPage() {
    this.doc.addPage();
    this.doc.x = MARGIN.left;
    this.doc.y = MARGIN.top;
  }

  /** Moves to a new page unless `height` points still fit on this one. */
  ensure(height: number) {
    if (this.doc.y + height > CONTENT_BOTTOM) this.newPage();
  }

  heading(text: string, level: 1 | 2 | 3 = 1) {
    const size = level === 1 ? 15 : level === 2 ? 11.5 : 10;
    // Keep a heading with at least a few lines of what follows it.
    this.ensure(size * 2 + 60);
    if (level === 1) this.doc.moveDown(0.3);
    this.font('bold', size, level === 1 ? COLOURS.primary : COLOURS.text);
    this.doc.text(text, MARGIN.left, this.doc.y, { width: CONTENT_WIDTH });
    this.doc.moveDown(level === 1 ? 0.5 : 0.3);
  }

  /** Running text: pdfkit wraps it and continues on a new page by itself. */
  paragraph(text: string, options: { font?: FontName; size?: number; colour?: string } = {}) {
    this.font(options.font ?? 'regular', options.size ?? 9.5, options.colour);
    this.ensure(this.doc.currentLineHeight(true) * 2);
    this.doc.text(text, MARGIN.left, this.doc.y, { width: CONTENT_WIDTH, lineGap: 1.5 });
    this.doc.moveDown(0.5);
  }

  /** Label–value lines (a table without header). */
  facts(rows: [string, string][]) {
    this.table(
      [
        { header: '', weight: 1.1 },
        { header: '', weight: 3 },
      ],
      rows.map(([label, value]) => ({ cells: [{ text: label, font: 'bold' }, value] })),
      { header: false, size: 9 },
    );
  }

  /**
   * A table that paginates: each row is measured first; one that does not fit goes to the next page, under
   * the repeated header. A single row taller than a whole page is cut with an ellipsis rather than drawn
   * past the bottom.
   */
  table(
    columns: Column[],
    rows: TableRow[],
    options: { header?: boolean; size?: number; width?: number } = {},
  ) {
    const { doc } = this;
    const size = options.size ?? 8;
    const tableWidth = options.width ?? CONTENT_WIDTH;
    const totalWeight = columns.reduce((s, c) => s + c.weight, 0);
    const widths = columns.map((c) => (c.weight / totalWeight) * tableWidth);
    const xs = widths.map((_, i) => MARGIN.left + widths.slice(0, i).reduce((s, w) => s + w, 0));
    const showHeader = options.header !== false;

    const measure = (cell: Cell, width: number, font: FontName) => {
      this.font(font, size);
      if (isBar(cell)) return doc.heightOfString(cell.label || ' ', { width: width - 2 * PAD }) + 7 + 2 * PAD;
      const t = asText(cell);
      this.font(t.font ?? font, size);
      return doc.heightOfString(t.text || ' ', { width: width - 2 * PAD }) + 2 * PAD;
    };

    const drawText = (
      cell: TextCell,
      x: number,
      y: number,
      width: number,
      height: number,
      align: Align,
      font: FontName,
    ) => {
      this.font(cell.font ?? font, size, cell.colour);
      doc.text(cell.text, x + PAD, y + PAD, {
        width: width - 2 * PAD,
        height: height - 2 * PAD,
        ellipsis: true,
        align,
      });
    };

    const drawBar = (cell: BarCell, x: number, y: number, width: number) => {
      this.font('regular', size);
      doc.text(cell.label, x + PAD, y + PAD, { width: width - 2 * PAD, align: 'right' });
      if (cell.bar === null) return;
      const barY = y + PAD + doc.heightOfString(cell.label || ' ', { width: width - 2 * PAD }) + 1;
      const barWidth = width - 2 * PAD;
      const filled = Math.max(0, Math.min(1, cell.bar)) * barWidth;
      doc.rect(x + PAD, barY, barWidth, 4.5).fill(COLOURS.header);
      if (filled > 0)
        doc.rect(x + PAD, barY, filled, 4.5).fill(cell.bar >= 1 ? COLOURS.done : COLOURS.primary);
      doc
        .rect(x + PAD, barY, barWidth, 4.5)
        .lineWidth(0.4)
        .stroke(COLOURS.rule);
    };

    const maxRowHeight = CONTENT_BOTTOM - MARGIN.top - 40;

    const drawHeader = () => {
      if (!showHeader) return;
      const height = Math.max(
        ...columns.map((c, i) => measure({ text: c.header }, widths[i] as number, 'bold')),
      );
      const y = doc.y;
      doc.rect(MARGIN.left, y, tableWidth, height).fill(COLOURS.header);
      columns.forEach((c, i) => {
        drawText(
          { text: c.header },
          xs[i] as number,
          y,
          widths[i] as number,
          height,
          c.align ?? 'left',
          'bold',
        );
      });
      doc.y = y + height;
    };

    this.ensure(40);
    drawHeader();
    for (const row of rows) {
      if ('group' in row) {
        this.font('bold', size);
        const indent = (row.depth ?? 0) * 8;
        const height = Math.min(
          maxRowHeight,
          doc.heightOfString(row.group, { width: tableWidth - 2 * PAD - indent }) + 2 * PAD + 2,
        );
        // A group heading is kept with its first row.
        if (doc.y + height + 20 > CONTENT_BOTTOM) {
          this.newPage();
          drawHeader();
        }
        const y = doc.y;
        doc.rect(MARGIN.left, y, tableWidth, height).fill(COLOURS.group);
        drawText(
          { text: row.group, font: 'bold' },
          MARGIN.left + indent,
          y + 1,
          tableWidth - indent,
          height,
          'left',
          'bold',
        );
        doc.y = y + height;
        continue;
      }
      const font: FontName = row.bold ? 'bold' : 'regular';
      const height = Math.min(
        maxRowHeight,
        Math.max(...row.cells.map((cell, i) => measure(cell, widths[i] as number, font))),
      );
      if (doc.y + height > CONTENT_BOTTOM) {
        this.newPage();
        drawHeader();
      }
      const y = doc.y;
      row.cells.forEach((cell, i) => {
        const x = xs[i] as number;
        const width = widths[i] as number;
        if (isBar(cell)) drawBar(cell, x, y, width);
        else drawText(asText(cell), x, y, width, height, columns[i]?.align ?? 'left', font);
      });
      doc
        .moveTo(MARGIN.left, y + height)
        .lineTo(MARGIN.left + tableWidth, y + height)
        .lineWidth(0.4)
        .stroke(COLOURS.rule);
      doc.y = y + height;
    }
    doc.x = MARGIN.left;
    doc.moveDown(0.8);
  }
}
