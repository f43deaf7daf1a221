import type { App, Stack } from 'aws-cdk-lib';
import type { PlatformConfig } from '../config/schema';
import { addCertIncidentPipeline } from './cert-incident-pipeline';
import { addEhrExtension } from './ehr-extension';
import { addExchangeExtension } from './exchange-extension';
import { addIdentityExtension } from './identity-extension';
import { notifyEmailStacks } from './notify-email-stack';
import { addNotifyExtension } from './notify-extension';
import { addOpenDataDelivery } from './open-data-delivery';
import { addPayExtension } from './pay-extension';
import { platformCatalogueFiles } from './platform-catalogue';
import { addProcurementExtension } from './procurement-extension';
import { addRecordsExtension } from './records-extension';
import type { ServiceStack } from './service-stack';
import { addUsageExtension } from './usage-extension';

/** What a service's stack needs beyond its routes and storage, which the platform reads generically. */
export interface ServiceBlueprint {
  /**
   * Adds infrastructure that is not an API to the service's stack, like the CERT's finding
   * pipeline; called once the stack has its tables, buckets, functions and API.
   * @default - nothing is added
   */
  readonly extend?: (stack: ServiceStack) => void;
  /**
   * Stacks of the service's own that its stack deploys after, like SES in the region that has it.
   * Called once per app, when the service is enabled.
   * @default - none
   */
  readonly extraStacks?: (app: App, config: PlatformConfig) => readonly Stack[];
  /**
   * Files bundled next to each of the service's handlers, by file name: data built from the
   * config at synth that is too large for environment variables.
   * @default - none
   */
  readonly bundledFiles?: (config: PlatformConfig) => Readonly<Record<string, string>>;
}

/** The blueprint of each service that needs one, by service name. */
export const SERVICE_BLUEPRINTS: Readonly<Record<string, ServiceBlueprint>> = {
  platform: { bundledFiles: platformCatalogueFiles },
  cert: { extend: addCertIncidentPipeline },
  identity: { extend: addIdentityExtension },
  notify: { extend: addNotifyExtension, extraStacks: notifyEmailStacks },
  'open-data': { extend: addOpenDataDelivery },
  pay: { extend: addPayExtension },
  records: { extend: addRecordsExtension },
  procurement: { extend: addProcurementExtension },
  exchange: { extend: addExchangeExtension },
  ehr: { extend: addEhrExtension },
  usage: { extend: addUsageExtension },
};

/** The blueprint of a service: its entry in SERVICE_BLUEPRINTS, or nothing beyond routes and storage. */
export function serviceBlueprint(service: string): ServiceBlueprint {
  return SERVICE_BLUEPRINTS[service] ?? {};
}
