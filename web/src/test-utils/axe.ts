import axe from 'axe-core';

/**
 * Runs axe on a rendered tree. jsdom has no layout, so colour contrast (checked in the browser tests)
 * is off here; everything structural (labels, names, landmarks, ids, ARIA) is checked.
 */
export async function seriousViolations(root: Element = document.body) {
  const results = await axe.run(root, {
    rules: { 'color-contrast': { enabled: false } },
    resultTypes: ['violations'],
  });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
