import { type FieldErrors, invalid, quoted } from '../errors';
import type { Group, Organization, StoredPackage, StoredResource } from './entities';
import type { Trilingual } from './language';
import { DEFAULT_LICENSE_ID, findLicense, LICENSES } from './licenses';
import type { PackageCreateParams, PackageUpdateParams, ResourceLinkInput } from './write-params';

/** What building a dataset from input needs besides the input. */
export interface PackageBuildContext {
  /** Current time, ISO 8601 UTC. */
  readonly now: string;
  /** Who is writing, as describeCaller() puts it. */
  readonly actor: string;
  readonly newId: () => string;
  organization(idOrName: string): Organization | undefined;
  group(idOrName: string): Group | undefined;
}

/** Fields a dataset may not use as extras keys: they are schema fields. */
const CORE_FIELDS = new Set([
  'id',
  'name',
  'title',
  'notes',
  'owner_org',
  'private',
  'state',
  'license_id',
  'tags',
  'groups',
  'resources',
  'author',
  'author_email',
  'maintainer',
  'maintainer_email',
  'url',
  'version',
  'type',
]);

type TranslatedInput = { en?: string; tc?: string; sc?: string } | undefined;

/** A trilingual text from a plain (English) value and a `_translated` object. */
export function trilingualFrom(plain: string | null | undefined, translated: TranslatedInput): Trilingual | undefined {
  if ((plain === undefined || plain === null) && translated === undefined) return undefined;
  const en = plain ?? translated?.en ?? '';
  return {
    en,
    ...(translated?.tc ? { tc: translated.tc } : {}),
    ...(translated?.sc ? { sc: translated.sc } : {}),
  };
}

function tagsFrom(input: Pick<PackageCreateParams, 'tags' | 'tag_string'>): string[] {
  const fromList = (input.tags ?? []).map((tag) => tag.name);
  const fromString = (input.tag_string ?? '')
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
  return [...new Set([...fromList, ...fromString])];
}

function buildResource(input: ResourceLinkInput, previous: StoredResource | undefined, ctx: PackageBuildContext): StoredResource {
  const sameFile = previous !== undefined && previous.url === input.url;
  return {
    id: previous?.id ?? input.id ?? ctx.newId(),
    url: input.url,
    name: trilingualFrom(input.name, input.name_translated) ?? previous?.name ?? { en: '' },
    description: trilingualFrom(input.description, input.description_translated) ?? previous?.description ?? { en: '' },
    format: input.format ?? previous?.format ?? '',
    mimetype: input.mimetype ?? (sameFile ? previous.mimetype : null),
    size: input.size ?? (sameFile ? previous.size : null),
    hash: input.hash ?? (sameFile ? previous.hash : ''),
    created: previous?.created ?? ctx.now,
    last_modified: input.last_modified ? new Date(input.last_modified).toISOString() : sameFile ? previous.last_modified : null,
    url_type: sameFile ? previous.url_type : null,
    ...(sameFile && previous.object_key ? { object_key: previous.object_key } : {}),
  };
}

/**
 * A stored dataset from create or update input. On update, `existing` supplies what the input
 * leaves out: its id, creation time, resources when none are given, and the upload details of
 * resources whose url did not change. Every problem is reported at once, per field.
 */
