import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { GetObjectCommand, PutObjectCommand, paginateListObjectsV2 } from '@aws-sdk/client-s3';
import { bucketOf, s3 } from '../../shared/aws-clients';
import { logger } from '../../shared/observability';
import { BEACON_KINDS, dayPrefix, eventPartition, type StoredEvent } from '../domain/events';
import type { EventSink, EventSource } from '../ports';
import { USAGE_BUCKETS } from '../storage';

const bucket = () => bucketOf(USAGE_BUCKETS.events);

/** Local mode's sink: each batch's events as JSON lines, one object per partition, where Firehose would put them. */
export class ObjectEventSink implements EventSink {
  async put(events: readonly StoredEvent[]): Promise<void> {
    const partitions = new Map<string, StoredEvent[]>();
    for (const event of events) {
      const prefix = eventPartition(event.kind, event.date, event.service);
      const batch = partitions.get(prefix);
      if (batch) batch.push(event);
      else partitions.set(prefix, [event]);
    }
    await Promise.all(
      [...partitions].map(([prefix, batch]) =>
        s3().send(
          new PutObjectCommand({
            Bucket: bucket(),
            Key: `${prefix}${Date.now()}-${randomUUID()}.jsonl`,
            Body: batch.map((e) => `${JSON.stringify(e)}\n`).join(''),
            ContentType: 'application/x-ndjson',
          }),
        ),
      ),
    );
  }
}

/** A line that does not parse is logged and skipped: a torn object must not stop a day's count. */
function parseLines(text: string, key: string): StoredEvent[] {
  const events: StoredEvent[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      events.push(JSON.parse(line) as StoredEvent);
    } catch {
      logger.warn('unreadable usage event line skipped', { key });
    }
  }
  return events;
}

const READ_CONCURRENCY = 16;
const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;

async function readText(key: string): Promise<string> {
  const object = await s3().send(new GetObjectCommand({ Bucket: bucket(), Key: key }));
  const bytes = await (object.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray();
  return (isGzip(bytes) ? gunzipSync(bytes) : Buffer.from(bytes)).toString('utf8');
}

/** A day's events read back from the bucket, every kind: Firehose's GZIP objects and local mode's plain ones alike. */
export class ObjectEventSource implements EventSource {
  async ofDay(date: string): Promise<StoredEvent[]> {
    const keys: string[] = [];
    for (const kind of BEACON_KINDS) {
      for await (const page of paginateListObjectsV2({ client: s3() }, { Bucket: bucket(), Prefix: dayPrefix(kind, date) })) {
        keys.push(...(page.Contents ?? []).map((o) => o.Key as string));
      }
    }
    const events: StoredEvent[] = [];
    for (let i = 0; i < keys.length; i += READ_CONCURRENCY) {
      const texts = await Promise.all(keys.slice(i, i + READ_CONCURRENCY).map(async (key) => ({ key, text: await readText(key) })));
      for (const { key, text } of texts) events.push(...parseLines(text, key));
    }
    return events;
  }
}
