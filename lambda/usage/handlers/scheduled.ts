import { logger } from '../../shared/observability';
import { aggregate, yesterday } from '../app/aggregation';
import { usagePorts } from '../compose';

export interface ScheduledTask {
  readonly task: 'aggregation';
}

/** The nightly count of the day before, at 01:00 in Hong Kong. */
export async function handler(event: ScheduledTask): Promise<void> {
  if (event.task !== 'aggregation') throw new Error(`Unknown scheduled task ${JSON.stringify(event)}`);
  const ports = await usagePorts();
  logger.info('usage counted', { ...(await aggregate(ports, yesterday(ports.clock()))) });
}
