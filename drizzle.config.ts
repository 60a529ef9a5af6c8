import { defineConfig } from 'drizzle-kit';

// Generates reviewed SQL migrations from the schema: `npm run db:generate`. They are applied at start-up.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './src/db/migrations',
});
