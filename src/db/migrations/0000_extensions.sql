-- drizzle-kit never emits CREATE EXTENSION. Trigram and phonetic matching serve name search.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
