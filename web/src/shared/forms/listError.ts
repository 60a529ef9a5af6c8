/**
 * The message of a list field's error in react-hook-form: on the list itself ("too many") or on one of its
 * entries (`skills.2`: "invalid format"), whichever comes first.
 */
export function listError(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const own = (error as { message?: unknown; root?: { message?: unknown } }).message;
  if (typeof own === 'string' && own) return own;
  const root = (error as { root?: { message?: unknown } }).root?.message;
  if (typeof root === 'string' && root) return root;
  for (const entry of Object.values(error)) {
    const message = (entry as { message?: unknown } | undefined)?.message;
    if (typeof message === 'string' && message) return message;
  }
  return undefined;
}
