import { tableOf } from '../../shared/dynamo';
import type { OutboxStore } from '../../shared/outbox';
import { dynamoOutbox } from '../../shared/outbox-store';
import type { WebhookDelivery } from '../domain/webhooks';
import { PAY_INDEXES, PAY_TABLE } from '../storage';

/** Webhook messages: `WEBHOOK#<id>` items of the payments table, kept 30 days; pending ones sit in the `dueWebhooks` index. */
export function webhookOutbox(): OutboxStore<WebhookDelivery> {
  return dynamoOutbox<WebhookDelivery>({
    table: () => tableOf(PAY_TABLE),
    keyOf: (id) => ({ pk: `WEBHOOK#${id}`, sk: 'WEBHOOK' }),
    dueIndex: { name: PAY_INDEXES.dueWebhooks, partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
    queue: 'WEBHOOKS',
    keepSeconds: 30 * 24 * 3600,
    storageAttributes: ['pk', 'sk'],
  });
}
