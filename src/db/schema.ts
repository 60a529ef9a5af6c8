/** Every table, for the ORM client and for drizzle-kit's migration generator. */

export * from '../modules/activities/tables';
export * from '../modules/cases/tables';
export * from '../modules/content/tables';
export * from '../modules/employment/tables';
export * from '../modules/finance/tables';
export * from '../modules/identity/tables';
export * from '../modules/projects/tables';
export * from '../modules/referrals/tables';
export * from '../modules/registry/tables';
export * from '../modules/reintegration/tables';
export * from '../modules/reporting/tables';
export * from '../modules/resettlement/tables';
export * from '../platform/audit/tables';
