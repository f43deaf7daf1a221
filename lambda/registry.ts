import { certService } from './cert/routes';
import { storage as certStorage } from './cert/storage';
import { ehrService } from './ehr/routes';
import { storage as ehrStorage } from './ehr/storage';
import { exchangeService } from './exchange/routes';
import { storage as exchangeStorage } from './exchange/storage';
import { identityService } from './identity/routes';
import { storage as identityStorage } from './identity/storage';
import { identityTriggers } from './identity/triggers';
import { notifyService } from './notify/routes';
import { storage as notifyStorage } from './notify/storage';
import { openDataService } from './open-data/routes';
import { storage as openDataStorage } from './open-data/storage';
import { payService } from './pay/routes';
import { storage as payStorage } from './pay/storage';
import { platformService } from './platform/routes';
import { storage as platformStorage } from './platform/storage';
import { procurementService } from './procurement/routes';
import { storage as procurementStorage } from './procurement/storage';
import { recordsService } from './records/routes';
import { storage as recordsStorage } from './records/storage';
import type { ServiceDefinition, TriggerDeclaration } from './shared/route';
import type { StorageDefinition } from './shared/storage-definition';
import { usageService } from './usage/routes';
import { storage as usageStorage } from './usage/storage';

export interface RegisteredService {
  readonly definition: ServiceDefinition;
  readonly storage: StorageDefinition;
  /** What the service offers, for the platform catalogue. */
  readonly description: string;
  /** Classification of the data the service holds; its stack is checked against it. */
  readonly classification: 'UNCLASSIFIED' | 'RESTRICTED' | 'CONFIDENTIAL' | 'SECRET';
  /** Functions of the service's code that other stacks build, as triggers of their resources. @default - none */
  readonly triggers?: Readonly<Record<string, TriggerDeclaration>>;
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
  notify: {
    definition: notifyService,
    storage: notifyStorage,
    description: 'E-mail and text messages to citizens from templates, with the GOV.UK Notify v2 API.',
    // Recipients' addresses, numbers and message contents are personal data.
    classification: 'RESTRICTED',
  },
  pay: {
    definition: payService,
    storage: payStorage,
    description: 'Fees and charges by card through a hosted payment page, with the GOV.UK Pay v1 API, in Hong Kong dollars.',
    // Payers' e-mail addresses and payment records are personal data; card details are never kept.
    classification: 'RESTRICTED',
  },
  identity: {
    definition: identityService,
    storage: identityStorage,
    triggers: identityTriggers,
    description:
      'Digital identity: whether a smart identity card is valid, signing for people signed in at verified-plus, and each person’s profile and the services they signed in to.',
    // Card statuses (by keyed hash), audit records and people's profiles are personal data.
    classification: 'RESTRICTED',
  },
  'open-data': {
    definition: openDataService,
    storage: openDataStorage,
    description:
      'The open data portal: a CKAN-compatible catalogue (Action API v3) of public datasets in three languages, publishing by departments, the historical archive, counted downloads and DCAT exports.',
    // Public data; publishing still needs a department officer's token and API key.
    classification: 'UNCLASSIFIED',
  },
  records: {
    definition: recordsService,
    storage: recordsStorage,
    description:
      'Records management for departments: a file plan, retention and disposal schedules, records kept immutable under S3 Object Lock, legal holds and each record’s history.',
    // Records of every department up to RESTRICTED; content above the platform's ceiling is never declared here.
    classification: 'RESTRICTED',
  },
  procurement: {
    definition: procurementService,
    storage: procurementStorage,
    description:
      'E-procurement: supplier registration, tenders checked against the tendering rules, clarifications, sealed bids opened by two officers after closing, and every stage published in OCDS 1.1.5.',
    // Suppliers' contacts and sealed commercial bids; published data is what OCDS publishes.
    classification: 'RESTRICTED',
  },
  exchange: {
    definition: exchangeService,
    storage: exchangeStorage,
    description:
      'Data exchange between departments: a registry of data services, access granted by the owning department for a purpose and period, bounded queries and a hash-chained log of every exchange.',
    // Holds the log and, in local mode, demo rows; the rule refuses any grant above the receiver's classification.
    classification: 'RESTRICTED',
  },
  ehr: {
    definition: ehrService,
    storage: ehrStorage,
    description:
      'Electronic health record sharing: patients, practitioners, providers, consents, encounters, observations and conditions as HL7 FHIR R4, every access recorded as an AuditEvent.',
    // Patients' health records; served on the private API only.
    classification: 'CONFIDENTIAL',
  },
  usage: {
    definition: usageService,
    storage: usageStorage,
    description:
      'Usage of every e-service, app and website: a registry with launch dates, a beacon that keeps nothing personal, daily figures published openly, and the review each owes six months after launch.',
    // Events hold no address or identifier; the reviews and figures are official but not personal.
    classification: 'UNCLASSIFIED',
  },
} as const satisfies Record<string, RegisteredService>;