export function buildPackage(
  input: PackageCreateParams | (PackageUpdateParams & { name: string }),
  existing: StoredPackage | undefined,
  ctx: PackageBuildContext,
): StoredPackage {
  const errors: FieldErrors = {};
  // CKAN's if_empty_same_as("name"): a dataset without an English title is titled by its name.
  const given = trilingualFrom(input.title, input.title_translated) ?? existing?.title;
  const title: Trilingual = given?.en.trim() ? given : { ...given, en: input.name };
  const org = ctx.organization(input.owner_org ?? existing?.owner_org ?? '');
  if (!org) errors.owner_org = ['Organization does not exist'];
  const licenseId = input.license_id ?? existing?.license_id ?? DEFAULT_LICENSE_ID;
  if (!findLicense(licenseId)) errors.license_id = [`License not found: use one of ${LICENSES.map((l) => l.id).join(', ')}`];
  const groups: string[] = [];
  for (const ref of input.groups ?? []) {
    const group = ctx.group(ref.name ?? ref.id ?? '');
    if (group) groups.push(group.name);
    else
      errors.groups = [...((errors.groups as string[]) ?? []), `That group name or ID does not exist: ${quoted(ref.name ?? ref.id ?? '')}`];
  }
  const extras = input.extras ?? [];
  const keys = extras.map((extra) => extra.key);
  const duplicate = keys.find((key, index) => keys.indexOf(key) !== index);
  const core = keys.find((key) => CORE_FIELDS.has(key));
  if (duplicate) errors.extras = [`Duplicate key ${quoted(duplicate)}`];
  else if (core) errors.extras = [`There is a schema field with the same name: ${core}`];
  if (Object.keys(errors).length > 0) throw invalid(errors);

  const previousResources = new Map((existing?.resources ?? []).map((resource) => [resource.id, resource]));
  const resources =
    input.resources === undefined
      ? (existing?.resources ?? [])
      : input.resources.map((resource) => buildResource(resource, resource.id ? previousResources.get(resource.id) : undefined, ctx));

  return {
    id: existing?.id ?? ctx.newId(),
    name: input.name,
    title,
    notes: trilingualFrom(input.notes, input.notes_translated) ?? { en: '' },
    owner_org: org!.id,
    private: input.private ?? false,
    state: input.state ?? existing?.state ?? 'active',
    license_id: licenseId,
    tags: tagsFrom(input),
    groups: [...new Set(groups)],
    resources,
    extras: extras.map((extra) => ({ key: extra.key, value: extra.value })),
    author: input.author ?? null,
    author_email: input.author_email ?? null,
    maintainer: input.maintainer ?? null,
    maintainer_email: input.maintainer_email ?? null,
    url: input.url ?? null,
    version: input.version ?? null,
    metadata_created: existing?.metadata_created ?? ctx.now,
    metadata_modified: ctx.now,
    creator: existing?.creator ?? ctx.actor,
    revision: (existing?.revision ?? 0) + 1,
  };
}

/**
 * A stored dataset as package_update input: what package_patch and package_revise start from
 * before applying their changes.
 */
export function editableInput(pkg: StoredPackage): PackageUpdateParams & { name: string } {
  return {
    id: pkg.id,
    name: pkg.name,
    title_translated: { ...pkg.title },
    notes_translated: { ...pkg.notes },
    owner_org: pkg.owner_org,
    private: pkg.private,
    state: pkg.state === 'deleted' ? undefined : pkg.state,
    license_id: pkg.license_id,
    tags: pkg.tags.map((name) => ({ name })),
    groups: pkg.groups.map((name) => ({ name })),
    resources: pkg.resources.map((resource) => ({
      id: resource.id,
      url: resource.url,
      name_translated: { ...resource.name },
      description_translated: { ...resource.description },
      format: resource.format,
      mimetype: resource.mimetype,
      size: resource.size,
      hash: resource.hash,
      last_modified: resource.last_modified,
    })),
    extras: pkg.extras.map((extra) => ({ ...extra })),
    author: pkg.author,
    author_email: pkg.author_email,
    maintainer: pkg.maintainer,
    maintainer_email: pkg.maintainer_email,
    url: pkg.url,
    version: pkg.version,
  };
}

type Dict = Record<string, unknown>;

const isDict = (value: unknown): value is Dict => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A text's plain form as package_show gives it is the site's language, and its `_translated` form
 * holds all three. A revision that left the plain form as it was may have changed the translated
 * one, which then wins; a plain form the revision changed wins over the translated English.
 */
function reconcileText(original: Dict | undefined, revised: Dict, plain: string): void {
  if (original && Object.hasOwn(revised, plain) && revised[plain] === original[plain] && isDict(revised[`${plain}_translated`])) {
    delete revised[plain];
  }
}

/**
 * A dataset as package_show gives it, revised (package_revise), as input for package_update:
 * plain and translated texts reconciled, for the dataset and for each resource it still has.
 */
export function revisedInput(original: Dict, revised: Dict): Dict {
  const input = { ...revised };
  reconcileText(original, input, 'title');
  reconcileText(original, input, 'notes');
  if (Array.isArray(input.resources)) {
    const before = new Map(
      (Array.isArray(original.resources) ? original.resources : []).filter(isDict).map((resource) => [resource.id, resource]),
    );
    input.resources = input.resources.map((resource) => {
      if (!isDict(resource)) return resource;
      const copy = { ...resource };
      const previous = typeof copy.id === 'string' ? before.get(copy.id) : undefined;
      reconcileText(previous, copy, 'name');
      reconcileText(previous, copy, 'description');
      return copy;
    });
  }
  return input;
}
