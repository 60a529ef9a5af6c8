import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { offices } from '../identity/tables';
import { projects } from '../projects/tables';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** Capacity building (TACT): trainings of authorities, workshops. Participants are counted, not named. */
export const capacityActivities = pgTable(
  'capacity_activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeId: uuid('office_id')
      .notNull()
      .references(() => offices.id),
    projectId: uuid('project_id').references(() => projects.id),
    kind: text('kind', { enum: ['training', 'workshop', 'study_visit', 'conference'] }).notNull(),
    title: text('title').notNull(),
    topic: text('topic').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    place: text('place').notNull(),
    country: text('country').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('capacity_activities_office_idx').on(t.officeId, t.startDate),
    index('capacity_activities_project_idx').on(t.projectId),
  ],
);

/** Participants as counts per institution, country, sex and role. */
export const activityParticipants = pgTable(
  'activity_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => capacityActivities.id, { onDelete: 'cascade' }),
    institution: text('institution').notNull(),
    country: text('country').notNull(),
    sex: text('sex', { enum: ['female', 'male', 'other', 'unknown'] }).notNull(),
    role: text('role').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [index('activity_participants_activity_idx').on(t.activityId)],
);

/** Information campaigns in countries of origin (Calais, TACT). */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeId: uuid('office_id')
      .notNull()
      .references(() => offices.id),
    projectId: uuid('project_id').references(() => projects.id),
    title: text('title').notNull(),
    channel: text('channel', {
      enum: ['radio', 'television', 'social_media', 'print', 'community_event', 'school', 'hotline', 'other'],
    }).notNull(),
    countries: text('countries').array().notNull(),
    languages: text('languages').array().notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    /** People reached (audience estimate or attendance). */
    reach: integer('reach').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('campaigns_office_idx').on(t.officeId, t.startDate),
    index('campaigns_project_idx').on(t.projectId),
  ],
);
