ALTER TABLE "campaign_recipients" DROP CONSTRAINT "campaign_recipients_message_id_messages_id_fk";
