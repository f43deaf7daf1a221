import type { EventBridgeEvent } from 'aws-lambda';
import { logger } from '../../shared/observability';
import { recordSesEvent, type SesEventDetail } from '../app/delivery';
import { notifyPorts } from '../compose';

/** SES's reports of delivered, bounced and refused e-mail, through EventBridge: each moves its notification's status. */
export async function handler(event: EventBridgeEvent<string, SesEventDetail>): Promise<void> {
  const applied = await recordSesEvent(event.detail, await notifyPorts());
  if (applied)
    logger.info('delivery event applied', { event: applied.event, status: applied.notification?.status ?? 'unknown notification' });
}
