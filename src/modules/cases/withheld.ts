/**
 * After a transfer, what the case held before it in the sections the sender did not share stays hidden
 * from the new owner (ADR 0009). One rule, used by the case page, attachments and later referrals.
 */
type WithheldFacts = { withheldSections: string[]; withheldBefore: Date | null };

/** The moment before which the section's content is hidden, or null when the section is not withheld. */
export function hiddenBefore(row: WithheldFacts, section: string): Date | null {
  return row.withheldBefore && row.withheldSections.includes(section) ? row.withheldBefore : null;
}

/** Keeps the items of a section that the current owner may see. */
export function visibleAfterWithholding<T>(
  row: WithheldFacts,
  section: string,
  items: readonly T[],
  at: (item: T) => Date,
): T[] {
  const before = hiddenBefore(row, section);
  return before ? items.filter((item) => at(item) >= before) : [...items];
}
