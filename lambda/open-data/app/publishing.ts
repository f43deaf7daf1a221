import { langOf, type RequestContext } from '../domain/caller';
import type { StoredPackage } from '../domain/entities';
import { ckanError, fail, ok, type Result } from '../domain/errors';
import { NAME_MESSAGES } from '../domain/names';
import { type CkanPackage, packageDict } from '../domain/package-dict';
import { buildPackage, editableInput } from '../domain/package-input';
import { mergeUpdate, unmatchedPaths } from '../domain/revise';
import type { SearchIndex } from '../domain/search-index';
import { parseParams } from '../domain/validation';
import {
  type PackageCreateParams,
  type PackagePatchParams,
  type PackageReviseParams,
  type PackageUpdateParams,
  packageUpdateParams,
} from '../domain/write-params';
import type { OpenDataPorts } from '../ports';
import { audit, authorize, buildContext, conflictError, editable } from '../service/publishing';
import { datasetEtag } from './datasets';

/**
 * The dataset publishing actions. Every write is conditional on the revision that was read,
 * so two concurrent updates cannot silently overwrite each other: the second gets a 409 and
 * changes nothing.
 */

/** package_create. */
export async function packageCreate(deps: OpenDataPorts, ctx: RequestContext, params: PackageCreateParams): Promise<Result<CkanPackage>> {
  const index = await deps.catalog.current();
  const denied = authorize(index, ctx, params.owner_org, 'create');
  if (denied) return fail(denied);
  const built = buildPackage(params, undefined, buildContext(deps, ctx, index));
  if (!built.ok) return built;
  const outcome = await deps.packages.create(built.value);
  if (outcome === 'name-taken') return fail(ckanError.field('name', NAME_MESSAGES.taken));
  deps.catalog.remember(built.value);
  await audit(deps, ctx, 'package_create', built.value);
  return ok(packageDict(built.value, index, langOf(ctx)));
}

/** Writes a new revision built from full update input, checking rights on the old and new owner. */
async function writeUpdate(
  deps: OpenDataPorts,
  ctx: RequestContext,
  existing: StoredPackage,
  index: SearchIndex,
  input: PackageUpdateParams,
  action: string,
): Promise<Result<StoredPackage>> {
  if (ctx.ifMatch !== undefined && ctx.ifMatch !== datasetEtag(existing)) return fail(conflictError());
  const denied = authorize(index, ctx, input.owner_org, 'move datasets into');
  if (denied) return fail(denied);
  const built = buildPackage({ ...input, name: input.name ?? existing.name }, existing, buildContext(deps, ctx, index));
  if (!built.ok) return built;
  const outcome = await deps.packages.replace(built.value, existing.name);
  if (outcome === 'name-taken') return fail(ckanError.field('name', NAME_MESSAGES.taken));
  if (outcome === 'conflict') return fail(conflictError());
  deps.catalog.remember(built.value);
  await audit(deps, ctx, action, built.value);
  return ok(built.value);
}

/** package_update: replaces the dataset's fields; resources are kept when none are given. */
export async function packageUpdate(deps: OpenDataPorts, ctx: RequestContext, params: PackageUpdateParams): Promise<Result<CkanPackage>> {
  const found = await editable(deps, ctx, params.id, 'update');
  if (!found.ok) return found;
  const written = await writeUpdate(deps, ctx, found.value.pkg, found.value.index, params, 'package_update');
  return written.ok ? ok(packageDict(written.value, found.value.index, langOf(ctx))) : written;
}

/** package_patch: changes only the fields given. */
export async function packagePatch(deps: OpenDataPorts, ctx: RequestContext, params: PackagePatchParams): Promise<Result<CkanPackage>> {
  const found = await editable(deps, ctx, params.id, 'update');
  if (!found.ok) return found;
  const given = Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined));
  const input = { ...editableInput(found.value.pkg), ...given, id: found.value.pkg.id } as PackageUpdateParams;
  const written = await writeUpdate(deps, ctx, found.value.pkg, found.value.index, input, 'package_patch');
  return written.ok ? ok(packageDict(written.value, found.value.index, langOf(ctx))) : written;
}

/**
 * package_revise: applies `update` only if the dataset still matches `match`, such as the
 * `metadata_modified` the client read. Returns `{ package }`, as CKAN does.
 */
export async function packageRevise(
  deps: OpenDataPorts,
  ctx: RequestContext,
  params: PackageReviseParams,
): Promise<Result<{ package: CkanPackage }>> {
  const idOrName = params.match.id ?? params.match.name;
  if (typeof idOrName !== 'string' || idOrName === '') return fail(ckanError.field('match__id', 'Missing value'));
  const found = await editable(deps, ctx, idOrName, 'update');
  if (!found.ok) return found;
  const { pkg, index } = found.value;
  const unmatched = unmatchedPaths(packageDict(pkg, index, langOf(ctx)), params.match);
  if (unmatched.length > 0) return fail(ckanError.validation({ match: unmatched }));
  const merged = mergeUpdate(editableInput(pkg), params.update ?? {});
  const input = parseParams(packageUpdateParams, merged);
  if (!input.ok) return input;
  const written = await writeUpdate(deps, ctx, pkg, index, { ...input.value, id: pkg.id }, 'package_revise');
  return written.ok ? ok({ package: packageDict(written.value, index, langOf(ctx)) }) : written;
}

/** package_delete: a soft delete; the dataset disappears from listings but is kept. */
export async function packageDelete(deps: OpenDataPorts, ctx: RequestContext, params: { id: string }): Promise<Result<null>> {
  const found = await editable(deps, ctx, params.id, 'delete');
  if (!found.ok) return found;
  const { pkg } = found.value;
  if (pkg.state === 'deleted') return ok(null);
  if (ctx.ifMatch !== undefined && ctx.ifMatch !== datasetEtag(pkg)) return fail(conflictError());
  const deleted: StoredPackage = {
    ...pkg,
    state: 'deleted',
    metadata_modified: deps.clock.now().toISOString(),
    revision: pkg.revision + 1,
  };
  const outcome = await deps.packages.replace(deleted, pkg.name);
  if (outcome !== 'updated') return fail(conflictError());
  deps.catalog.remember(deleted);
  await audit(deps, ctx, 'package_delete', deleted);
  return ok(null);
}
