/**
 * The fonts every PDF of the application embeds: DejaVu (from `dejavu-fonts-ttf`), which covers Latin,
 * Cyrillic and Arabic letters. Read once per process (about 1.5 MB); pdfkit embeds only the glyphs used.
 * pdfkit does not reorder right-to-left text: a cell holds one script, and original-script names sit in a
 * cell of their own.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export type FontName = 'regular' | 'bold' | 'italic';
const FONT_FILES: Record<FontName, string> = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  italic: 'dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf',
};
let fontCache: Record<FontName, Buffer> | null = null;

export function fonts(): Record<FontName, Buffer> {
  if (!fontCache) {
    const require = createRequire(import.meta.url);
    const read = (name: FontName) => readFileSync(require.resolve(FONT_FILES[name]));
    fontCache = { regular: read('regular'), bold: read('bold'), italic: read('italic') };
  }
  return fontCache;
}
