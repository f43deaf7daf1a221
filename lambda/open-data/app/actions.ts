import type * as z from 'zod';
import type { RequestContext } from '../domain/caller';
import { type EnvelopedResponse, envelope, errorEnvelope } from '../domain/envelope';
import { ckanError, fail, notADictionary, ok, type Result } from '../domain/errors';
import {
  groupListParams,
  groupShowParams,
  organizationListParams,
  organizationShowParams,
  packageListParams,
  packageSearchParams,
  packageShowParams,
  resourceShowParams,
  statusShowParams,
  tagListParams,
} from '../domain/params';
import { parseParams } from '../domain/validation';
import {
  packageCreateParams,
  packageDeleteParams,
  packagePatchParams,
  packageReviseParams,
  packageUpdateParams,
  resourceCreateParams,
  resourceUpdateParams,
  uploadCompleteParams,
} from '../domain/write-params';
import type { OpenDataPorts } from '../ports';
import {
  groupList,
  groupShow,
  organizationList,
  organizationShow,
  packageList,
  packageSearch,
  packageShow,
  resourceShow,
  statusShow,
  tagList,
} from './datasets';
import { packageCreate, packageDelete, packagePatch, packageRevise, packageUpdate } from './publishing';
import { resourceCreate, resourceUpdate, uploadComplete } from './resources';

interface ActionSpec<S extends z.ZodType> {
  readonly params: S;
  /** Answers GET as well as POST (CKAN's side_effect_free). */
  readonly sideEffectFree: boolean;
  readonly run: (deps: OpenDataPorts, ctx: RequestContext, params: z.output<S>) => Promise<Result<unknown>>;
}

function action<S extends z.ZodType>(spec: ActionSpec<S>): ActionSpec<S> {
  return spec;
}

/** Every action of `/api/3/action/{name}`: its parameters, whether GET may call it, its function. */
export const CKAN_ACTIONS = {
  package_list: action({ params: packageListParams, sideEffectFree: true, run: packageList }),
  package_show: action({ params: packageShowParams, sideEffectFree: true, run: packageShow }),
  package_search: action({ params: packageSearchParams, sideEffectFree: true, run: packageSearch }),
  resource_show: action({ params: resourceShowParams, sideEffectFree: true, run: resourceShow }),
  organization_list: action({ params: organizationListParams, sideEffectFree: true, run: organizationList }),
  organization_show: action({ params: organizationShowParams, sideEffectFree: true, run: organizationShow }),
  group_list: action({ params: groupListParams, sideEffectFree: true, run: groupList }),
  group_show: action({ params: groupShowParams, sideEffectFree: true, run: groupShow }),
  tag_list: action({ params: tagListParams, sideEffectFree: true, run: tagList }),
  status_show: action({ params: statusShowParams, sideEffectFree: true, run: (deps, ctx) => statusShow(deps, ctx) }),
  package_create: action({ params: packageCreateParams, sideEffectFree: false, run: packageCreate }),
  package_update: action({ params: packageUpdateParams, sideEffectFree: false, run: packageUpdate }),
  package_patch: action({ params: packagePatchParams, sideEffectFree: false, run: packagePatch }),
  package_revise: action({ params: packageReviseParams, sideEffectFree: false, run: packageRevise }),
  package_delete: action({ params: packageDeleteParams, sideEffectFree: false, run: packageDelete }),
  resource_create: action({ params: resourceCreateParams, sideEffectFree: false, run: resourceCreate }),
  resource_update: action({ params: resourceUpdateParams, sideEffectFree: false, run: resourceUpdate }),
  resource_upload_complete: action({ params: uploadCompleteParams, sideEffectFree: false, run: uploadComplete }),
} as const;

export type CkanActionName = keyof typeof CKAN_ACTIONS;

export function isCkanAction(name: string): name is CkanActionName {
  return Object.hasOwn(CKAN_ACTIONS, name);
}

/** An HTTP request to the Action API, as the handler received it. */
export interface ActionRequest {
  readonly method: string;
  /** Query parameters; a repeated one as a list. */
  readonly query?: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The raw body of a POST. */
  readonly body?: string | null;
  /** The body of a POST already parsed from JSON (by the HTTP runtime); wins over `body`. */
  readonly data?: unknown;
}

/**
 * The action's input as CKAN reads it (ckan/views/api.py _get_request_data): query parameters
 * for GET, a JSON object for POST. JSONP's `callback` is dropped, as CKAN drops it.
 */
export function actionInput(request: ActionRequest): Result<Record<string, unknown>> {
  let data: Record<string, unknown>;
  if (request.method.toUpperCase() === 'GET') {
    data = Object.fromEntries(
      Object.entries(request.query ?? {})
        .filter((entry): entry is [string, string | readonly string[]] => entry[1] !== undefined)
        .map(([key, value]) => [key, Array.isArray(value) && value.length === 1 ? value[0] : value]),
    );
  } else if (request.data === undefined && (!request.body || request.body.trim() === '')) {
    data = {};
  } else {
    let parsed: unknown = request.data;
    if (parsed === undefined) {
      try {
        parsed = JSON.parse(request.body!);
      } catch (error) {
        return fail(ckanError.badJson(`Error decoding JSON data. Error: ${(error as Error).message}`));
      }
    }
    const notDictionary = notADictionary(parsed);
    if (notDictionary) return fail(notDictionary);
    data = parsed as Record<string, unknown>;
  }
  const { callback: _jsonp, ...rest } = data;
  return ok(rest);
}

/**
 * Runs one Action API call end to end: checks the action and method, validates the input and
 * calls the action, answering with CKAN's envelope and status. Handlers need nothing else.
 */
export async function runCkanAction(
  deps: OpenDataPorts,
  ctx: RequestContext,
  name: string,
  request: ActionRequest,
): Promise<EnvelopedResponse<unknown>> {
  const siteUrl = deps.site.siteUrl;
  if (!isCkanAction(name)) return errorEnvelope(siteUrl, name, ckanError.unknownAction(name));
  const spec = CKAN_ACTIONS[name] as ActionSpec<z.ZodType>;
  if (!spec.sideEffectFree && request.method.toUpperCase() !== 'POST') {
    return errorEnvelope(siteUrl, name, ckanError.badJson('Invalid request. Please use POST method for your request'));
  }
  const input = actionInput(request);
  if (!input.ok) return errorEnvelope(siteUrl, name, input.error);
  const params = parseParams(spec.params, input.value);
  if (!params.ok) return errorEnvelope(siteUrl, name, params.error);
  return envelope(siteUrl, name, await spec.run(deps, ctx, params.value));
}
