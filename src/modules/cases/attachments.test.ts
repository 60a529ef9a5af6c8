import { describe, expect, it } from 'vitest';
import { safeFileName } from './attachments';

describe('safeFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\a\\scan.pdf', 'scan.pdf'],
    ['décla"ration<1>.pdf', 'décla_ration_1_.pdf'],
    ['a\u0000b\u001f.pdf', 'a_b_.pdf'],
    ['', 'file'],
    ['   ', 'file'],
  ])('%j -> %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('keeps names bounded', () => {
    expect(safeFileName(`${'x'.repeat(500)}.pdf`)).toHaveLength(200);
  });
});
