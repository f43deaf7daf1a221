import { Logger } from '@aws-lambda-powertools/logger';
import { departmentLookup, type FindingEvent, normaliseEvent } from '../domain/normalise';
import { readPipelineSettings } from '../pipeline-environment';
import type { CertPorts } from '../ports';
import { fileFinding } from '../service';
import { dynamoPorts } from '../store';

const logger = new Logger({ serviceName: 'cert-incident-pipeline' });
const settings = readPipelineSettings(process.env);
const lookup = departmentLookup({ tagKey: settings.departmentTagKey, accounts: settings.departmentAccounts });
let ports: CertPorts | undefined;

/**
 * Files each GuardDuty or Security Hub finding of an EventBridge event as a CERT incident. Any
 * failure throws, so Lambda retries the event and then leaves it in the dead-letter queue.
 */
export async function handler(event: FindingEvent): Promise<void> {
  ports ??= dynamoPorts();
  for (const finding of normaliseEvent(event, lookup, settings.threshold)) {
    const { incident, opened } = await fileFinding(ports, finding);
    logger.info(opened ? 'incident opened' : 'sighting recorded', {
      caseNumber: incident.id,
      severity: incident.severity,
      department: incident.department,
      product: finding.source.product,
      findingType: finding.source.findingType,
    });
  }
}
