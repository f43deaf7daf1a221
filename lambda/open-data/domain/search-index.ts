import type { Caller } from './caller';
import type { Group, Organization, StoredPackage } from './entities';
import { countFacets, type FacetField } from './facets';
import { type FilterableDoc, type FilterClause, matchesFilters } from './filter-query';
import { allVersions, type Lang, pick } from './language';
import type { SortClause } from './sort';
import { forEachIndexToken } from './tokenizer';
import { type UnpublishedOptions, visibleInListings } from './visibility';

/**
 * The catalogue's search engine: an inverted index held in memory. At DATA.GOV.HK's size
 * (thousands of datasets) the whole catalogue fits in a function's memory, and scoring, filters
 * and facets over it take milliseconds; STORE.md gives the numbers.
 *
 * Relevance: each token a dataset contains carries the weights of the fields it appears in, so
 * a word in the title outranks the same word in the description, times its rarity (IDF).
 */
export const FIELD_WEIGHTS = { title: 10, tags: 6, name: 4, organization: 2, groups: 2, notes: 1, resources: 1 } as const;

export interface SearchRequest {
  /** Query clauses from queryClauses(); empty matches everything. */
  readonly clauses: readonly (readonly string[])[];
  readonly filters: readonly FilterClause[];
  readonly sort: readonly SortClause[];
  readonly rows: number;
  readonly start: number;
  readonly facetFields: readonly FacetField[];
  readonly facetLimit: number;
  readonly facetMinCount: number;
  readonly lang: Lang;
  readonly caller: Caller;
  readonly unpublished: UnpublishedOptions;
}

export interface SearchOutcome {
  readonly count: number;
  readonly results: readonly StoredPackage[];
  readonly facets: ReadonlyMap<FacetField, ReadonlyArray<{ name: string; count: number }>>;
}

interface IndexedDoc {
  readonly pkg: StoredPackage;
  readonly department: string | undefined;
  readonly filterable: FilterableDoc;
  readonly tokens: ReadonlyMap<string, number>;
}

/**
 * CKAN's Solr configuration asks for `mm=2<-1 5<80%`: up to two query words must all match,
 * three to five all but one, more than five 80% of them.
 */
export function requiredMatches(clauseCount: number): number {
  if (clauseCount <= 2) return clauseCount;
  if (clauseCount <= 5) return clauseCount - 1;
  return Math.ceil(clauseCount * 0.8);
}

export class SearchIndex {
  private readonly docs = new Map<string, IndexedDoc>();
  private readonly byName = new Map<string, string>();
  private readonly byResource = new Map<string, string>();
  /** How many datasets contain each token: the document frequency behind IDF. */
  private readonly documentFrequency = new Map<string, number>();
  private organizations = new Map<string, Organization>();
  private groups = new Map<string, Group>();

  constructor(organizations: readonly Organization[] = [], groups: readonly Group[] = []) {
    this.setRegistry(organizations, groups);
  }

  get size(): number {
    return this.docs.size;
  }

  organization(id: string): Organization | undefined {
    return this.organizations.get(id);
  }

  organizationByIdOrName(idOrName: string): Organization | undefined {
    return this.organizations.get(idOrName) ?? [...this.organizations.values()].find((org) => org.name === idOrName);
  }

  group(name: string): Group | undefined {
    return this.groups.get(name);
  }

  groupByIdOrName(idOrName: string): Group | undefined {
    return this.groups.get(idOrName) ?? [...this.groups.values()].find((group) => group.id === idOrName);
  }

  allOrganizations(): Organization[] {
    return [...this.organizations.values()];
  }

  allGroups(): Group[] {
    return [...this.groups.values()];
  }

