import type { HttpError } from '../../shared/errors';
import { describeCaller, mayPublishFor } from '../domain/caller';
import { isPublic, type StoredPackage } from '../domain/entities';
import { NAME_MESSAGES } from '../domain/names';
import { type CkanPackage, packageDict } from '../domain/package-dict';
import { buildPackage, editableInput, type PackageBuildContext, revisedInput } from '../domain/package-input';
import {
  checkDict,
  checkStringKey,
  filterGlobMatch,
  type PackageReviseParams,
  pathName,
  RevisionError,
  updateMergeDict,
  updateMergeStringKey,
  updateOrder,
} from '../domain/revise';
import type { SearchIndex } from '../domain/search-index';
import { parseParams } from '../domain/validation';
import { type PackageCreateParams, type PackagePatchParams, type PackageUpdateParams, packageUpdateParams } from '../domain/write-params';
import { changedSinceRead, datasetNotFound, invalid, invalidField, notAuthorized } from '../errors';
import type { OpenDataPorts } from '../ports';
import { langOf, type RequestContext } from './actions';
import { datasetEtag, findPackage } from './datasets';

/**
 * Publishing datasets. Only officers of the department owning a dataset (and platform admins)
 * may change it, every write is audited, and every write is conditional on the revision that
 * was read, so two concurrent updates cannot silently overwrite each other: the second gets a
 * 409 and changes nothing.
 */

/** How often a change that merges with any other (a new resource, a confirmed upload) is retried. */
const RETRIES = 3;

function buildContext(ports: OpenDataPorts, ctx: RequestContext, index: SearchIndex): PackageBuildContext {
  return {
    now: ports.clock.now().toISOString(),
    actor: describeCaller(ctx.caller),
    newId: () => ports.ids.uuid(),
    organization: (idOrName) => index.organizationByIdOrName(idOrName),
    group: (idOrName) => index.groupByIdOrName(idOrName),
  };
}

/** Why the caller may not publish for the organization (by id or name), if it may not. */
function refusal(index: SearchIndex, ctx: RequestContext, orgIdOrName: string, verb: string): HttpError | undefined {
  if (ctx.caller.kind === 'public') return notAuthorized(`sign in as an officer of the owning department to ${verb} datasets`);
  const org = index.organizationByIdOrName(orgIdOrName);
  if (!org) return undefined; // reported as a validation error of owner_org
  if (!mayPublishFor(ctx.caller, org.department))
    return notAuthorized(`only officers of ${org.department} (${org.name}) may ${verb} its datasets`);
  return undefined;
}

function authorize(index: SearchIndex, ctx: RequestContext, orgIdOrName: string, verb: string): void {
  const denied = refusal(index, ctx, orgIdOrName, verb);
  if (denied) throw denied;
}

export async function audit(ports: OpenDataPorts, ctx: RequestContext, action: string, pkg: StoredPackage, detail?: string): Promise<void> {
  await ports.audit.record({
    at: ports.clock.now().toISOString(),
    actor: describeCaller(ctx.caller),
    action,
    packageId: pkg.id,
    revision: pkg.revision,
    ...(ctx.sourceIp ? { sourceIp: ctx.sourceIp } : {}),
    ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
    ...(detail ? { detail } : {}),
  });
}

/**
 * A dataset the caller may change. Another department's unpublished dataset is "not found"
 * rather than refused, so that its name does not leak.
 */
export async function editable(
  ports: OpenDataPorts,
  ctx: RequestContext,
  idOrName: string,
  verb: string,
): Promise<{ pkg: StoredPackage; index: SearchIndex }> {
  const [pkg, index] = await Promise.all([findPackage(ports, idOrName), ports.catalog.current()]);
  if (!pkg) throw datasetNotFound();
  const denied = refusal(index, ctx, pkg.owner_org, verb);
  if (denied) throw isPublic(pkg) ? denied : datasetNotFound();
  return { pkg, index };
}

/**
 * Applies a change to one dataset, re-reading and retrying when another write got in first:
 * for changes that merge with any other (adding a resource, confirming an upload).
 */
export async function mergeIntoPackage(
  ports: OpenDataPorts,
  packageId: string,
  change: (pkg: StoredPackage) => StoredPackage,
): Promise<StoredPackage> {
  for (let attempt = 0; attempt < RETRIES; attempt++) {
    const current = await ports.packages.get(packageId);
    if (!current) throw datasetNotFound();
    const next = change(current);
    if (next === current) return next;
    if ((await ports.packages.replace(next, current.name)) === 'updated') {
      ports.catalog.remember(next);
      return next;
    }
  }
  throw changedSinceRead();
}

/** package_create. */
export async function packageCreate(ports: OpenDataPorts, ctx: RequestContext, params: PackageCreateParams): Promise<CkanPackage> {
  const index = await ports.catalog.current();
  authorize(index, ctx, params.owner_org, 'create');
  const pkg = buildPackage(params, undefined, buildContext(ports, ctx, index));
  if ((await ports.packages.create(pkg)) === 'name-taken') throw invalidField('name', NAME_MESSAGES.taken);
  ports.catalog.remember(pkg);
  await audit(ports, ctx, 'package_create', pkg);
  return packageDict(pkg, index, langOf(ctx));
}

