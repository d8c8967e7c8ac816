import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import type { RecordingStore } from '../recordings/recording-store.ts';
import type { ContactRecords } from './contact-records.ts';

export interface ManifestFile {
  path: string;
  format: 'json' | 'jsonl' | 'csv' | 'wav' | 'audio';
  /** Lines of a JSON-lines file, rows of a CSV (without its header). */
  records?: number;
  bytes: number;
  sha256: string;
  description: string;
}

const csvCell = (value: unknown): string => {
  const text =
    value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value);
  return `"${text.replaceAll('"', '""')}"`;
};
const csv = (header: string[], rows: unknown[][]) =>
  [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
const jsonl = (rows: unknown[]) =>
  rows.map((row) => JSON.stringify(row)).join('\n') + (rows.length ? '\n' : '');

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * One zip of everything held about a contact, in open formats: JSON for the person, JSON lines for
 * what happened (messages with bodies, conversations, runs with their steps, calls), CSV for the
 * addresses with consent and for memberships, the call recordings as they are stored (WAV), and a
 * manifest with each file's size and SHA-256 so whoever receives it can check it is whole.
 */
export async function contactArchive(
  records: ContactRecords,
  store: RecordingStore,
  exportedAt = new Date(),
): Promise<{ zip: Buffer; manifest: { files: ManifestFile[] } & Record<string, unknown> }> {
  const zip = new JSZip();
  const files: ManifestFile[] = [];
  const add = (
    path: string,
    format: ManifestFile['format'],
    content: string | Buffer,
    description: string,
    count?: number,
  ) => {
    const body = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    zip.file(path, body, { date: exportedAt });
    files.push({
      path,
      format,
      ...(count === undefined ? {} : { records: count }),
      bytes: body.length,
      sha256: createHash('sha256').update(body).digest('hex'),
      description,
    });
  };

  add(
    'contact.json',
    'json',
    `${JSON.stringify(records.contact, null, 2)}\n`,
    'The contact: names, language, time zone, tags and custom fields',
  );
  add(
    'addresses.csv',
    'csv',
    csv(
      [
        'channel',
        'address',
        'consent_at',
        'consent_source',
        'opted_out_at',
        'opt_out_source',
        'opt_out_keyword',
        'last_inbound_at',
      ],
      records.addresses.map((a) => [
        a.channel,
        a.address,
        a.consentAt,
        a.consentSource,
        a.optedOutAt,
        a.optOutSource,
        a.optOutKeyword,
        a.lastInboundAt,
      ]),
    ),
    'Addresses per channel with their consent and opt-outs',
    records.addresses.length,
  );
  add(
    'messages.jsonl',
    'jsonl',
    jsonl(records.messages),
    'Every message to or from them, with its body and delivery history',
    records.messages.length,
  );
  add(
    'email-events.jsonl',
    'jsonl',
    jsonl(records.emailEvents),
    'Opens, clicks, bounces and unsubscribes of their emails',
    records.emailEvents.length,
  );
  add(
    'conversations.jsonl',
    'jsonl',
    jsonl(records.conversations),
    'Their conversations and hand-overs to agents',
    records.conversations.length,
  );
  add(
    'runs.jsonl',
    'jsonl',
    jsonl(records.runs),
    'Flow runs started for them, with input and output',
    records.runs.length,
  );
  add(
    'run-steps.jsonl',
    'jsonl',
    jsonl(records.runSteps),
    'Each step of those runs, with what it took and gave',
    records.runSteps.length,
  );
  add(
    'run-events.jsonl',
    'jsonl',
    jsonl(records.runEvents),
    'Events those runs received (replies, answers)',
    records.runEvents.length,
  );
  add('calls.jsonl', 'jsonl', jsonl(records.calls), 'Calls from or to their numbers', records.calls.length);
  add(
    'campaigns.csv',
    'csv',
    csv(
      ['campaign_id', 'campaign', 'channel', 'address', 'status', 'skip_reason', 'variant', 'message_id'],
      records.campaigns.map(({ campaignName, recipient: r }) => [
        r.campaignId,
        campaignName,
        r.channel,
        r.address,
        r.status,
        r.skipReason,
        r.variant,
        r.messageId,
      ]),
    ),
    'Campaigns they were in and what each did for them',
    records.campaigns.length,
  );
  add(
    'segments.csv',
    'csv',
    csv(
      ['segment_id', 'segment'],
      records.segments.map((s) => [s.id, s.name]),
    ),
    'Lists they were added to',
    records.segments.length,
  );

  const recordingIndex: unknown[] = [];
  for (const recording of records.recordings) {
    const wav = recording.contentType === 'audio/wav' || recording.contentType === 'audio/x-wav';
    const path = `recordings/${recording.id}.${wav ? 'wav' : 'audio'}`;
    let audio: Buffer | undefined;
    try {
      audio = await bytesOf(await store.get(recording.storageKey));
    } catch {
      // Gone from the store (deleted by retention): listed without audio, not a failed export.
      audio = undefined;
    }
    recordingIndex.push({ ...recording, file: audio ? path : null });
    if (audio) add(path, wav ? 'wav' : 'audio', audio, `Call recording ${recording.id}`);
  }
  add(
    'recordings.jsonl',
    'jsonl',
    jsonl(recordingIndex),
    'Their call recordings; `file` is the audio in this archive',
    recordingIndex.length,
  );

  const manifest = {
    format: 'omniflow-contact-export',
    version: 1,
    workspaceId: records.contact.workspaceId,
    contactId: records.contact.id,
    exportedAt: exportedAt.toISOString(),
    files,
  };
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date: exportedAt });
  const buffer = await zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
  });
  return { zip: buffer, manifest };
}
