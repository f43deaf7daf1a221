import { SERVICES } from '../../../lambda/registry';
import type { RouteDefinition, ServiceDefinition } from '../../../lambda/shared/route';

export interface DeclaredRoute {
  readonly service: string;
  readonly id: string;
  readonly route: RouteDefinition;
  readonly definition: ServiceDefinition;
}

/** Every route of every registered service, read from the registry, never listed by hand. */
export function declaredRoutes(services: Readonly<Record<string, { readonly definition: ServiceDefinition }>> = SERVICES): DeclaredRoute[] {
  return Object.entries(services).flatMap(([service, { definition }]) =>
    Object.entries(definition.routes).map(([id, route]) => ({ service, id, route, definition })),
  );
}

/** How a route is named in reports: `service routeId`. */
export const routeName = (r: { readonly service: string; readonly id: string }) => `${r.service} ${r.id}`;
