import { ckanTimestamp, type Group, type Organization, type StoredPackage, type StoredResource } from './entities';
import { type Lang, pick, type Trilingual } from './language';
import { findLicense } from './licenses';

/** Organizations and groups by id or name, as the renderers need them. */
export interface CatalogLookups {
  organization(id: string): Organization | undefined;
  group(name: string): Group | undefined;
}

/** CKAN's tag dict; a tag's id is its name, since tags live only on datasets here. */
export interface CkanTag {
  readonly id: string;
  readonly name: string;
  readonly display_name: string;
  readonly state: 'active';
  readonly vocabulary_id: null;
}

export type CkanResource = ReturnType<typeof resourceDict>;
export type CkanPackage = ReturnType<typeof packageDict>;
export type CkanOrganization = ReturnType<typeof organizationDict>;
export type CkanGroup = ReturnType<typeof groupDict>;

function translated(text: Trilingual): Record<string, string> {
  return { en: text.en, tc: text.tc ?? '', sc: text.sc ?? '' };
}

export function resourceDict(resource: StoredResource, pkg: StoredPackage, position: number, lang: Lang) {
  return {
    id: resource.id,
    package_id: pkg.id,
    url: resource.url,
    name: pick(resource.name, lang),
    name_translated: translated(resource.name),
    description: pick(resource.description, lang),
    description_translated: translated(resource.description),
    format: resource.format,
    mimetype: resource.mimetype,
    mimetype_inner: null,
    size: resource.size,
    hash: resource.hash,
    created: ckanTimestamp(resource.created),
    last_modified: ckanTimestamp(resource.last_modified),
    metadata_modified: ckanTimestamp(pkg.metadata_modified),
    position,
    state: 'active' as const,
    url_type: resource.url_type,
    resource_type: null,
    cache_url: null,
    cache_last_updated: null,
    datastore_active: false,
  };
}

export function organizationDict(org: Organization, lang: Lang, packageCount?: number) {
  return {
    id: org.id,
    name: org.name,
    title: pick(org.title, lang),
    title_translated: translated(org.title),
    display_name: pick(org.title, lang),
    description: pick(org.description, lang),
    description_translated: translated(org.description),
    image_url: org.image_url,
    image_display_url: org.image_url,
    created: ckanTimestamp(org.created),
    is_organization: true as const,
    approval_status: 'approved' as const,
    state: 'active' as const,
    type: 'organization' as const,
    ...(packageCount === undefined ? {} : { package_count: packageCount }),
  };
}

export function groupDict(group: Group, lang: Lang, packageCount?: number) {
  return {
    id: group.id,
    name: group.name,
    title: pick(group.title, lang),
    title_translated: translated(group.title),
    display_name: pick(group.title, lang),
    description: pick(group.description, lang),
    description_translated: translated(group.description),
    image_url: group.image_url,
    image_display_url: group.image_url,
    created: ckanTimestamp(group.created),
    is_organization: false as const,
    approval_status: 'approved' as const,
    state: 'active' as const,
    type: 'group' as const,
    ...(packageCount === undefined ? {} : { package_count: packageCount }),
  };
}

export function tagDict(name: string): CkanTag {
  return { id: name, name, display_name: name, state: 'active', vocabulary_id: null };
}

/**
 * A stored dataset as CKAN's package_show returns it. `title` and `notes` carry the request's
 * language; `title_translated` and `notes_translated` carry all three, as ckanext-fluent does.
 */
export function packageDict(pkg: StoredPackage, lookups: CatalogLookups, lang: Lang) {
  const org = lookups.organization(pkg.owner_org);
  const license = findLicense(pkg.license_id);
  return {
    id: pkg.id,
    name: pkg.name,
    type: 'dataset' as const,
    title: pick(pkg.title, lang),
    title_translated: translated(pkg.title),
    notes: pick(pkg.notes, lang),
    notes_translated: translated(pkg.notes),
    owner_org: pkg.owner_org,
    organization: org ? organizationDict(org, lang) : null,
    private: pkg.private,
    state: pkg.state,
    license_id: pkg.license_id,
    license_title: license?.title ?? pkg.license_id,
    license_url: license?.url ?? null,
    isopen: license?.isOpen ?? false,
    author: pkg.author,
    author_email: pkg.author_email,
    maintainer: pkg.maintainer,
    maintainer_email: pkg.maintainer_email,
    url: pkg.url,
    version: pkg.version,
    creator_user_id: pkg.creator,
    metadata_created: ckanTimestamp(pkg.metadata_created),
    metadata_modified: ckanTimestamp(pkg.metadata_modified),
    num_resources: pkg.resources.length,
    num_tags: pkg.tags.length,
    tags: pkg.tags.map(tagDict),
    groups: pkg.groups.flatMap((name) => {
      const group = lookups.group(name);
      if (!group) return [];
      const dict = groupDict(group, lang);
      return [
        {
          id: dict.id,
          name: dict.name,
          title: dict.title,
          display_name: dict.display_name,
          description: dict.description,
          image_display_url: dict.image_display_url,
        },
      ];
    }),
    resources: pkg.resources.map((resource, position) => resourceDict(resource, pkg, position, lang)),
    extras: pkg.extras.map((extra) => ({ key: extra.key, value: extra.value })),
    relationships_as_object: [] as const,
    relationships_as_subject: [] as const,
  };
}
