import { certService } from './cert/routes';
import { storage as certStorage } from './cert/storage';
import { platformService } from './platform/routes';
import { storage as platformStorage } from './platform/storage';
import type { ServiceDefinition } from './shared/route';
import type { StorageDefinition } from './shared/storage-definition';

export interface RegisteredService {
  readonly definition: ServiceDefinition;
  readonly storage: StorageDefinition;
  /** What the service offers, for the platform catalogue. */
  readonly description: string;
  /** Classification of the data the service holds; its stack is checked against it. */
  readonly classification: 'UNCLASSIFIED' | 'RESTRICTED' | 'CONFIDENTIAL' | 'SECRET';
}

/**
 * Every service the platform can deploy, by the name the config uses. The CDK stacks, local
 * mode, the OpenAPI generator and the config schema all read this; no handler code is imported
 * here, so synthesizing stays cheap.
 */
export const SERVICES = {
  platform: {
    definition: platformService,
    storage: platformStorage,
    description: 'The shared services, and what was provisioned for each department.',
    classification: 'UNCLASSIFIED',
  },
  cert: {
    definition: certService,
    storage: certStorage,
    description: 'The government CERT: incident reports and triage, security advisories, known-exploited vulnerabilities.',
    classification: 'RESTRICTED',
  },
} as const satisfies Record<string, RegisteredService>;
