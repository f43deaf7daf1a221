import { SERVICES } from '../../lambda/registry';

/** The shared services the platform can deploy, by the name the config uses. */
export type ServiceName = keyof typeof SERVICES;

export const SERVICE_NAMES = Object.keys(SERVICES) as ServiceName[];

/** Title, description and base path of a service, as the catalogue lists it. */
export function serviceDescription(name: ServiceName) {
  const { definition, description } = SERVICES[name];
  return { title: definition.title, description, basePath: definition.basePath };
}
