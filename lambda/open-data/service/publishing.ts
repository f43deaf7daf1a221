import { describeCaller, mayPublishFor, type RequestContext } from '../domain/caller';
import type { StoredPackage } from '../domain/entities';
import { type CkanError, ckanError, fail, ok, type Result } from '../domain/errors';
import type { PackageBuildContext } from '../domain/package-input';
import type { SearchIndex } from '../domain/search-index';
import type { OpenDataPorts } from '../ports';

/**
 * What the publishing actions share: only officers of the department owning a dataset (and
 * platform admins) may change it, every write is audited, and every write is conditional on
 * the revision that was read.
 */

const RETRIES = 3;
const CONFLICT = 'The dataset was changed by someone else since it was read: fetch it again and repeat the change';

export function conflictError(): CkanError {
  return ckanError.validation({ match: [CONFLICT] });
}

export function buildContext(deps: OpenDataPorts, ctx: RequestContext, index: SearchIndex): PackageBuildContext {
  return {
    now: deps.clock.now().toISOString(),
    actor: describeCaller(ctx.caller),
    newId: () => deps.ids.uuid(),
    organization: (idOrName) => index.organizationByIdOrName(idOrName),
    group: (idOrName) => index.groupByIdOrName(idOrName),
  };
}

/** Refuses callers who may not publish for the organization (given by id or name). */
export function authorize(index: SearchIndex, ctx: RequestContext, orgIdOrName: string, verb: string): CkanError | undefined {
  if (ctx.caller.kind === 'public') return ckanError.notAuthorized(`sign in as an officer of the owning department to ${verb} datasets`);
  const org = index.organizationByIdOrName(orgIdOrName);
  if (!org) return undefined; // reported as a validation error of owner_org
  if (!mayPublishFor(ctx.caller, org.department)) {
    return ckanError.notAuthorized(`only officers of ${org.department} (${org.name}) may ${verb} its datasets`);
  }
  return undefined;
}

export async function audit(deps: OpenDataPorts, ctx: RequestContext, action: string, pkg: StoredPackage, detail?: string): Promise<void> {
  await deps.audit.record({
    at: deps.clock.now().toISOString(),
    actor: describeCaller(ctx.caller),
    action,
    packageId: pkg.id,
    revision: pkg.revision,
    ...(ctx.sourceIp ? { sourceIp: ctx.sourceIp } : {}),
    ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
    ...(detail ? { detail } : {}),
  });
}

export async function findPackage(deps: OpenDataPorts, idOrName: string): Promise<StoredPackage | undefined> {
  return (await deps.packages.get(idOrName)) ?? (await deps.packages.getByName(idOrName));
}

/** A dataset the caller may change, or the error to answer with (404 hides other departments' unpublished ones). */
export async function editable(
  deps: OpenDataPorts,
  ctx: RequestContext,
  idOrName: string,
  verb: string,
): Promise<Result<{ pkg: StoredPackage; index: SearchIndex }>> {
  const [pkg, index] = await Promise.all([findPackage(deps, idOrName), deps.catalog.current()]);
  if (!pkg) return fail(ckanError.notFound('Dataset not found'));
  const denied = authorize(index, ctx, pkg.owner_org, verb);
  if (denied) {
    const published = pkg.state === 'active' && !pkg.private;
    return fail(published ? denied : ckanError.notFound('Dataset not found'));
  }
  return ok({ pkg, index });
}

/**
 * Applies a change to one dataset, re-reading and retrying when another write got in first:
 * for changes that merge with any other (adding a resource, confirming an upload).
 */
export async function mergeIntoPackage(
  deps: OpenDataPorts,
  packageId: string,
  change: (pkg: StoredPackage) => Result<StoredPackage>,
): Promise<Result<StoredPackage>> {
  for (let attempt = 0; attempt < RETRIES; attempt++) {
    const current = await deps.packages.get(packageId);
    if (!current) return fail(ckanError.notFound('Dataset not found'));
    const next = change(current);
    if (!next.ok) return next;
    if (next.value === current) return next;
    const outcome = await deps.packages.replace(next.value, current.name);
    if (outcome === 'updated') {
      deps.catalog.remember(next.value);
      return next;
    }
  }
  return fail(conflictError());
}
