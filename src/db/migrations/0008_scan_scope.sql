ALTER TABLE "duplicate_scans" ADD COLUMN "scope_office_ids" uuid[];--> statement-breakpoint
UPDATE "duplicate_scans" SET "scope_office_ids" = ARRAY["office_id"] WHERE "office_id" IS NOT NULL;--> statement-breakpoint
UPDATE "duplicate_scans" SET "status" = 'failed', "error" = 'interrupted', "finished_at" = now() WHERE "status" = 'running';