  /** Replaces organizations and groups; datasets are re-indexed if any of them changed. */
  setRegistry(organizations: readonly Organization[], groups: readonly Group[]): void {
    const nextOrgs = new Map(organizations.map((org) => [org.id, org]));
    const nextGroups = new Map(groups.map((group) => [group.name, group]));
    const changed =
      JSON.stringify([...this.organizations.values()]) !== JSON.stringify([...nextOrgs.values()]) ||
      JSON.stringify([...this.groups.values()]) !== JSON.stringify([...nextGroups.values()]);
    this.organizations = nextOrgs;
    this.groups = nextGroups;
    if (changed) for (const doc of [...this.docs.values()]) this.index(doc.pkg);
  }

  get(id: string): StoredPackage | undefined {
    return this.docs.get(id)?.pkg;
  }

  getByIdOrName(idOrName: string): StoredPackage | undefined {
    return this.get(idOrName) ?? this.get(this.byName.get(idOrName) ?? '');
  }

  packageIdOfResource(resourceId: string): string | undefined {
    return this.byResource.get(resourceId);
  }

  departmentOf(pkg: Pick<StoredPackage, 'owner_org'>): string | undefined {
    return this.organizations.get(pkg.owner_org)?.department;
  }

  /** Adds or replaces a dataset; an older revision than the one held is ignored. */
  upsert(pkg: StoredPackage): void {
    const held = this.docs.get(pkg.id);
    if (held && held.pkg.revision > pkg.revision) return;
    this.index(pkg);
  }

  /** Every dataset held, in any state. */
  all(): StoredPackage[] {
    return [...this.docs.values()].map((doc) => doc.pkg);
  }

  /** Datasets this caller may see in listings, in no particular order. */
  visible(caller: Caller, unpublished?: UnpublishedOptions): StoredPackage[] {
    return [...this.docs.values()].filter((doc) => visibleInListings(doc.pkg, doc.department, caller, unpublished)).map((doc) => doc.pkg);
  }

  search(request: SearchRequest): SearchOutcome {
    const candidates = [...this.docs.values()].filter(
      (doc) =>
        visibleInListings(doc.pkg, doc.department, request.caller, request.unpublished) && matchesFilters(doc.filterable, request.filters),
    );
    const scored = this.score(candidates, request.clauses);
    scored.sort((a, b) => this.compare(a, b, request.sort, request.lang));
    const facets = countFacets(scored, request.facetFields, (hit, field) => facetValues(hit.doc, field), {
      limit: request.facetLimit,
      minCount: request.facetMinCount,
    });
    return {
      count: scored.length,
      results: scored.slice(request.start, request.start + request.rows).map((hit) => hit.doc.pkg),
      facets,
    };
  }

  private score(candidates: IndexedDoc[], clauses: readonly (readonly string[])[]): Array<{ doc: IndexedDoc; score: number }> {
    if (clauses.length === 0) return candidates.map((doc) => ({ doc, score: 0 }));
    const required = requiredMatches(clauses.length);
    const total = Math.max(this.docs.size, 1);
    const idf = (token: string) => Math.log(1 + total / Math.max(this.documentFrequency.get(token) ?? 0, 1));
    const out: Array<{ doc: IndexedDoc; score: number }> = [];
    for (const doc of candidates) {
      let matched = 0;
      let score = 0;
      for (const clause of clauses) {
        if (clause.length === 0 || !clause.every((token) => doc.tokens.has(token))) continue;
        matched++;
        score += clause.reduce((sum, token) => sum + doc.tokens.get(token)! * idf(token), 0) / clause.length;
      }
      if (matched >= required) out.push({ doc, score });
    }
    return out;
  }

  private compare(
    a: { doc: IndexedDoc; score: number },
    b: { doc: IndexedDoc; score: number },
    sort: readonly SortClause[],
    lang: Lang,
  ): number {
    for (const clause of sort) {
      const order = compareBy(a, b, clause.field, lang);
      if (order !== 0) return clause.direction === 'asc' ? order : -order;
    }
    return a.doc.pkg.name < b.doc.pkg.name ? -1 : a.doc.pkg.name > b.doc.pkg.name ? 1 : 0;
  }

