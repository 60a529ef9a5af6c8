import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { offices, users } from '../identity/tables';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const personReferenceSeq = pgSequence('person_reference_seq', { startWith: 1 });

export const households = pgTable('households', {
  id: uuid('id').primaryKey().defaultRandom(),
  owningOfficeId: uuid('owning_office_id')
    .notNull()
    .references(() => offices.id),
  principalPersonId: uuid('principal_person_id').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique(),
    owningOfficeId: uuid('owning_office_id')
      .notNull()
      .references(() => offices.id),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    fatherName: text('father_name'),
    givenNameOriginal: text('given_name_original'),
    familyNameOriginal: text('family_name_original'),
    fatherNameOriginal: text('father_name_original'),
    originalScript: text('original_script', { enum: ['latin', 'arabic', 'cyrillic', 'other'] }),
    aliases: jsonb('aliases')
      .$type<{ name: string; script: 'latin' | 'arabic' | 'cyrillic' | 'other' }[]>()
      .notNull()
      .default([]),
    /** Every name and alias, normalised (lower case, no diacritics): what name search matches, by trigram. */
    searchText: text('search_text').notNull(),
    sex: text('sex', { enum: ['female', 'male', 'other', 'unknown'] }).notNull(),
    birthDate: date('birth_date'),
    birthDatePrecision: text('birth_date_precision', { enum: ['exact', 'month', 'year', 'estimated'] })
      .notNull()
      .default('exact'),
    nationalities: text('nationalities').array().notNull().default([]),
    languages: text('languages').array().notNull().default([]),
    phone: text('phone'),
    email: text('email'),
    address: text('address'),
    placeOfOrigin: text('place_of_origin'),
    countryOfOrigin: text('country_of_origin'),
    specificNeeds: text('specific_needs').array().notNull().default([]),
    /** Needs codes recorded by a former owning office and not shared by its transfer (ADR 0009). */
    withheldNeeds: text('withheld_needs').array().notNull().default([]),
    householdId: uuid('household_id').references(() => households.id),
    relationship: text('relationship'),
    /** Set when this record was merged into another (a duplicate); such a record is hidden everywhere. */
    mergedInto: uuid('merged_into'),
    /** The matching rules' version the row's name keys were computed with (0: not yet). */
    matchKeysVersion: integer('match_keys_version').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('persons_office_idx').on(t.owningOfficeId, t.familyName, t.id),
    index('persons_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('persons_birth_date_idx').on(t.birthDate),
    index('persons_household_idx').on(t.householdId),
  ],
);

export const identityDocuments = pgTable(
  'identity_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    /** AES-256-GCM ciphertext of the number; never stored in clear. */
    numberSealed: text('number_sealed').notNull(),
    /** Last characters, for masked display in lists. */
    numberTail: text('number_tail').notNull(),
    /** Keyed HMAC of the normalised number: exact search without decryption. */
    numberIndex: text('number_index').notNull(),
    issuingCountry: text('issuing_country'),
    expiryDate: date('expiry_date'),
    /** Recorded by a former owning office and not shared by its transfer (ADR 0009). */
    withheld: boolean('withheld').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('identity_documents_person_idx').on(t.personId),
    index('identity_documents_number_idx').on(t.numberIndex),
  ],
);

export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    purpose: text('purpose').notNull(),
    recipient: text('recipient').notNull(),
    givenBy: text('given_by').notNull(),
    givenOn: date('given_on').notNull(),
    withdrawnOn: date('withdrawn_on'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('consents_person_idx').on(t.personId)],
);

/** Name keys for finding the same person across scripts and spellings (ADR 0010). */
export const personMatchKeys = pgTable(
  'person_match_keys',
  {
    key: text('key').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.key, t.personId] }), index('person_match_keys_person_idx').on(t.personId)],
);

/** Candidate pairs found by the duplicate scan, and the reviewers' decisions (a "different" pair stays decided). */
export const duplicateCandidates = pgTable(
  'duplicate_candidates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The pair in a canonical order (personA < personB). */
    personA: uuid('person_a')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    personB: uuid('person_b')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    score: real('score').notNull(),
    reasons: jsonb('reasons').$type<unknown[]>().notNull(),
    status: text('status', { enum: ['open', 'merged', 'different'] }).notNull(),
    foundAt: ts('found_at').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedByName: text('decided_by_name'),
    decidedAt: ts('decided_at'),
  },
  (t) => [
    uniqueIndex('duplicate_candidates_pair_key').on(t.personA, t.personB),
    index('duplicate_candidates_status_idx').on(t.status, t.score),
  ],
);

export type MergeRecord = {
  /** Moved by the cases module (the `cases` person-record mover), kept here so the merge can be undone. */
  cases: string[];
  documents: string[];
  consents: string[];
  aliasesAdded: { name: string; script: string }[];
  needsAdded: string[];
  /** The household the kept record joined from the merged one, if it had none. */
  household: { householdId: string; relationship: string | null } | null;
};

/** Every merge, with what moved, so it can be undone. */
export const personMerges = pgTable(
  'person_merges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    keptPersonId: uuid('kept_person_id')
      .notNull()
      .references(() => persons.id),
    mergedPersonId: uuid('merged_person_id')
      .notNull()
      .references(() => persons.id),
    moved: jsonb('moved').$type<MergeRecord>().notNull(),
    mergedBy: uuid('merged_by').references(() => users.id),
    mergedByName: text('merged_by_name').notNull(),
    mergedAt: ts('merged_at').notNull(),
    undoneByName: text('undone_by_name'),
    undoneAt: ts('undone_at'),
  },
  (t) => [
    index('person_merges_kept_idx').on(t.keptPersonId),
    index('person_merges_merged_idx').on(t.mergedPersonId),
  ],
);

/** How many persons carry each name-frequency key ("#persons" counts the persons): a shared rare name says more. */
export const nameFrequencies = pgTable('name_frequencies', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
});

/** Runs of the duplicate scan, over the whole registry or one office. */
export const duplicateScans = pgTable(
  'duplicate_scans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeId: uuid('office_id').references(() => offices.id),
    /** The offices the scan covered (null: every office); who may see the scan depends on it. */
    scopeOfficeIds: uuid('scope_office_ids').array(),
    status: text('status', { enum: ['running', 'done', 'failed'] }).notNull(),
    startedBy: uuid('started_by').references(() => users.id),
    startedByName: text('started_by_name').notNull(),
    startedAt: ts('started_at').notNull(),
    finishedAt: ts('finished_at'),
    persons: integer('persons'),
    comparisons: bigint('comparisons', { mode: 'number' }),
    candidates: integer('candidates'),
    newCandidates: integer('new_candidates'),
    error: text('error'),
  },
  (t) => [index('duplicate_scans_started_idx').on(t.startedAt)],
);
