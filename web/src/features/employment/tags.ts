/**
 * A skill as the server stores it (src/modules/employment/contract.ts SkillTagSchema): lower case, words
 * joined by single hyphens ("Forklift  driving" → "forklift-driving"). Shown normalised as soon as it is added.
 */
export function skillTag(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .replace(/^-|-$/g, '');
}
