/**
 * Search keys for names: lower case, diacritics folded (Ševčenko → sevcenko, Hoxhë → hoxhe), punctuation
 * to spaces. Scripts are kept as they are, so an Arabic or Cyrillic spelling is found by itself; matching
 * across scripts and transliteration variants is the deduplication module's job.
 */
export function normaliseName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function searchText(names: (string | null | undefined)[]): string {
  return [
    ...new Set(
      names
        .filter((n): n is string => !!n)
        .map(normaliseName)
        .filter(Boolean),
    ),
  ].join(' | ');
}

/** Document numbers compare without spaces, dashes or case. */
export function normaliseDocumentNumber(value: string): string {
  return value.replace(/[\s/-]+/g, '').toUpperCase();
}

export function maskDocumentNumber(tail: string): string {
  return `•••••${tail}`;
}
