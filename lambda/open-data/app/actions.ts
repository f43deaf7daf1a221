import type * as z from 'zod';
import type { Caller as RuntimeCaller } from '../../shared/identity';
import { type ActionRequest, actionInput } from '../domain/action-request';
import { type Caller, openDataCaller, PUBLIC_CALLER } from '../domain/caller';
import type { Lang } from '../domain/language';
import { parseParams } from '../domain/validation';
import { notAuthorized, postRequired, unknownAction } from '../errors';
import type { OpenDataPorts } from '../ports';
import { type ActionSite, CKAN_ACTIONS, type CkanActionName, isCkanAction, PUBLISHER_PATH } from '../routes';

/**
 * The calls of CKAN's Action API: who asks, on which site, which action with which parameters,
 * read and checked as CKAN reads them before the action's use case runs.
 */

/** Who asks, in which language, and from where (for audit records). */
export interface RequestContext {
  readonly caller: Caller;
  /** @default 'en' */
  readonly lang?: Lang;
  readonly sourceIp?: string;
  readonly requestId?: string;
  /** The If-Match header of an update: the ETag of the revision the client last read. */
  readonly ifMatch?: string;
}

export function langOf(ctx: RequestContext): Lang {
  return ctx.lang ?? 'en';
}

/** What the runtime knows of a request's sender. */
export interface Sender {
  readonly caller: RuntimeCaller;
  readonly requestId: string;
  readonly sourceIp?: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Who asks: on the publishers' site, the calling officer (and the If-Match they send); anywhere
 * else an anonymous caller whatever was sent, as public routes carry no authorizer.
 */
export function requestContext(sender: Sender, site?: Pick<ActionSite, 'lang' | 'publisher'>): RequestContext {
  const publisher = site?.publisher ?? false;
  return {
    caller: publisher ? openDataCaller(sender.caller) : PUBLIC_CALLER,
    lang: site?.lang ?? 'en',
    requestId: sender.requestId,
    ...(sender.sourceIp ? { sourceIp: sender.sourceIp } : {}),
    ...(publisher && sender.headers['if-match'] ? { ifMatch: sender.headers['if-match'] } : {}),
  };
}

type ParamsOf<K extends CkanActionName> = z.output<(typeof CKAN_ACTIONS)[K]['params']>;

/** The use case answering each action, given its checked parameters. */
export type ActionHandlers = {
  readonly [K in CkanActionName]: (ports: OpenDataPorts, ctx: RequestContext, params: ParamsOf<K>) => Promise<unknown>;
};

/** One call of the Action API, as it arrived on a site. */
export interface ActionCall {
  readonly site: ActionSite;
  readonly action: string;
  readonly request: ActionRequest;
}

/** A known action and its parameters, checked. */
export type CheckedCall = { readonly [K in CkanActionName]: { readonly action: K; readonly params: ParamsOf<K> } }[CkanActionName];

/**
 * Checks a call as CKAN does before running it: a known action, a write only on the publishers'
 * site (`siteUrl` names it in the refusal) and only by POST, its input a JSON object or query
 * parameters, and its parameters valid.
 */
export function readAction(siteUrl: string, call: ActionCall): CheckedCall {
  const { site, action, request } = call;
  if (!isCkanAction(action)) throw unknownAction(action);
  const declared = CKAN_ACTIONS[action];
  if (declared.auth !== 'public' && !site.publisher) {
    throw notAuthorized(
      `publishing goes through ${siteUrl}${PUBLISHER_PATH}/api/3/action/${action}, with your staff token (Authorization: Bearer <token>) and your department's API key (x-api-key)`,
    );
  }
  if (!(declared.methods as readonly string[]).includes(request.method.toUpperCase())) throw postRequired();
  return { action, params: parseParams(declared.params as z.ZodType, actionInput(request)) } as CheckedCall;
}
