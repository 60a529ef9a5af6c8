CREATE TABLE "reception_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"partner_name" text NOT NULL,
	"partner_contact" text NOT NULL,
	"reception_place" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"revoked_at" timestamp (3) with time zone,
	"last_visit_at" timestamp (3) with time zone,
	"received_on" date,
	"confirmed_by_name" text,
	"confirmation_note" text,
	"confirmed_at" timestamp (3) with time zone,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "reception_links_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "reception_links" ADD CONSTRAINT "reception_links_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_links" ADD CONSTRAINT "reception_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reception_links_case_idx" ON "reception_links" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reception_links_one_live" ON "reception_links" USING btree ("case_id") WHERE revoked_at is null;--> statement-breakpoint
CREATE INDEX "movement_passengers_person_idx" ON "movement_passengers" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "resettlement_members_person_idx" ON "resettlement_members" USING btree ("person_id");--> statement-breakpoint
-- The change log of reporting facts (ADR 0016) for the resettlement definitions (catalogue.ts, ADR 0018): they
-- count a household's travelling members at its milestones (decision_on, accepted_on) and the persons boarded
-- (departed_on, arrived_on), with the case's columns and the person's breakdown columns. Every statement that
-- changes one of those logs the projects and persons it touched, in the writer's transaction. Deletions also
-- log the projects where the person has facts, for a case deleted with its members (the case row is gone by
-- the time the cascade's triggers run). Decisions are not read (the household's accepted_on is), nor bookings
-- (a passenger row names its booking, whose household never changes).
CREATE FUNCTION report_log_resettlement_members() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO report_changes (project_id, person_id)
    SELECT DISTINCT c.project_id, r.person_id FROM new_rows r JOIN cases c ON c.id = r.case_id WHERE c.project_id IS NOT NULL;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO report_changes (project_id, person_id)
    SELECT c.project_id, r.person_id FROM old_rows r JOIN cases c ON c.id = r.case_id WHERE c.project_id IS NOT NULL
    UNION
    SELECT f.project_id, f.person_id FROM old_rows r JOIN report_person_facts f ON f.person_id = r.person_id;
  ELSE
    INSERT INTO report_changes (project_id, person_id)
    SELECT DISTINCT c.project_id, x.person_id
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    CROSS JOIN LATERAL (VALUES (n.case_id, n.person_id), (o.case_id, o.person_id)) x (case_id, person_id)
    JOIN cases c ON c.id = x.case_id
    WHERE c.project_id IS NOT NULL
      AND (n.case_id, n.person_id, n.joined_on, n.left_on) IS DISTINCT FROM (o.case_id, o.person_id, o.joined_on, o.left_on);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER resettlement_members_report_insert AFTER INSERT ON resettlement_members
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_resettlement_members();
--> statement-breakpoint
CREATE TRIGGER resettlement_members_report_update AFTER UPDATE ON resettlement_members
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_resettlement_members();
--> statement-breakpoint
CREATE TRIGGER resettlement_members_report_delete AFTER DELETE ON resettlement_members
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_resettlement_members();
--> statement-breakpoint
CREATE FUNCTION report_log_resettlement_households() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO report_changes (project_id, person_id)
    SELECT DISTINCT c.project_id, m.person_id
    FROM new_rows r JOIN cases c ON c.id = r.case_id JOIN resettlement_members m ON m.case_id = r.case_id
    WHERE c.project_id IS NOT NULL;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO report_changes (project_id, person_id)
    SELECT DISTINCT c.project_id, m.person_id
    FROM old_rows r JOIN cases c ON c.id = r.case_id JOIN resettlement_members m ON m.case_id = r.case_id
    WHERE c.project_id IS NOT NULL;
  ELSE
    INSERT INTO report_changes (project_id, person_id)
    SELECT DISTINCT c.project_id, m.person_id
    FROM new_rows n JOIN old_rows o ON o.case_id = n.case_id
    JOIN cases c ON c.id = n.case_id
    JOIN resettlement_members m ON m.case_id = n.case_id
    WHERE c.project_id IS NOT NULL
      AND (n.decision_on, n.accepted_on, n.departed_on, n.arrived_on)
        IS DISTINCT FROM (o.decision_on, o.accepted_on, o.departed_on, o.arrived_on);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER resettlement_households_report_insert AFTER INSERT ON resettlement_households
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_resettlement_households();
--> statement-breakpoint
CREATE TRIGGER resettlement_households_report_update AFTER UPDATE ON resettlement_households
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_resettlement_households();
--> statement-breakpoint
CREATE TRIGGER resettlement_households_report_delete AFTER DELETE ON resettlement_households
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_resettlement_households();
--> statement-breakpoint
CREATE FUNCTION report_log_movement_passengers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO report_changes (project_id, person_id)
    SELECT DISTINCT c.project_id, r.person_id
    FROM new_rows r JOIN movement_bookings b ON b.id = r.booking_id JOIN cases c ON c.id = b.case_id
    WHERE c.project_id IS NOT NULL AND r.boarding = 'boarded';
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO report_changes (project_id, person_id)
    SELECT c.project_id, r.person_id
    FROM old_rows r JOIN movement_bookings b ON b.id = r.booking_id JOIN cases c ON c.id = b.case_id
    WHERE c.project_id IS NOT NULL AND r.boarding = 'boarded'
    UNION
    SELECT f.project_id, f.person_id FROM old_rows r JOIN report_person_facts f ON f.person_id = r.person_id
    WHERE r.boarding = 'boarded';
  ELSE
    INSERT INTO report_changes (project_id, person_id)
    SELECT DISTINCT c.project_id, x.person_id
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    CROSS JOIN LATERAL (VALUES (n.booking_id, n.person_id), (o.booking_id, o.person_id)) x (booking_id, person_id)
    JOIN movement_bookings b ON b.id = x.booking_id JOIN cases c ON c.id = b.case_id
    WHERE c.project_id IS NOT NULL AND (n.boarding = 'boarded' OR o.boarding = 'boarded')
      AND (n.booking_id, n.person_id, n.boarding) IS DISTINCT FROM (o.booking_id, o.person_id, o.boarding);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER movement_passengers_report_insert AFTER INSERT ON movement_passengers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_movement_passengers();
