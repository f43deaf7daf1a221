import { logger } from '../../shared/observability';
import { previousHongKongDay, writeReconciliationReport } from '../app/reconciliation';
import { dispatchDueWebhooks } from '../app/webhooks';
import { payPorts, reconciledDepartments, reconciliationPorts } from '../compose';

export interface ScheduledTask {
  readonly task: 'webhooks' | 'reconciliation';
}

/**
 * The service's scheduled work, by the task its schedule names: sending due webhooks (every
 * minute), and writing each department's reconciliation report for the day before (nightly).
 */
export async function handler(event: ScheduledTask): Promise<void> {
  if (event.task === 'webhooks') {
    logger.info('webhooks dispatched', { ...(await dispatchDueWebhooks(await payPorts())) });
    return;
  }
  if (event.task === 'reconciliation') {
    const ports = await reconciliationPorts();
    const day = previousHongKongDay(ports.clock());
    for (const department of reconciledDepartments()) {
      const written = await writeReconciliationReport(department, day, ports);
      logger.info('reconciliation report written', { department, day, key: written.jsonKey });
    }
    return;
  }
  throw new Error(`Unknown scheduled task ${JSON.stringify(event)}`);
}
