import type * as z from 'zod';
import { type ActionRequest, actionInput } from '../../../lambda/open-data/domain/action-request';
import { parseParams } from '../../../lambda/open-data/domain/validation';
import { ACTION_ROUTES, CKAN_ACTIONS, isCkanAction } from '../../../lambda/open-data/routes';
import { createRefundRequestSchema, type RefundBody } from '../../../lambda/pay/domain/schemas';
import type { Query } from './query-values';

/** A request's parts as the service reads them: path parameters decoded, query parsed, body parsed. */
export interface RequestParts {
  readonly method: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Query;
  readonly body: unknown;
}

/**
 * What a route checks beyond the schemas it declares: schemas a service applies inside, which
 * the fuzzer breaks as well, so it reaches past the runtime's validation.
 */
export interface InnerRules {
  /** Values a path parameter takes to reach the inner checks, beside random ones. */
  readonly paramValues: Readonly<Record<string, readonly string[]>>;
  /** The schema the service applies to the query or the body, given the path parameters. */
  innerSchema(where: 'query' | 'body', params: Readonly<Record<string, string>>): z.ZodType | undefined;
  /** Whether the service refuses the request (its route schemas having accepted it). */
  refuses(request: RequestParts): boolean;
}

/**
 * The Action API of the open data portal: one route per site, path and method, the action a
 * path parameter, and each action's parameters checked by the action's own schema (the route's
 * body is any JSON object). The service's own readers (`actionInput`, `parseParams`) decide.
 */
function ckanActionRules(routeId: string): InnerRules | undefined {
  const found = ACTION_ROUTES.find((r) => r.id === routeId);
  if (!found) return undefined;
  const { site, method } = found;
  return {
    paramValues: { action: Object.keys(CKAN_ACTIONS) },
    innerSchema(where, params) {
      if (!isCkanAction(params.action ?? '')) return undefined;
      if ((where === 'query') !== (method === 'GET')) return undefined;
      return CKAN_ACTIONS[params.action as keyof typeof CKAN_ACTIONS].params;
    },
    refuses({ params, query, body }) {
      const name = params.action ?? '';
      if (!isCkanAction(name)) return true;
      const spec = CKAN_ACTIONS[name];
      // Write actions only on the publishers' site, and only by POST.
      if (spec.auth !== 'public' && !site.publisher) return true;
      if (!(spec.methods as readonly string[]).includes(method)) return true;
      const request: ActionRequest = method === 'GET' ? { method, query: query as ActionRequest['query'] } : { method, data: body };
      try {
        parseParams(spec.params as z.ZodType, actionInput(request));
        return false;
      } catch {
        return true;
      }
    },
  };
}

/**
 * Pay's refund route finds the payment before it reads the body (an unknown payment is 404
 * whatever the body, as in Pay): the route's schema hands any body on, and the refund schema
 * applies inside.
 */
function payRefundRules(routeId: string): InnerRules | undefined {
  if (routeId !== 'createRefund') return undefined;
  return {
    paramValues: {},
    innerSchema: (where) => (where === 'body' ? createRefundRequestSchema : undefined),
    refuses: ({ body }) => !(body as RefundBody).ok,
  };
}

/** The inner rules of a route, by service and route id, if it has any. */
export function innerRulesOf(service: string, routeId: string): InnerRules | undefined {
  if (service === 'open-data') return ckanActionRules(routeId);
  if (service === 'pay') return payRefundRules(routeId);
  return undefined;
}