--> statement-breakpoint
CREATE TRIGGER movement_passengers_report_update AFTER UPDATE ON movement_passengers
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_movement_passengers();
--> statement-breakpoint
CREATE TRIGGER movement_passengers_report_delete AFTER DELETE ON movement_passengers
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_movement_passengers();
--> statement-breakpoint
-- A resettlement case's project, office, opening or countries changed: its members' facts (the principal's
-- are logged by report_log_cases).
CREATE FUNCTION report_log_resettlement_cases() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_changes (project_id, person_id)
  SELECT DISTINCT x.project_id, m.person_id
  FROM new_rows n JOIN old_rows o ON o.id = n.id
  CROSS JOIN LATERAL (VALUES (n.project_id), (o.project_id)) x (project_id)
  JOIN resettlement_members m ON m.case_id = n.id
  WHERE n.case_type = 'resettlement' AND x.project_id IS NOT NULL
    AND (n.project_id, n.owning_office_id, n.created_at, n.host_country, n.return_country)
      IS DISTINCT FROM (o.project_id, o.owning_office_id, o.created_at, o.host_country, o.return_country);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER cases_report_resettlement_update AFTER UPDATE ON cases
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_resettlement_cases();
--> statement-breakpoint
-- A member's breakdown columns changed (report_log_persons logs only the persons cases are opened on).
CREATE FUNCTION report_log_resettlement_persons() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_changes (project_id, person_id)
  SELECT DISTINCT c.project_id, n.id
  FROM new_rows n JOIN old_rows o ON o.id = n.id
  JOIN resettlement_members m ON m.person_id = n.id
  JOIN cases c ON c.id = m.case_id
  WHERE c.project_id IS NOT NULL
    AND (n.sex, n.birth_date, n.nationalities, n.specific_needs)
      IS DISTINCT FROM (o.sex, o.birth_date, o.nationalities, o.specific_needs);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER persons_report_resettlement_update AFTER UPDATE ON persons
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_resettlement_persons();
