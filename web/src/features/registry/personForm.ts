/** The person form's values, and their translation to the API's create and update bodies. */
import type { z } from 'zod';
import type {
  BirthDatePrecisionSchema,
  Person,
  ScriptSchema,
  SexSchema,
} from '../../../../src/modules/registry/contract';

export type Script = z.infer<typeof ScriptSchema>;
export type Sex = z.infer<typeof SexSchema>;
export type BirthDatePrecision = z.infer<typeof BirthDatePrecisionSchema>;

export const SCRIPTS: readonly Script[] = ['latin', 'arabic', 'cyrillic', 'other'];
export const SEXES: readonly Sex[] = ['female', 'male', 'other', 'unknown'];
export const PRECISIONS: readonly BirthDatePrecision[] = ['exact', 'month', 'year', 'estimated'];

export interface AliasRow {
  name: string;
  script: Script;
}

/** Every text field is a string ('' when empty); selects use '' for "nothing chosen". */
export interface PersonFormValues {
  officeId: string;
  givenName: string;
  familyName: string;
  fatherName: string;
  givenNameOriginal: string;
  familyNameOriginal: string;
  fatherNameOriginal: string;
  originalScript: Script | '';
  aliases: AliasRow[];
  sex: Sex | '';
  birthDate: string;
  birthDatePrecision: BirthDatePrecision;
  nationalities: string[];
  languages: string[];
  phone: string;
  email: string;
  address: string;
  placeOfOrigin: string;
  countryOfOrigin: string;
  specificNeeds: string[];
}

/** Fields whose blank value means "not recorded" (null in the API). */
const OPTIONAL_TEXT = [
  'fatherName',
  'givenNameOriginal',
  'familyNameOriginal',
  'fatherNameOriginal',
  'originalScript',
  'birthDate',
  'phone',
  'email',
  'address',
  'placeOfOrigin',
  'countryOfOrigin',
] as const;

/** The person fields the form edits (everything but the office). */
export const PERSON_FIELDS = [
  'givenName',
  'familyName',
  'fatherName',
  'givenNameOriginal',
  'familyNameOriginal',
  'fatherNameOriginal',
  'originalScript',
  'aliases',
  'sex',
  'birthDate',
  'birthDatePrecision',
  'nationalities',
  'languages',
  'phone',
  'email',
  'address',
  'placeOfOrigin',
  'countryOfOrigin',
  'specificNeeds',
] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

export const EMPTY_PERSON: PersonFormValues = {
  officeId: '',
  givenName: '',
  familyName: '',
  fatherName: '',
  givenNameOriginal: '',
  familyNameOriginal: '',
  fatherNameOriginal: '',
  originalScript: '',
  aliases: [],
  sex: '',
  birthDate: '',
  birthDatePrecision: 'exact',
  nationalities: [],
  languages: [],
  phone: '',
  email: '',
  address: '',
  placeOfOrigin: '',
  countryOfOrigin: '',
  specificNeeds: [],
};

export function toPersonValues(person: Person): PersonFormValues {
  return {
    officeId: person.officeId,
    givenName: person.givenName,
    familyName: person.familyName,
    fatherName: person.fatherName ?? '',
    givenNameOriginal: person.givenNameOriginal ?? '',
    familyNameOriginal: person.familyNameOriginal ?? '',
    fatherNameOriginal: person.fatherNameOriginal ?? '',
    originalScript: person.originalScript ?? '',
    aliases: person.aliases.map((a) => ({ name: a.name, script: a.script })),
    sex: person.sex,
    birthDate: person.birthDate ?? '',
    birthDatePrecision: person.birthDatePrecision,
    nationalities: [...person.nationalities],
    languages: [...person.languages],
    phone: person.phone ?? '',
    email: person.email ?? '',
    address: person.address ?? '',
    placeOfOrigin: person.placeOfOrigin ?? '',
    countryOfOrigin: person.countryOfOrigin ?? '',
    specificNeeds: [...person.specificNeeds],
  };
}

/** The API value of one field: blanks become `blank` (undefined to omit, null to clear). */
export function apiValue(values: PersonFormValues, field: PersonField, blank: null | undefined): unknown {
  const value = values[field];
  if ((OPTIONAL_TEXT as readonly string[]).includes(field)) {
    return typeof value === 'string' && value.trim() === '' ? blank : value;
  }
  if (field === 'sex') return value === '' ? undefined : value;
  return value;
}

/** The body of POST /persons (before validation), without the acknowledgement flag. */
export function toCreateBody(values: PersonFormValues): Record<string, unknown> {
  const body: Record<string, unknown> = { officeId: values.officeId || undefined };
  for (const field of PERSON_FIELDS) {
    const value = apiValue(values, field, undefined);
    if (value !== undefined) body[field] = value;
  }
  return body;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields among `fields` whose value differs between two versions of the form. */
export function changedFields(
  before: PersonFormValues,
  after: PersonFormValues,
  fields: readonly PersonField[],
): PersonField[] {
  return fields.filter((field) => !same(before[field], after[field]));
}

/** The body of PATCH /persons/:id: the version and the changed fields only (blanks cleared with null). */
export function toUpdateBody(
  version: number,
  before: PersonFormValues,
  after: PersonFormValues,
  fields: readonly PersonField[],
): Record<string, unknown> {
  const body: Record<string, unknown> = { version };
  for (const field of changedFields(before, after, fields)) body[field] = apiValue(after, field, null);
  return body;
}
