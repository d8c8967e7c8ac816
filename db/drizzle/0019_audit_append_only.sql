-- Issue #16: audit rows cannot be changed or removed through the product. Two narrow doors, each
-- opened by a transaction-local setting (set_config(..., true)) that only one job sets:
--   omniflow.audit_retention = 'on': DELETE (and TRUNCATE), by the daily retention sweep
--     (runtime/src/audit/audit-retention.ts);
--   omniflow.audit_erasure = 'on': UPDATE of the snapshots alone (before, after, details and the
--     resource's label), by a data-protection erasure of a person (runtime/src/audit/erase-audit-snapshots.ts);
--     who did what, when and from where stay as they were.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('omniflow.audit_retention', true) = 'on' THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'TRUNCATE' AND current_setting('omniflow.audit_retention', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND current_setting('omniflow.audit_erasure', true) = 'on'
    AND (NEW.id, NEW.workspace_id, NEW.occurred_at, NEW.actor_kind, NEW.actor_id, NEW.actor_name,
         NEW.actor_email, NEW.actor_user_id, NEW.action, NEW.resource_type, NEW.resource_id,
         NEW.method, NEW.path, NEW.status, NEW.ip, NEW.user_agent, NEW.request_id)
    IS NOT DISTINCT FROM
        (OLD.id, OLD.workspace_id, OLD.occurred_at, OLD.actor_kind, OLD.actor_id, OLD.actor_name,
         OLD.actor_email, OLD.actor_user_id, OLD.action, OLD.resource_type, OLD.resource_id,
         OLD.method, OLD.path, OLD.status, OLD.ip, OLD.user_agent, OLD.request_id) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
