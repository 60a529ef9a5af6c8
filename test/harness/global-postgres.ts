/** Vitest global setup of the `int-pg` project: a PostgreSQL server and a migrated template database. */
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPostgres } from '../../src/db/client';
import { findPostgresBin, type PostgresServer, startPostgres } from './postgres-server';

const TEMPLATE = `passerelle_template_${process.pid}`;

export default async function setup(project: TestProject) {
  let server: PostgresServer | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const bin = findPostgresBin();
    if (!bin)
      throw new Error(
        'PostgreSQL >= 15 binaries not found (install postgresql-15, or set TEST_DATABASE_URL)',
      );
    server = await startPostgres(bin);
    adminUrl = server.url;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE}`);
  const templateUrl = withDatabase(adminUrl, TEMPLATE);
  const template = openPostgres(templateUrl, 2);
  await template.migrate();
  await template.close();
  await admin.end();
  project.provide('postgresAdminUrl', adminUrl);
  // A server of the harness's own checks passwords; one given by TEST_DATABASE_URL may not.
  project.provide('postgresChecksPasswords', server !== undefined);
  project.provide('postgresTemplate', TEMPLATE);
  return async () => {
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${TEMPLATE} WITH (FORCE)`);
    await cleanup.end();
    await server?.stop();
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
