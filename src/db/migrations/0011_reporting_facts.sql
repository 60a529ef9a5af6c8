CREATE TABLE "report_changes" (
	"project_id" uuid NOT NULL,
	"person_id" uuid,
	"kind" text DEFAULT 'person' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_delivery_facts" (
	"delivery_id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"office_id" uuid NOT NULL,
	"day" date NOT NULL,
	"plan_item_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"departure_date" date,
	"case_created_at" timestamp (3) with time zone NOT NULL,
	"host_country" text,
	"return_country" text,
	"sex" text NOT NULL,
	"birth_date" date,
	"nationality" text,
	"specific_needs" text[] NOT NULL,
	"dimension" text NOT NULL,
	"delivery_mode" text NOT NULL,
	"budget_line_id" uuid
);
--> statement-breakpoint
CREATE TABLE "report_fact_state" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"data_version" bigint NOT NULL,
	"offices" uuid[] NOT NULL,
	"built_at" timestamp (3) with time zone NOT NULL,
	"refreshed_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_figure_cache" (
	"project_id" uuid NOT NULL,
	"key" text NOT NULL,
	"data_version" bigint NOT NULL,
	"request" jsonb,
	"figure" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "report_figure_cache_project_id_key_pk" PRIMARY KEY("project_id","key")
);
--> statement-breakpoint
CREATE TABLE "report_person_facts" (
	"project_id" uuid NOT NULL,
	"definition" text NOT NULL,
	"person_id" uuid NOT NULL,
	"office_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"day" date NOT NULL,
	"case_created_at" timestamp (3) with time zone NOT NULL,
	"host_country" text,
	"return_country" text,
	"sex" text NOT NULL,
	"birth_date" date,
	"nationality" text,
	"specific_needs" text[] NOT NULL,
	"sole" integer NOT NULL,
	"first_in_project" integer NOT NULL,
	CONSTRAINT "report_person_facts_project_id_definition_person_id_office_id_pk" PRIMARY KEY("project_id","definition","person_id","office_id")
);
--> statement-breakpoint
ALTER TABLE "report_delivery_facts" ADD CONSTRAINT "report_delivery_facts_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_fact_state" ADD CONSTRAINT "report_fact_state_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_figure_cache" ADD CONSTRAINT "report_figure_cache_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_person_facts" ADD CONSTRAINT "report_person_facts_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_changes_project_idx" ON "report_changes" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "report_delivery_facts_day_idx" ON "report_delivery_facts" USING btree ("project_id","day","person_id","office_id","currency","amount_minor");--> statement-breakpoint
CREATE INDEX "report_delivery_facts_person_idx" ON "report_delivery_facts" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "report_person_facts_day_idx" ON "report_person_facts" USING btree ("project_id","definition","first_in_project","day","office_id","sole");--> statement-breakpoint
CREATE INDEX "report_person_facts_person_idx" ON "report_person_facts" USING btree ("person_id");--> statement-breakpoint
-- The change log of reporting facts (src/modules/reporting/facts-repository.ts, ADR 0016): every statement that changes
-- data a report counts records which projects (and persons) it touched, in the writer's transaction.
CREATE FUNCTION report_log_cases() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO report_changes (project_id, person_id)
    SELECT DISTINCT project_id, person_id FROM new_rows WHERE project_id IS NOT NULL;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO report_changes (project_id, person_id)
    SELECT DISTINCT project_id, person_id FROM old_rows WHERE project_id IS NOT NULL;
  ELSE
    INSERT INTO report_changes (project_id, person_id)
    SELECT DISTINCT x.project_id, x.person_id
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    CROSS JOIN LATERAL (VALUES (n.project_id, n.person_id), (o.project_id, o.person_id)) x (project_id, person_id)
    WHERE x.project_id IS NOT NULL
      AND (n.project_id, n.person_id, n.owning_office_id, n.status, n.status_before_closure, n.departure_date,
           n.created_at, n.host_country, n.return_country)
        IS DISTINCT FROM (o.project_id, o.person_id, o.owning_office_id, o.status, o.status_before_closure,
           o.departure_date, o.created_at, o.host_country, o.return_country);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER cases_report_insert AFTER INSERT ON cases
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_cases();
--> statement-breakpoint
CREATE TRIGGER cases_report_update AFTER UPDATE ON cases
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_cases();
--> statement-breakpoint
CREATE TRIGGER cases_report_delete AFTER DELETE ON cases
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_cases();
--> statement-breakpoint
CREATE FUNCTION report_log_reintegration_plans() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO report_changes (project_id, person_id)
    SELECT DISTINCT c.project_id, c.person_id FROM new_rows r JOIN cases c ON c.id = r.case_id WHERE c.project_id IS NOT NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO report_changes (project_id, person_id)
    SELECT DISTINCT c.project_id, c.person_id FROM old_rows r JOIN cases c ON c.id = r.case_id WHERE c.project_id IS NOT NULL;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER reintegration_plans_report_insert AFTER INSERT ON reintegration_plans
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_reintegration_plans();
--> statement-breakpoint
CREATE TRIGGER reintegration_plans_report_update AFTER UPDATE ON reintegration_plans
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_reintegration_plans();
--> statement-breakpoint
CREATE TRIGGER reintegration_plans_report_delete AFTER DELETE ON reintegration_plans
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_reintegration_plans();
--> statement-breakpoint
CREATE FUNCTION report_log_deliveries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO report_changes (project_id, person_id)
    SELECT DISTINCT c.project_id, c.person_id FROM new_rows r JOIN cases c ON c.id = r.case_id WHERE c.project_id IS NOT NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO report_changes (project_id, person_id)
    SELECT DISTINCT c.project_id, c.person_id FROM old_rows r JOIN cases c ON c.id = r.case_id WHERE c.project_id IS NOT NULL;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER deliveries_report_insert AFTER INSERT ON deliveries
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_deliveries();
--> statement-breakpoint
CREATE TRIGGER deliveries_report_update AFTER UPDATE ON deliveries
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_deliveries();
--> statement-breakpoint
CREATE TRIGGER deliveries_report_delete AFTER DELETE ON deliveries
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_deliveries();
--> statement-breakpoint
CREATE FUNCTION report_log_placements() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO report_changes (project_id, person_id)
    SELECT DISTINCT c.project_id, c.person_id FROM new_rows r JOIN cases c ON c.id = r.case_id WHERE c.project_id IS NOT NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO report_changes (project_id, person_id)
    SELECT DISTINCT c.project_id, c.person_id FROM old_rows r JOIN cases c ON c.id = r.case_id WHERE c.project_id IS NOT NULL;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER placements_report_insert AFTER INSERT ON placements
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_placements();
--> statement-breakpoint
CREATE TRIGGER placements_report_update AFTER UPDATE ON placements
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_placements();
--> statement-breakpoint
CREATE TRIGGER placements_report_delete AFTER DELETE ON placements
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_placements();
--> statement-breakpoint
CREATE FUNCTION report_log_referrals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO report_changes (project_id, person_id)
    SELECT DISTINCT c.project_id, c.person_id FROM new_rows r JOIN cases c ON c.id = r.case_id WHERE c.project_id IS NOT NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO report_changes (project_id, person_id)
    SELECT DISTINCT c.project_id, c.person_id FROM old_rows r JOIN cases c ON c.id = r.case_id WHERE c.project_id IS NOT NULL;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER referrals_report_insert AFTER INSERT ON referrals
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_referrals();
--> statement-breakpoint
CREATE TRIGGER referrals_report_update AFTER UPDATE ON referrals
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_referrals();
--> statement-breakpoint
CREATE TRIGGER referrals_report_delete AFTER DELETE ON referrals
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_referrals();
--> statement-breakpoint
CREATE FUNCTION report_log_plan_versions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO report_changes (project_id, person_id)
    SELECT DISTINCT c.project_id, c.person_id FROM new_rows r JOIN reintegration_plans rp ON rp.id = r.plan_id JOIN cases c ON c.id = rp.case_id WHERE c.project_id IS NOT NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO report_changes (project_id, person_id)
    SELECT DISTINCT c.project_id, c.person_id FROM old_rows r JOIN reintegration_plans rp ON rp.id = r.plan_id JOIN cases c ON c.id = rp.case_id WHERE c.project_id IS NOT NULL;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER plan_versions_report_insert AFTER INSERT ON plan_versions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_plan_versions();
