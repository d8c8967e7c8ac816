DROP INDEX "campaign_recipients_status_idx";--> statement-breakpoint
CREATE INDEX "campaign_recipients_due_idx" ON "campaign_recipients" USING btree ("campaign_id","status","channel","contact_id");