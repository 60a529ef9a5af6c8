import { describe, expect, it } from 'vitest';
import { safeFileName } from './attachments';

describe('safeFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\a\\scan.pdf', 'scan.pdf'],
    ['décla"ration<1>.pdf', 'décla_ration_1_.pdf'],
    ['a\u0000b\u001f.pdf', 'a_b_.pdf'],
    ['a\u0085b.pdf', 'a_b.pdf'],
    ['facture\u202Efdp.exe', 'facturefdp.exe'],
    ['\u2067scan\u2069\u200F.pdf', 'scan.pdf'],
    ['رسالة.pdf', 'رسالة.pdf'],
    ['', 'file'],
    ['   ', 'file'],
  ])('%j -> %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('keeps names bounded, and their extension', () => {
    const name = safeFileName(`${'x'.repeat(500)}.pdf`);
    expect(name).toHaveLength(200);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});
