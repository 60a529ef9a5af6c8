/**
 * The shape a translation must have, given the reference (French) texts: the same keys at every level, every
 * value a string. Each `en/<namespace>.ts` is typed `Messages<typeof fr>` of its French twin, so a key missing
 * in English, or one English has and French does not, fails `npm run typecheck`.
 */
export type Messages<T> = {
  [K in keyof T]: T[K] extends string ? string : Messages<T[K]>;
};
