import { FirehoseClient, PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import type { StoredEvent } from '../domain/events';
import type { EventSink } from '../ports';

/** Most records one PutRecordBatch takes. */
const BATCH_MAX = 500;
const ATTEMPTS = 3;

/**
 * The beacon's events to Amazon Data Firehose, one record (a JSON line) per event; the stream
 * partitions them by kind, day and service into the events bucket. Records Firehose reports
 * failed are sent again, a few times.
 */
export class FirehoseEventSink implements EventSink {
  constructor(
    private readonly streamName: string,
    private readonly client = new FirehoseClient({}),
  ) {}

  async put(events: readonly StoredEvent[]): Promise<void> {
    for (let i = 0; i < events.length; i += BATCH_MAX) {
      let records = events.slice(i, i + BATCH_MAX).map((e) => ({ Data: new TextEncoder().encode(`${JSON.stringify(e)}\n`) }));
      for (let attempt = 1; records.length > 0; attempt++) {
        if (attempt > ATTEMPTS) throw new Error(`Firehose refused ${records.length} usage events ${ATTEMPTS} times.`);
        const answer = await this.client.send(new PutRecordBatchCommand({ DeliveryStreamName: this.streamName, Records: records }));
        if (!answer.FailedPutCount) break;
        records = records.filter((_, j) => answer.RequestResponses?.[j]?.ErrorCode);
      }
    }
  }
}
