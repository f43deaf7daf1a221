import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { logger } from '../../shared/observability';
import { recordSignIns } from '../app/sign-ins';
import { peoplePorts } from '../compose';

/**
 * Records the sign-ins the citizen pool's trigger reports, among each person's consents. A
 * message that fails is delivered again (partial batch response), up to the queue's limit and
 * then to its dead-letter queue; one that is not a sign-in report is logged and dropped.
 */
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const { people } = await peoplePorts();
  const result = await recordSignIns(
    people,
    event.Records.map((r) => ({ id: r.messageId, body: r.body })),
  );
  if (result.refused.length > 0) logger.warn('Dropped messages that are not sign-in reports', { messageIds: result.refused });
  return { batchItemFailures: result.failed.map((itemIdentifier) => ({ itemIdentifier })) };
}
