import type { CertPorts } from '../ports';
import { DynamoAdvisoryStore } from './advisory-store';
import { DynamoIncidentStore } from './incident-store';

/** The CERT's ports over DynamoDB, with table names from the environment. */
export function dynamoPorts(clock: () => Date = () => new Date()): CertPorts {
  return { incidents: new DynamoIncidentStore(), advisories: new DynamoAdvisoryStore(), clock };
}