  private index(pkg: StoredPackage): void {
    this.remove(pkg.id);
    const org = this.organizations.get(pkg.owner_org);
    const tokens = new Map<string, number>();
    const add = (texts: readonly string[], weight: number) => {
      const seen = new Set<string>();
      const visit = (token: string) => seen.add(token);
      for (const text of new Set(texts)) forEachIndexToken(text, visit);
      for (const token of seen) tokens.set(token, (tokens.get(token) ?? 0) + weight);
    };
    add(allVersions(pkg.title), FIELD_WEIGHTS.title);
    add(pkg.tags, FIELD_WEIGHTS.tags);
    add([pkg.name], FIELD_WEIGHTS.name);
    add(org ? [org.name, ...allVersions(org.title)] : [], FIELD_WEIGHTS.organization);
    add(
      pkg.groups.flatMap((name) => [name, ...allVersions(this.groups.get(name)?.title)]),
      FIELD_WEIGHTS.groups,
    );
    add(allVersions(pkg.notes), FIELD_WEIGHTS.notes);
    add(
      pkg.resources.flatMap((resource) => [...allVersions(resource.name), ...allVersions(resource.description), resource.format]),
      FIELD_WEIGHTS.resources,
    );
    const doc: IndexedDoc = {
      pkg,
      department: org?.department,
      tokens,
      filterable: {
        id: pkg.id,
        name: pkg.name,
        organization: org?.name ?? '',
        owner_org: pkg.owner_org,
        tags: pkg.tags,
        groups: pkg.groups,
        res_format: [...new Set(pkg.resources.map((resource) => resource.format).filter(Boolean))],
        license_id: pkg.license_id,
        capacity: pkg.private ? 'private' : 'public',
        metadata_modified: pkg.metadata_modified,
        metadata_created: pkg.metadata_created,
      },
    };
    this.docs.set(pkg.id, doc);
    this.byName.set(pkg.name, pkg.id);
    for (const resource of pkg.resources) this.byResource.set(resource.id, pkg.id);
    for (const token of tokens.keys()) this.documentFrequency.set(token, (this.documentFrequency.get(token) ?? 0) + 1);
  }

  private remove(id: string): void {
    const doc = this.docs.get(id);
    if (!doc) return;
    this.docs.delete(id);
    if (this.byName.get(doc.pkg.name) === id) this.byName.delete(doc.pkg.name);
    for (const resource of doc.pkg.resources) if (this.byResource.get(resource.id) === id) this.byResource.delete(resource.id);
    for (const token of doc.tokens.keys()) {
      const count = (this.documentFrequency.get(token) ?? 1) - 1;
      if (count > 0) this.documentFrequency.set(token, count);
      else this.documentFrequency.delete(token);
    }
  }
}

function facetValues(doc: IndexedDoc, field: FacetField): readonly string[] {
  switch (field) {
    case 'organization':
      return doc.filterable.organization ? [doc.filterable.organization] : [];
    case 'license_id':
      return doc.filterable.license_id ? [doc.filterable.license_id] : [];
    default:
      return doc.filterable[field];
  }
}

function compareBy(
  a: { doc: IndexedDoc; score: number },
  b: { doc: IndexedDoc; score: number },
  field: SortClause['field'],
  lang: Lang,
): number {
  const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  switch (field) {
    case 'score':
      return a.score - b.score;
    case 'metadata_modified':
      return text(a.doc.pkg.metadata_modified, b.doc.pkg.metadata_modified);
    case 'metadata_created':
      return text(a.doc.pkg.metadata_created, b.doc.pkg.metadata_created);
    case 'name':
      return text(a.doc.pkg.name, b.doc.pkg.name);
    case 'title_string':
      return text(pick(a.doc.pkg.title, lang).toLowerCase(), pick(b.doc.pkg.title, lang).toLowerCase());
  }
}
