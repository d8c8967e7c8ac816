import { randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@omniflow/db';

/**
 * Which campaign messages this host handed to a provider, written before each provider write.
 *
 * A send recorded in the database before it is written leaves a gap (the record's commit reaches
 * us a round trip later) in which a kill -9 loses the message; recorded after, the same gap sends
 * it twice. A line appended to a local file is in the kernel's page cache when `writeSync`
 * returns, and a killed process cannot take it back: so the journal is written right before the
 * socket write, and the database learns of it when the provider answers (or, after a crash,
 * from `recover`, which runs before a worker takes work). One file per chunk attempt, removed
 * once every send in it is recorded in the database.
 *
 * A campaign's message row is written once, with the provider's answer (campaign-sending.ts), so
 * its journal line is the whole row (`JournaledMessage`): `recover` writes the rows a killed
 * process handed over and never recorded. A line holding only an id (a row written before the
 * send, as the messages of older versions were) marks that row sent.
 *
 * What it does not cover: a host that loses its disk (or power before the page cache is written)
 * or a retry that runs on another host before this one restarts; for those, sends written in the
 * last moments before the crash can go twice (at least once, as without the journal).
 */
export class HandOverJournal {
  private readonly dir: string;
  private readonly open = new Set<string>();

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  /** A chunk attempt's journal. */
  start(): ChunkJournal {
    mkdirSync(this.dir, { recursive: true });
    const file = join(this.dir, `${process.pid}-${randomUUID()}.log`);
    const fd = openSync(file, 'a');
    this.open.add(file);
    let closed = false;
    // The lines of one turn of the event loop go in one write (a window refilled by a burst of
    // answers hands over dozens at once): each caller's promise settles once its line is written,
    // and only then does its driver write to the provider.
    let lines = '';
    let written:
      { promise: Promise<void>; resolve: () => void; reject: (error: unknown) => void } | undefined;
    const flush = () => {
      const batch = written;
      const text = lines;
      written = undefined;
      lines = '';
      if (!batch) return;
      try {
        writeSync(fd, text);
        batch.resolve();
      } catch (error) {
        batch.reject(error);
      }
    };
    return {
      handedOver: (message: string | JournaledMessage) => {
        lines += `${typeof message === 'string' ? message : JSON.stringify(message)}\n`;
        if (!written) {
          let resolve!: () => void;
          let reject!: (error: unknown) => void;
          const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
          written = { promise, resolve, reject };
          process.nextTick(flush);
        }
        return written.promise;
      },
      /** Every send in it is recorded in the database: the file is no longer needed. */
      done: () => {
        if (closed) return;
        flush();
        closed = true;
        closeSync(fd);
        rmSync(file, { force: true });
        this.open.delete(file);
      },
      /** The database could not be told: the file stays for `recover`. */
      abandon: () => {
        if (closed) return;
        flush();
        closed = true;
        closeSync(fd);
        this.open.delete(file);
      },
    };
  }

  /**
   * Marks the messages of journals left behind (a killed process's, or an attempt of this one
   * whose records failed) as sent — handed over, the provider's answer unknown — and removes them.
   * Answers how many messages that made sent.
   */
  async recover(db: Db): Promise<number> {
    let files: string[];
    try {
      files = readdirSync(this.dir).filter((name) => name.endsWith('.log'));
    } catch {
      return 0;
    }
    let marked = 0;
    for (const name of files) {
      const file = join(this.dir, name);
      if (this.open.has(file)) continue;
      const pid = Number(name.split('-')[0]);
      if (pid !== process.pid && alive(pid)) continue;
      const ids: string[] = [];
      const rows: JournaledMessage[] = [];
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (uuidLine.test(line)) ids.push(line);
        else if (line.startsWith('{')) {
          // A line cut short by the kill is not a hand-over: the process died before the write.
          try {
            const row = JSON.parse(line) as JournaledMessage;
            if (typeof row.id === 'string' && uuidLine.test(row.id)) {
              rows.push(row);
              ids.push(row.id);
            }
          } catch {
            continue;
          }
        }
      }
      let known = 0;
      const at = new Date().toISOString();
      for (let from = 0; from < rows.length; from += 1000) {
        // Handed over, the answer unknown: sent without a provider id (campaign-sending.ts,
        // handOverTradeOff). Rows of a campaign that is not in this database are not ours.
        const written = await queryRows<{ id: string }>(
          db,
          sql`insert into messages (id, workspace_id, channel, direction, contact_address,
            our_address, contact_id, campaign_id, idempotency_key, body, status, status_history)
          select v.id, c.workspace_id, v.ch, 'outbound', v.a, '', (select id from contacts where id = v.c),
            c.id, v.k, v.b, 'sent', v.h || ${JSON.stringify([{ status: 'sent', at }])}::jsonb
          from jsonb_to_recordset(${JSON.stringify(rows.slice(from, from + 1000))}::jsonb)
            as v(id uuid, cp uuid, ch text, a text, c uuid, k text, b jsonb, h jsonb)
          join campaigns c on c.id = v.cp
          on conflict do nothing
          returning id`,
        );
        marked += written.length;
      }
      for (let from = 0; from < ids.length; from += 5000) {
        const [counts] = await queryRows<{ known: string; marked: string }>(
          db,
          sql`with found as (
              select id, status from messages where id = any(${`{${ids.slice(from, from + 5000).join(',')}}`}::uuid[])),
            marked as (
              update messages m set status = 'sent',
                status_history = m.status_history || ${JSON.stringify([{ status: 'sent', at }])}::jsonb,
                updated_at = now()
              from found f where m.id = f.id and f.status = 'queued'
              returning m.id)
            select (select count(*) from found) as known, (select count(*) from marked) as marked`,
        );
        known += Number(counts?.known ?? 0);
        marked += Number(counts?.marked ?? 0);
      }
      // Another installation's workers on this host (another database) share the folder: a journal
      // none of whose messages are ours is theirs to recover, not ours to delete.
      if (ids.length > 0 && known === 0) continue;
      rmSync(file, { force: true });
    }
    return marked;
  }
}

/**
 * A campaign message as journaled before its hand-over: what `recover` needs to write its row
 * (the workspace is the campaign's).
 */
export interface JournaledMessage {
  id: string;
  /** The campaign, channel, address, contact and idempotency key. */
  cp: string;
  ch: string;
  a: string;
  c: string;
  k: string;
  /** The body and the status history so far (queued). */
  b: unknown;
  h: unknown[];
}

const uuidLine = /^[0-9a-f-]{36}$/;

export interface ChunkJournal {
  /**
   * A message id (its row is already written) or the message's whole row: settles once it is in
   * the file (with the others of the same turn), rejects when it could not be written.
   */
  handedOver(message: string | JournaledMessage): Promise<void>;
  done(): void;
  abandon(): void;
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The worker's journal: OMNIFLOW_SEND_JOURNAL_DIR, else `.omniflow/send-journal`. */
export const journalFromEnv = (env: Record<string, string | undefined> = process.env) =>
  new HandOverJournal(env.OMNIFLOW_SEND_JOURNAL_DIR ?? '.omniflow/send-journal');
