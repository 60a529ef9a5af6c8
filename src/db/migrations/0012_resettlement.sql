CREATE SEQUENCE "public"."movement_reference_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."submission_batch_reference_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "resettlement_clearances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number_sealed" text NOT NULL,
	"number_tail" text NOT NULL,
	"issuing_country" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	"document_id" uuid,
	"superseded_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "rst_clearances_validity" CHECK ("resettlement_clearances"."valid_from" <= "resettlement_clearances"."valid_until")
);
--> statement-breakpoint
CREATE TABLE "resettlement_health_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"assessed_on" date NOT NULL,
	"outcome" text NOT NULL,
	"valid_until" date,
	"travel_conditions" text[] DEFAULT '{}'::text[] NOT NULL,
	"findings_sealed" text,
	"assessed_by_name" text NOT NULL,
	"superseded_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "movement_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"movement_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"booked_at" timestamp (3) with time zone NOT NULL,
	"settled_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "movement_escorts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"movement_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"organisation" text,
	"for_case_id" uuid
);
--> statement-breakpoint
CREATE TABLE "movement_legs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"movement_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"carrier" text NOT NULL,
	"flight_number" text NOT NULL,
	"from_airport" text NOT NULL,
	"to_airport" text NOT NULL,
	"departs_at" timestamp (3) with time zone NOT NULL,
	"arrives_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "movement_passengers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"booking_id" uuid NOT NULL,
	"movement_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"seat_required" boolean NOT NULL,
	"boarding" text NOT NULL,
	"boarding_reason" text,
	"recorded_at" timestamp (3) with time zone,
	"recorded_by_name" text
);
--> statement-breakpoint
CREATE TABLE "movements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"project_id" uuid NOT NULL,
	"owning_office_id" uuid NOT NULL,
	"status" text NOT NULL,
	"seat_count" integer NOT NULL,
	"destination_country" text NOT NULL,
	"departure_date" date NOT NULL,
	"arrival_date" date NOT NULL,
	"arrived_at" timestamp (3) with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "movements_reference_unique" UNIQUE("reference"),
	CONSTRAINT "movements_seat_count" CHECK ("movements"."seat_count" > 0),
	CONSTRAINT "movements_dates" CHECK ("movements"."departure_date" <= "movements"."arrival_date")
);
--> statement-breakpoint
CREATE TABLE "orientation_attendance" (
	"session_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"present" boolean NOT NULL,
	CONSTRAINT "orientation_attendance_session_id_person_id_pk" PRIMARY KEY("session_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "orientation_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"owning_office_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"place" text NOT NULL,
	"language" text NOT NULL,
	"facilitator" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resettlement_households" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"referring_agency" text NOT NULL,
	"referring_reference" text NOT NULL,
	"referral_document_id" uuid,
	"active_members" integer NOT NULL,
	"split_from_case_id" uuid,
	"merged_into_case_id" uuid,
	"identification_on" date NOT NULL,
	"verification_on" date,
	"interview_on" date,
	"submission_on" date,
	"decision_on" date,
	"accepted_on" date,
	"health_assessment_on" date,
	"pre_departure_orientation_on" date,
	"exit_permits_on" date,
	"booked_on" date,
	"departed_on" date,
	"arrived_on" date,
	"handed_over_on" date,
	"handed_over_to" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resettlement_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"relationship" text NOT NULL,
	"joined_on" date NOT NULL,
	"left_on" date,
	"left_reason" text,
	"left_to_case_id" uuid
);
--> statement-breakpoint
CREATE TABLE "submission_batch_households" (
	"batch_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"decided_on" date,
	"decision_document_id" uuid,
	CONSTRAINT "submission_batch_households_batch_id_case_id_pk" PRIMARY KEY("batch_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "submission_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"project_id" uuid NOT NULL,
	"owning_office_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"resettlement_country" text NOT NULL,
	"mission_start" date,
	"mission_end" date,
	"label" text NOT NULL,
	"status" text NOT NULL,
	"submitted_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "submission_batches_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
ALTER TABLE "case_attachments" ADD COLUMN "document_kind" text;--> statement-breakpoint
ALTER TABLE "case_tasks" ADD COLUMN "system_key" text;--> statement-breakpoint
ALTER TABLE "resettlement_clearances" ADD CONSTRAINT "resettlement_clearances_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resettlement_clearances" ADD CONSTRAINT "resettlement_clearances_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resettlement_clearances" ADD CONSTRAINT "resettlement_clearances_document_id_case_attachments_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."case_attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resettlement_health_assessments" ADD CONSTRAINT "resettlement_health_assessments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resettlement_health_assessments" ADD CONSTRAINT "resettlement_health_assessments_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_bookings" ADD CONSTRAINT "movement_bookings_movement_id_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_bookings" ADD CONSTRAINT "movement_bookings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_escorts" ADD CONSTRAINT "movement_escorts_movement_id_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."movements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_escorts" ADD CONSTRAINT "movement_escorts_for_case_id_cases_id_fk" FOREIGN KEY ("for_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_legs" ADD CONSTRAINT "movement_legs_movement_id_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."movements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_passengers" ADD CONSTRAINT "movement_passengers_booking_id_movement_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."movement_bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_passengers" ADD CONSTRAINT "movement_passengers_movement_id_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_passengers" ADD CONSTRAINT "movement_passengers_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movements" ADD CONSTRAINT "movements_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movements" ADD CONSTRAINT "movements_owning_office_id_offices_id_fk" FOREIGN KEY ("owning_office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orientation_attendance" ADD CONSTRAINT "orientation_attendance_session_id_orientation_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."orientation_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orientation_attendance" ADD CONSTRAINT "orientation_attendance_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orientation_attendance" ADD CONSTRAINT "orientation_attendance_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orientation_sessions" ADD CONSTRAINT "orientation_sessions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orientation_sessions" ADD CONSTRAINT "orientation_sessions_owning_office_id_offices_id_fk" FOREIGN KEY ("owning_office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resettlement_households" ADD CONSTRAINT "resettlement_households_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resettlement_households" ADD CONSTRAINT "resettlement_households_referral_document_id_case_attachments_id_fk" FOREIGN KEY ("referral_document_id") REFERENCES "public"."case_attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resettlement_households" ADD CONSTRAINT "resettlement_households_split_from_case_id_cases_id_fk" FOREIGN KEY ("split_from_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resettlement_households" ADD CONSTRAINT "resettlement_households_merged_into_case_id_cases_id_fk" FOREIGN KEY ("merged_into_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resettlement_members" ADD CONSTRAINT "resettlement_members_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resettlement_members" ADD CONSTRAINT "resettlement_members_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resettlement_members" ADD CONSTRAINT "resettlement_members_left_to_case_id_cases_id_fk" FOREIGN KEY ("left_to_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_batch_households" ADD CONSTRAINT "submission_batch_households_batch_id_submission_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."submission_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_batch_households" ADD CONSTRAINT "submission_batch_households_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_batch_households" ADD CONSTRAINT "submission_batch_households_decision_document_id_case_attachments_id_fk" FOREIGN KEY ("decision_document_id") REFERENCES "public"."case_attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_batches" ADD CONSTRAINT "submission_batches_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_batches" ADD CONSTRAINT "submission_batches_owning_office_id_offices_id_fk" FOREIGN KEY ("owning_office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rst_clearances_case_idx" ON "resettlement_clearances" USING btree ("case_id","person_id","kind");--> statement-breakpoint
CREATE INDEX "rst_clearances_expiry_idx" ON "resettlement_clearances" USING btree ("valid_until") WHERE superseded_at is null;--> statement-breakpoint
CREATE INDEX "rst_health_case_idx" ON "resettlement_health_assessments" USING btree ("case_id","person_id","assessed_on");--> statement-breakpoint
CREATE INDEX "rst_health_expiry_idx" ON "resettlement_health_assessments" USING btree ("valid_until") WHERE superseded_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "movement_bookings_one_active" ON "movement_bookings" USING btree ("case_id") WHERE status = 'booked';--> statement-breakpoint
CREATE INDEX "movement_bookings_movement_idx" ON "movement_bookings" USING btree ("movement_id","status");--> statement-breakpoint
CREATE INDEX "movement_escorts_movement_idx" ON "movement_escorts" USING btree ("movement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "movement_legs_seq_key" ON "movement_legs" USING btree ("movement_id","seq");--> statement-breakpoint
CREATE INDEX "movement_passengers_movement_idx" ON "movement_passengers" USING btree ("movement_id","person_id");--> statement-breakpoint
CREATE INDEX "movement_passengers_booking_idx" ON "movement_passengers" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "movements_office_idx" ON "movements" USING btree ("owning_office_id","status","departure_date");--> statement-breakpoint
CREATE INDEX "orientation_attendance_case_idx" ON "orientation_attendance" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "orientation_sessions_office_idx" ON "orientation_sessions" USING btree ("owning_office_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "resettlement_households_reference_key" ON "resettlement_households" USING btree ("referring_agency","referring_reference");--> statement-breakpoint
CREATE UNIQUE INDEX "resettlement_members_active_person" ON "resettlement_members" USING btree ("person_id") WHERE left_on is null;--> statement-breakpoint
CREATE INDEX "resettlement_members_case_idx" ON "resettlement_members" USING btree ("case_id","left_on");--> statement-breakpoint
CREATE UNIQUE INDEX "submission_batch_households_one_pending" ON "submission_batch_households" USING btree ("case_id") WHERE outcome = 'pending';--> statement-breakpoint
CREATE INDEX "submission_batches_office_idx" ON "submission_batches" USING btree ("owning_office_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_tasks_system_key" ON "case_tasks" USING btree ("system_key") WHERE system_key is not null;--> statement-breakpoint
-- The funnel and the pipeline read one project's resettlement households (ADR 0017).
CREATE INDEX "cases_resettlement_project_idx" ON "cases" USING btree ("project_id","owning_office_id") WHERE case_type = 'resettlement';