/** Writes a new revision built from full update input, checking rights on the old and new owner. */
async function writeUpdate(
  ports: OpenDataPorts,
  ctx: RequestContext,
  existing: StoredPackage,
  index: SearchIndex,
  input: PackageUpdateParams,
  action: string,
): Promise<StoredPackage> {
  if (ctx.ifMatch !== undefined && ctx.ifMatch !== datasetEtag(existing)) throw changedSinceRead();
  authorize(index, ctx, input.owner_org ?? existing.owner_org, 'move datasets into');
  const pkg = buildPackage({ ...input, name: input.name ?? existing.name }, existing, buildContext(ports, ctx, index));
  const outcome = await ports.packages.replace(pkg, existing.name);
  if (outcome === 'name-taken') throw invalidField('name', NAME_MESSAGES.taken);
  if (outcome === 'conflict') throw changedSinceRead();
  ports.catalog.remember(pkg);
  await audit(ports, ctx, action, pkg);
  return pkg;
}

/** package_update: replaces the dataset's fields; resources are kept when none are given. */
export async function packageUpdate(ports: OpenDataPorts, ctx: RequestContext, params: PackageUpdateParams): Promise<CkanPackage> {
  const { pkg, index } = await editable(ports, ctx, params.id, 'update');
  const written = await writeUpdate(ports, ctx, pkg, index, params, 'package_update');
  return packageDict(written, index, langOf(ctx));
}

/** package_patch: changes only the fields given. */
export async function packagePatch(ports: OpenDataPorts, ctx: RequestContext, params: PackagePatchParams): Promise<CkanPackage> {
  const { pkg, index } = await editable(ports, ctx, params.id, 'update');
  const given = Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined));
  const input = { ...editableInput(pkg), ...given, id: pkg.id } as PackageUpdateParams;
  const written = await writeUpdate(ports, ctx, pkg, index, input, 'package_patch');
  return packageDict(written, index, langOf(ctx));
}

/** The most unmatched paths a refusal names. */
const NAMED_UNMATCHED = 20;

/** Runs one step of a revision, answering a key or value that does not fit the dataset as CKAN does: a Validation Error. */
function revising(field: string, step: () => void): void {
  try {
    step();
  } catch (error) {
    if (error instanceof RevisionError) throw invalidField(field, error.message);
    throw error;
  }
}

/**
 * package_revise: applies a revision only while the dataset, as package_show gives it, still
 * holds what `match` and the `match__` keys say (such as the `metadata_modified` the client read);
 * then `filter`, `update` and the `update__` keys, in CKAN's order (domain/revise.ts). Answers
 * `{ package }`, less what the glob patterns of `include` remove.
 */
export async function packageRevise(ports: OpenDataPorts, ctx: RequestContext, params: PackageReviseParams): Promise<{ package: unknown }> {
  const named = [params.match__.id, params.match?.id, params.match__.name, params.match?.name].find((value) => value !== undefined);
  if (typeof named !== 'string' || named === '') throw invalidField('match__id', 'Missing value');
  const { pkg, index } = await editable(ports, ctx, named, 'update');
  const original = packageDict(pkg, index, langOf(ctx)) as unknown as Record<string, unknown>;

  const unmatched: string[] = [];
  if (params.match) unmatched.push(...checkDict(original, params.match).map(pathName));
  for (const key of Object.keys(params.match__).sort()) {
    revising(`match__${key}`, () => unmatched.push(...checkStringKey(original, key, params.match__[key]).map(pathName)));
  }
  if (unmatched.length > 0) {
    const more = unmatched.length > NAMED_UNMATCHED ? [`and ${unmatched.length - NAMED_UNMATCHED} more`] : [];
    throw invalid({ match: [...unmatched.slice(0, NAMED_UNMATCHED), ...more] });
  }

  const revised = structuredClone(original);
  if (params.filter) {
    filterGlobMatch(revised, params.filter);
    revised.id = original.id;
  }
  if (params.update) revising('update', () => updateMergeDict(revised, params.update));
  for (const key of updateOrder(Object.keys(params.update__))) {
    revising(`update__${key}`, () => updateMergeStringKey(revised, key, params.update__[key]));
  }
  const input = parseParams(packageUpdateParams, revisedInput(original, revised));
  const written = await writeUpdate(ports, ctx, pkg, index, { ...input, id: pkg.id }, 'package_revise');
  // As in CKAN, `include` filters the answer itself: `-package__resources` leaves them out, `-*` answers {}.
  const answer: Record<string, unknown> = { package: packageDict(written, index, langOf(ctx)) };
  if (params.include) filterGlobMatch(answer, params.include);
  return answer as { package: unknown };
}

/** package_delete: a soft delete; the dataset disappears from listings but is kept. */
export async function packageDelete(ports: OpenDataPorts, ctx: RequestContext, params: { id: string }): Promise<null> {
  const { pkg } = await editable(ports, ctx, params.id, 'delete');
  if (pkg.state === 'deleted') return null;
  if (ctx.ifMatch !== undefined && ctx.ifMatch !== datasetEtag(pkg)) throw changedSinceRead();
  const deleted: StoredPackage = {
    ...pkg,
    state: 'deleted',
    metadata_modified: ports.clock.now().toISOString(),
    revision: pkg.revision + 1,
  };
  if ((await ports.packages.replace(deleted, pkg.name)) !== 'updated') throw changedSinceRead();
  ports.catalog.remember(deleted);
  await audit(ports, ctx, 'package_delete', deleted);
  return null;
}
