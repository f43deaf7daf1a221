import type { Group, Organization, StoredPackage, StoredResource } from '../../../lambda/open-data/domain/entities';

/** Small, valid catalogue records for tests, a clock and a catcher; override what a test is about. */

export const NOW = '2024-06-10T02:00:00.000Z';

export function organization(name: string, department: string, overrides: Partial<Organization> = {}): Organization {
  return {
    id: `org-${name}`,
    name,
    department,
    title: { en: `${department} department`, tc: `${department}署`, sc: `${department}署` },
    description: { en: '' },
    image_url: '',
    email: `data@${department.toLowerCase()}.example.gov.hk`,
    created: NOW,
    ...overrides,
  };
}

export function group(name: string, overrides: Partial<Group> = {}): Group {
  return { id: `group-${name}`, name, title: { en: name }, description: { en: '' }, image_url: '', created: NOW, ...overrides };
}

export function resource(id: string, overrides: Partial<StoredResource> = {}): StoredResource {
  return {
    id,
    url: `https://files.example.gov.hk/${id}.csv`,
    name: { en: `File ${id}` },
    description: { en: '' },
    format: 'CSV',
    mimetype: 'text/csv',
    size: 10,
    hash: '',
    created: NOW,
    last_modified: NOW,
    url_type: null,
    ...overrides,
  };
}

export function dataset(name: string, overrides: Partial<StoredPackage> = {}): StoredPackage {
  return {
    id: `id-${name}`,
    name,
    title: { en: name },
    notes: { en: '' },
    owner_org: 'org-hk-td',
    private: false,
    state: 'active',
    license_id: 'hk-dgo-terms',
    tags: [],
    groups: [],
    resources: [],
    extras: [],
    author: null,
    author_email: null,
    maintainer: null,
    maintainer_email: null,
    url: null,
    version: null,
    metadata_created: NOW,
    metadata_modified: NOW,
    creator: 'officer:TD',
    revision: 1,
    ...overrides,
  };
}

/** A clock tests move by hand. */
export class TestClock {
  constructor(private current = new Date(NOW)) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
}

/** What a call throws; fails the test if it returns. */
export function thrown(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}
