import type { PageOf, PageRequest } from '../shared/sort-key-cursor';
import type { ResourceType } from './domain/resource-types';
import type { SearchValues } from './domain/search-index';

/** A resource as stored: its elements, its id and `meta.versionId`/`meta.lastUpdated`. */
export interface StoredResource {
  readonly resourceType: ResourceType;
  readonly id: string;
  readonly meta: { readonly versionId: string; readonly lastUpdated: string };
  readonly [element: string]: unknown;
}

/** What a search asks the store for, beyond the type. */
export interface SearchFilter {
  readonly identifier?: string;
  readonly patient?: string;
  readonly status?: string;
  readonly code?: string;
  readonly date?: { readonly op: string; readonly value: string };
  readonly lastUpdated?: { readonly op: string; readonly value: string };
}

export interface ResourceStore {
  current(type: ResourceType, id: string): Promise<StoredResource | undefined>;
  version(type: ResourceType, id: string, versionId: string): Promise<StoredResource | undefined>;
  /** Every version, newest first. */
  history(type: ResourceType, id: string): Promise<StoredResource[]>;
  /**
   * Writes a new version, only if the current one is still `previous` (none for a create).
   * @returns false when another write got there first; nothing is written then
   */
  write(resource: StoredResource, previous: string | undefined, search: SearchValues): Promise<boolean>;
  /** Resources of a type matching the filter, most recently updated first. */
  search(type: ResourceType, filter: SearchFilter, page: PageRequest): Promise<PageOf<StoredResource>>;
}

/** Hong Kong identity card numbers at rest: sealed for display, and a keyed hash to match by. */
export interface IdentityNumbers {
  seal(value: string): string;
  open(sealed: string): string;
  /** The keyed hash of a number in its canonical form (like `A1234563`). */
  matchKey(canonical: string): string;
}

export interface EhrPorts {
  readonly resources: ResourceStore;
  readonly clock: () => Date;
  readonly ids: () => string;
}
