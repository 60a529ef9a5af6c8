import {
  bigint,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { offices } from '../identity/tables';

export const projects = pgTable('projects', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  summary: jsonb('summary').$type<{ fr: string; en: string }>().notNull(),
  kind: text('kind', {
    enum: ['avrr_vot', 'labour_reintegration', 'resettlement', 'protection', 'information'],
  }).notNull(),
  donor: text('donor'),
  cofunding: text('cofunding'),
  startDate: date('start_date').notNull(),
  endDate: date('end_date'),
  hostCountries: text('host_countries').array().notNull().default([]),
  originCountries: text('origin_countries').array().notNull().default([]),
  targetPersons: integer('target_persons'),
  /** Optional per-person reintegration allowance (a tailored package of up to this amount). */
  allowanceMinor: bigint('allowance_minor', { mode: 'number' }),
  allowanceCurrency: text('allowance_currency'),
  owningOfficeId: uuid('owning_office_id')
    .notNull()
    .references(() => offices.id),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/** Offices that run a project beside its owner (TACT: Paris with Tirana, Rabat, Kyiv...). */
export const projectOffices = pgTable(
  'project_offices',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    officeId: uuid('office_id')
      .notNull()
      .references(() => offices.id),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.officeId] })],
);
