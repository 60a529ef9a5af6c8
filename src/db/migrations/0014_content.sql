CREATE TABLE "content_editions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"lang" text NOT NULL,
	"kind" text NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"tags" text[] NOT NULL,
	"project_id" uuid,
	"cover_image_id" uuid,
	"publication_file_id" uuid,
	"image_ids" uuid[] NOT NULL,
	"live_from" timestamp (3) with time zone NOT NULL,
	"live_until" timestamp (3) with time zone,
	"first_live_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "content_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "content_images" (
	"id" uuid PRIMARY KEY NOT NULL,
	"item_id" uuid NOT NULL,
	"alt_fr" text NOT NULL,
	"alt_en" text,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"widths" integer[] NOT NULL,
	"bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_prefix" text NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "content_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"office_id" uuid NOT NULL,
	"project_id" uuid,
	"status" text NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"revision" integer NOT NULL,
	"published_revision" integer,
	"published_revision_at" timestamp (3) with time zone,
	"first_published_at" timestamp (3) with time zone,
	"scheduled_revision" integer,
	"publish_at" timestamp (3) with time zone,
	"review_requested_by" uuid,
	"review_requested_by_name" text,
	"review_requested_at" timestamp (3) with time zone,
	"review_comment" text,
	"review_decided_by" uuid,
	"review_decided_by_name" text,
	"review_decided_at" timestamp (3) with time zone,
	"review_decision" text,
	"review_decision_comment" text,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_by" uuid,
	"updated_by_name" text NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "content_revisions" (
	"item_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"item_version" integer NOT NULL,
	"project_id" uuid,
	"tags" text[] NOT NULL,
	"translations" jsonb NOT NULL,
	"cover_image_id" uuid,
	"publication_file_id" uuid,
	"image_ids" uuid[] DEFAULT '{}' NOT NULL,
	"changed" text[] NOT NULL,
	"restored_from" integer,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "content_revisions_item_id_number_pk" PRIMARY KEY("item_id","number")
);
--> statement-breakpoint
CREATE TABLE "content_slugs" (
	"lang" text NOT NULL,
	"slug" text NOT NULL,
	"item_id" uuid NOT NULL,
	CONSTRAINT "content_slugs_lang_slug_pk" PRIMARY KEY("lang","slug")
);
--> statement-breakpoint
ALTER TABLE "content_editions" ADD CONSTRAINT "content_editions_item_id_content_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."content_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_files" ADD CONSTRAINT "content_files_item_id_content_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."content_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_files" ADD CONSTRAINT "content_files_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_images" ADD CONSTRAINT "content_images_item_id_content_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."content_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_images" ADD CONSTRAINT "content_images_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_review_requested_by_users_id_fk" FOREIGN KEY ("review_requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_review_decided_by_users_id_fk" FOREIGN KEY ("review_decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_revisions" ADD CONSTRAINT "content_revisions_item_id_content_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."content_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_revisions" ADD CONSTRAINT "content_revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_slugs" ADD CONSTRAINT "content_slugs_item_id_content_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."content_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "content_editions_list_idx" ON "content_editions" USING btree ("lang","kind","first_live_at");--> statement-breakpoint
CREATE INDEX "content_editions_slug_idx" ON "content_editions" USING btree ("lang","slug");--> statement-breakpoint
CREATE INDEX "content_editions_item_idx" ON "content_editions" USING btree ("item_id","live_from");--> statement-breakpoint
CREATE INDEX "content_editions_project_idx" ON "content_editions" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "content_files_item_idx" ON "content_files" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "content_images_item_idx" ON "content_images" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "content_items_office_idx" ON "content_items" USING btree ("office_id","updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "content_items_project_page_idx" ON "content_items" USING btree ("project_id") WHERE "content_items"."kind" = 'project';--> statement-breakpoint
CREATE INDEX "content_slugs_item_idx" ON "content_slugs" USING btree ("item_id");