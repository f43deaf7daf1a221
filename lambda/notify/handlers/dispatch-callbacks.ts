import { logger } from '../../shared/observability';
import type { DeliveryRun } from '../../shared/outbox';
import { dispatchDueCallbacks } from '../app/delivery';
import { notifyPorts } from '../compose';

/** Run every minute: posts the delivery receipts that are due to departments. */
export async function handler(): Promise<DeliveryRun> {
  const run = await dispatchDueCallbacks(await notifyPorts());
  logger.info('delivery receipts dispatched', { ...run });
  return run;
}
