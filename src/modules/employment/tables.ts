import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { cases } from '../cases/tables';
import { offices, users } from '../identity/tables';
import { persons } from '../registry/tables';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** Employers in the origin country that take on returnees (MAGNET II). */
export const employers = pgTable(
  'employers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeId: uuid('office_id')
      .notNull()
      .references(() => offices.id),
    name: text('name').notNull(),
    sector: text('sector').notNull(),
    country: text('country').notNull(),
    location: text('location').notNull(),
    contactName: text('contact_name'),
    phone: text('phone'),
    email: text('email'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('employers_office_idx').on(t.officeId, t.name)],
);

export const jobOpenings = pgTable(
  'job_openings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    officeId: uuid('office_id')
      .notNull()
      .references(() => offices.id),
    title: text('title').notNull(),
    description: text('description'),
    sector: text('sector').notNull(),
    country: text('country').notNull(),
    location: text('location').notNull(),
    skills: text('skills').array().notNull().default([]),
    languages: text('languages').array().notNull().default([]),
    posts: integer('posts').notNull(),
    status: text('status', { enum: ['open', 'closed'] }).notNull(),
    openedOn: date('opened_on').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('job_openings_office_idx').on(t.officeId, t.status),
    index('job_openings_employer_idx').on(t.employerId),
  ],
);

export type WorkExperience = { title: string; sector: string; years: number };

/** A returnee's skills profile, one per person. */
export const skillsProfiles = pgTable('skills_profiles', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => persons.id, { onDelete: 'cascade' }),
  educationLevel: text('education_level', {
    enum: ['none', 'primary', 'secondary', 'vocational', 'higher'],
  }).notNull(),
  workExperience: jsonb('work_experience').$type<WorkExperience[]>().notNull().default([]),
  skills: text('skills').array().notNull().default([]),
  languages: text('languages').array().notNull().default([]),
  preferredSectors: text('preferred_sectors').array().notNull().default([]),
  preferredLocations: text('preferred_locations').array().notNull().default([]),
  version: integer('version').notNull().default(1),
  updatedAt: ts('updated_at').notNull(),
});

export const placements = pgTable(
  'placements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    caseId: uuid('case_id').references(() => cases.id),
    openingId: uuid('opening_id')
      .notNull()
      .references(() => jobOpenings.id),
    officeId: uuid('office_id')
      .notNull()
      .references(() => offices.id),
    startDate: date('start_date').notNull(),
    outcome: text('outcome', { enum: ['employed', 'ended', 'did_not_start'] }).notNull(),
    endedOn: date('ended_on'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedByName: text('recorded_by_name').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('placements_opening_idx').on(t.openingId), index('placements_person_idx').on(t.personId)],
);

/** "Still employed?" at 3 and 6 months after the start. */
export const placementFollowUps = pgTable(
  'placement_follow_ups',
  {
    placementId: uuid('placement_id')
      .notNull()
      .references(() => placements.id, { onDelete: 'cascade' }),
    month: integer('month').notNull(),
    stillEmployed: boolean('still_employed').notNull(),
    checkedOn: date('checked_on').notNull(),
    note: text('note'),
    recordedByName: text('recorded_by_name').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.placementId, t.month] })],
);
