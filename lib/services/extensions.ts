import { addCertIncidentPipeline } from './cert-incident-pipeline';
import { addNotifyExtension } from './notify-extension';
import { addOpenDataDelivery } from './open-data-delivery';
import { addPayExtension } from './pay-extension';
import type { ServiceStack } from './service-stack';

/**
 * What a service's stack needs beyond its routes and storage, by service name: infrastructure
 * that is not an API, like the CERT's finding pipeline.
 */
export const SERVICE_EXTENSIONS: Readonly<Record<string, (stack: ServiceStack) => void>> = {
  cert: addCertIncidentPipeline,
  notify: addNotifyExtension,
  'open-data': addOpenDataDelivery,
  pay: addPayExtension,
};
