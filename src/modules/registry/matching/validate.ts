/**
 * Bad input, as structured problems: a name that cannot be matched (empty, no letters, too long) is an
 * error; a token mixing scripts is matched (each run transliterated by its own table) but reported.
 */
import { MAX_NAME_LENGTH } from './normalise';
import { type Script, scriptRuns } from './script';
import type { MatchPerson } from './types';

export type NameProblem =
  | { code: 'name.empty'; severity: 'error' }
  | { code: 'name.noLetters'; severity: 'error' }
  | { code: 'name.tooLong'; severity: 'error'; length: number; maxLength: number }
  | { code: 'name.mixedScripts'; severity: 'warning'; token: string; scripts: Script[] }
  | { code: 'person.noName'; severity: 'error' };

export type NameCheck = { ok: boolean; problems: NameProblem[] };

/** Problems of one name (a field or a whole name); ok when none is an error. */
export function checkName(name: string | null | undefined): NameCheck {
  const problems: NameProblem[] = [];
  const text = (name ?? '').normalize('NFC').trim();
  if (!text) problems.push({ code: 'name.empty', severity: 'error' });
  else if (!/\p{L}/u.test(text)) problems.push({ code: 'name.noLetters', severity: 'error' });
  if ([...text].length > MAX_NAME_LENGTH)
    problems.push({
      code: 'name.tooLong',
      severity: 'error',
      length: [...text].length,
      maxLength: MAX_NAME_LENGTH,
    });
  for (const token of text.split(/[^\p{L}\p{M}'’]+/u)) {
    const scripts = [...new Set(scriptRuns(token).map((run) => run.script))];
    if (scripts.length > 1) problems.push({ code: 'name.mixedScripts', severity: 'warning', token, scripts });
  }
  return { ok: problems.every((problem) => problem.severity !== 'error'), problems };
}

export class NameValidationError extends Error {
  constructor(readonly problems: NameProblem[]) {
    super(`Name cannot be matched: ${problems.map((problem) => problem.code).join(', ')}`);
    this.name = 'NameValidationError';
  }

  get code(): NameProblem['code'] {
    return this.problems[0]?.code ?? 'name.empty';
  }
}

/** Throws NameValidationError (with every problem) unless the name can be matched. */
export function assertMatchableName(name: string | null | undefined): void {
  const check = checkName(name);
  if (!check.ok)
    throw new NameValidationError(check.problems.filter((problem) => problem.severity === 'error'));
}

/**
 * Problems of a person's names: each present field is checked; a person none of whose fields can be
 * matched gets person.noName. Absent fields are not problems.
 */
export function checkPerson(person: MatchPerson): NameCheck {
  const problems: NameProblem[] = [];
  let matchable = false;
  for (const name of person.names)
    for (const value of [name.given, name.family, name.father, name.full]) {
      if (value === null || value === undefined) continue;
      const check = checkName(value);
      problems.push(...check.problems);
      if (check.ok) matchable = true;
    }
  if (!matchable) problems.push({ code: 'person.noName', severity: 'error' });
  return { ok: problems.every((problem) => problem.severity !== 'error'), problems };
}