--> statement-breakpoint
CREATE TRIGGER plan_versions_report_update AFTER UPDATE ON plan_versions
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_plan_versions();
--> statement-breakpoint
CREATE TRIGGER plan_versions_report_delete AFTER DELETE ON plan_versions
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_plan_versions();
--> statement-breakpoint
CREATE FUNCTION report_log_plan_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO report_changes (project_id, person_id)
    SELECT DISTINCT c.project_id, c.person_id FROM new_rows r JOIN reintegration_plans rp ON rp.id = r.plan_id JOIN cases c ON c.id = rp.case_id WHERE c.project_id IS NOT NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO report_changes (project_id, person_id)
    SELECT DISTINCT c.project_id, c.person_id FROM old_rows r JOIN reintegration_plans rp ON rp.id = r.plan_id JOIN cases c ON c.id = rp.case_id WHERE c.project_id IS NOT NULL;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER plan_items_report_update AFTER UPDATE ON plan_items
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_plan_items();
--> statement-breakpoint
CREATE FUNCTION report_log_placement_follow_ups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO report_changes (project_id, person_id)
    SELECT DISTINCT c.project_id, c.person_id FROM new_rows r JOIN placements pl ON pl.id = r.placement_id JOIN cases c ON c.id = pl.case_id WHERE c.project_id IS NOT NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO report_changes (project_id, person_id)
    SELECT DISTINCT c.project_id, c.person_id FROM old_rows r JOIN placements pl ON pl.id = r.placement_id JOIN cases c ON c.id = pl.case_id WHERE c.project_id IS NOT NULL;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER placement_follow_ups_report_insert AFTER INSERT ON placement_follow_ups
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_placement_follow_ups();
--> statement-breakpoint
CREATE TRIGGER placement_follow_ups_report_update AFTER UPDATE ON placement_follow_ups
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_placement_follow_ups();
--> statement-breakpoint
CREATE TRIGGER placement_follow_ups_report_delete AFTER DELETE ON placement_follow_ups
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_placement_follow_ups();
--> statement-breakpoint
CREATE FUNCTION report_log_persons() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_changes (project_id, person_id)
  SELECT DISTINCT c.project_id, c.person_id
  FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN cases c ON c.person_id = n.id
  WHERE c.project_id IS NOT NULL
    AND (n.sex, n.birth_date, n.nationalities, n.specific_needs)
      IS DISTINCT FROM (o.sex, o.birth_date, o.nationalities, o.specific_needs);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER persons_report_update AFTER UPDATE ON persons
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_persons();
--> statement-breakpoint
CREATE FUNCTION report_log_capacity_activities() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO report_changes (project_id, person_id, kind)
    SELECT DISTINCT r.project_id, NULL::uuid, 'activities' FROM new_rows r WHERE r.project_id IS NOT NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO report_changes (project_id, person_id, kind)
    SELECT DISTINCT r.project_id, NULL::uuid, 'activities' FROM old_rows r WHERE r.project_id IS NOT NULL;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER capacity_activities_report_insert AFTER INSERT ON capacity_activities
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_capacity_activities();
--> statement-breakpoint
CREATE TRIGGER capacity_activities_report_update AFTER UPDATE ON capacity_activities
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_capacity_activities();
--> statement-breakpoint
CREATE TRIGGER capacity_activities_report_delete AFTER DELETE ON capacity_activities
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_capacity_activities();
--> statement-breakpoint
CREATE FUNCTION report_log_campaigns() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO report_changes (project_id, person_id, kind)
    SELECT DISTINCT r.project_id, NULL::uuid, 'activities' FROM new_rows r WHERE r.project_id IS NOT NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO report_changes (project_id, person_id, kind)
    SELECT DISTINCT r.project_id, NULL::uuid, 'activities' FROM old_rows r WHERE r.project_id IS NOT NULL;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER campaigns_report_insert AFTER INSERT ON campaigns
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_campaigns();
--> statement-breakpoint
CREATE TRIGGER campaigns_report_update AFTER UPDATE ON campaigns
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_campaigns();
--> statement-breakpoint
CREATE TRIGGER campaigns_report_delete AFTER DELETE ON campaigns
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_campaigns();
--> statement-breakpoint
CREATE FUNCTION report_log_budget_lines() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO report_changes (project_id, person_id, kind)
    SELECT DISTINCT r.project_id, NULL::uuid, 'all' FROM new_rows r WHERE r.project_id IS NOT NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO report_changes (project_id, person_id, kind)
    SELECT DISTINCT r.project_id, NULL::uuid, 'all' FROM old_rows r WHERE r.project_id IS NOT NULL;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER budget_lines_report_insert AFTER INSERT ON budget_lines
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_budget_lines();
--> statement-breakpoint
CREATE TRIGGER budget_lines_report_update AFTER UPDATE ON budget_lines
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_budget_lines();
--> statement-breakpoint
CREATE TRIGGER budget_lines_report_delete AFTER DELETE ON budget_lines
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_budget_lines();
--> statement-breakpoint
CREATE FUNCTION report_log_activity_participants() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO report_changes (project_id, person_id, kind)
    SELECT DISTINCT a.project_id, NULL::uuid, 'activities' FROM new_rows r JOIN capacity_activities a ON a.id = r.activity_id WHERE a.project_id IS NOT NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO report_changes (project_id, person_id, kind)
    SELECT DISTINCT a.project_id, NULL::uuid, 'activities' FROM old_rows r JOIN capacity_activities a ON a.id = r.activity_id WHERE a.project_id IS NOT NULL;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER activity_participants_report_insert AFTER INSERT ON activity_participants
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_activity_participants();
--> statement-breakpoint
CREATE TRIGGER activity_participants_report_update AFTER UPDATE ON activity_participants
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_activity_participants();
--> statement-breakpoint
CREATE TRIGGER activity_participants_report_delete AFTER DELETE ON activity_participants
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_log_activity_participants();
--> statement-breakpoint
CREATE FUNCTION report_log_all_projects() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_changes (project_id, person_id, kind) SELECT project_id, NULL, 'all' FROM report_fact_state;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER exchange_rates_report_change AFTER INSERT OR UPDATE OR DELETE ON exchange_rates
  FOR EACH STATEMENT EXECUTE FUNCTION report_log_all_projects();
--> statement-breakpoint
CREATE TRIGGER offices_report_change AFTER UPDATE ON offices
  FOR EACH STATEMENT EXECUTE FUNCTION report_log_all_projects();
