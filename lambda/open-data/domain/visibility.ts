import { type Caller, maySeeUnpublished } from './caller';
import { isPublic, type StoredPackage } from './entities';

/** package_search's include_private and include_drafts: honoured only for those with rights. */
export interface UnpublishedOptions {
  readonly includePrivate: boolean;
  readonly includeDrafts: boolean;
}

export const PUBLISHED_ONLY: UnpublishedOptions = { includePrivate: false, includeDrafts: false };

/**
 * Whether a dataset appears in search, lists and facets for this caller. Deleted datasets never
 * do; private and draft ones only for the owning department's officers and admins, and only when
 * they ask for them.
 */
export function visibleInListings(
  pkg: Pick<StoredPackage, 'state' | 'private'>,
  department: string | undefined,
  caller: Caller,
  options: UnpublishedOptions = PUBLISHED_ONLY,
): boolean {
  if (pkg.state === 'deleted') return false;
  if (isPublic(pkg)) return true;
  if (department === undefined || !maySeeUnpublished(caller, department)) return false;
  if (pkg.state === 'draft' && !options.includeDrafts) return false;
  if (pkg.private && !options.includePrivate) return false;
  return true;
}

/**
 * Whether package_show and resource_show may return the dataset. Others get "not found", not
 * "not authorized", so that a private dataset's name does not leak.
 */
export function mayRead(pkg: Pick<StoredPackage, 'state' | 'private'>, department: string | undefined, caller: Caller): boolean {
  if (isPublic(pkg)) return true;
  return department !== undefined && maySeeUnpublished(caller, department);
}
