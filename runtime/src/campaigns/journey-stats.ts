import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@omniflow/db';

export interface JourneyCounts {
  /** People whose run was started. */
  started: number;
  /** Runs still going (running or waiting: a wait of days, a reply). */
  running: number;
  completed: number;
  /** Failed, cancelled or abandoned. */
  failed: number;
}

/** A journey campaign's people by where their run is now: one query over recipients and runs. */
export async function journeyStats(db: Db, campaignId: string): Promise<JourneyCounts> {
  const [row] = await queryRows<Record<keyof JourneyCounts, string>>(
    db,
    sql`select count(*) filter (where r.status = 'started') as started,
        count(*) filter (where r.status = 'started' and u.status in ('running', 'waiting')) as running,
        count(*) filter (where r.status = 'started' and u.status = 'completed') as completed,
        count(*) filter (where r.status = 'started' and u.status in ('failed', 'cancelled', 'abandoned')) as failed
      from campaign_recipients r left join runs u on u.id = r.run_id
      where r.campaign_id = ${campaignId}::uuid and r.run_id is not null`,
  );
  return {
    started: Number(row?.started ?? 0),
    running: Number(row?.running ?? 0),
    completed: Number(row?.completed ?? 0),
    failed: Number(row?.failed ?? 0),
  };
}
