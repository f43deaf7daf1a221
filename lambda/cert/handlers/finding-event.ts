import { Logger } from '@aws-lambda-powertools/logger';
import type { EventBridgeEvent } from 'aws-lambda';
import { fileFindingEvent } from '../app/incidents';
import { certPorts, pipelineSettings } from '../compose';

const logger = new Logger({ serviceName: 'cert-incident-pipeline' });

/**
 * Files each GuardDuty or Security Hub finding of an EventBridge event as a CERT incident. Any
 * failure throws, so Lambda retries the event and then leaves it in the dead-letter queue.
 */
export async function handler(event: EventBridgeEvent<string, unknown>): Promise<void> {
  const [ports, settings] = await Promise.all([certPorts(), pipelineSettings()]);
  for (const { finding, incident, opened } of await fileFindingEvent(ports, settings, event)) {
    logger.info(opened ? 'incident opened' : 'sighting recorded', {
      caseNumber: incident.id,
      severity: incident.severity,
      department: incident.department,
      product: finding.source.product,
      findingType: finding.source.findingType,
    });
  }
}
