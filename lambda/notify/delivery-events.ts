import type { EventBridgeEvent } from 'aws-lambda';
import { logger } from '../shared/observability';
import { recordDeliveryEvent } from './application/delivery';
import { type SesEventDetail, sesDeliveryEvent } from './providers/ses-events';
import { notifyPorts } from './runtime';

/** SES's reports of delivered, bounced and refused e-mail, through EventBridge: each moves its notification's status. */
export async function handler(event: EventBridgeEvent<string, SesEventDetail>): Promise<void> {
  const report = sesDeliveryEvent(event.detail);
  if (!report) return;
  const notification = await recordDeliveryEvent(report.notificationId, report.event, await notifyPorts());
  logger.info('delivery event applied', { event: report.event.kind, status: notification?.status ?? 'unknown notification' });
}
