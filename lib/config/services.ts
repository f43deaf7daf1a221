/**
 * The shared services the platform can deploy, written once: the config schema accepts
 * only these names, the platform composes a stack for each enabled one, and the platform
 * catalogue API lists them.
 */
export const SERVICE_CATALOGUE = {
  platform: {
    title: 'Platform catalogue',
    description: 'The shared services, and what was provisioned for each department.',
    basePath: '/platform',
  },
} as const satisfies Record<string, ServiceDescription>;

export interface ServiceDescription {
  readonly title: string;
  readonly description: string;
  /** Path prefix the service's API is served under, locally and behind its API. */
  readonly basePath: string;
}

export type ServiceName = keyof typeof SERVICE_CATALOGUE;

export const SERVICE_NAMES = Object.keys(SERVICE_CATALOGUE) as ServiceName[];

export function isServiceName(name: string): name is ServiceName {
  return Object.hasOwn(SERVICE_CATALOGUE, name);
}
