import { encodeCursor, resumeAfter } from '../../shared/sort-key-cursor';
import { compileReleases } from '../domain/merge';
import type { Release } from '../domain/ocds';
import { noSuchRecord } from '../errors';
import type { ProcurementPorts } from '../ports';

/** The OCDS version of the packages: the schema's major.minor (1.1, whose current patch is 1.1.5). */
export const OCDS_VERSION = '1.1';

function metadata(ports: ProcurementPorts, uri: string, publishedDate: string) {
  return { uri, version: OCDS_VERSION, publishedDate, publisher: { name: ports.settings.publisherName } };
}

/** The latest date among the releases: a package made on demand is dated by its latest content. */
const latest = (releases: readonly Release[], fallback: Date) =>
  releases.length === 0 ? fallback.toISOString() : releases.map((r) => r.date).sort((a, b) => Date.parse(b) - Date.parse(a))[0];

/** GET /procurement/ocds/releases: a release package of one page of releases, oldest first. */
export async function releasePackage(
  ports: ProcurementPorts,
  query: { cursor?: string; limit: number; since?: string },
  uri: string,
): Promise<Record<string, unknown>> {
  const after = resumeAfter(query.cursor);
  const page = await ports.releases.byDate({ after, limit: query.limit, since: query.since });
  const next = page.next && encodeCursor(page.next);
  const nextUrl = next ? new URL(uri) : undefined;
  nextUrl?.searchParams.set('cursor', next as string);
  return {
    ...metadata(ports, uri, latest(page.items, ports.clock())),
    releases: page.items,
    ...(nextUrl ? { links: { next: nextUrl.toString() } } : {}),
  };
}

/** GET /procurement/ocds/records/{ocid}: a record package of the ocid's releases and their compiled release. */
export async function recordPackage(ports: ProcurementPorts, ocid: string, uri: string): Promise<Record<string, unknown>> {
  const releases = await ports.releases.ofOcid(ocid);
  if (releases.length === 0) throw noSuchRecord(ocid);
  return {
    ...metadata(ports, uri, latest(releases, ports.clock())),
    records: [{ ocid, releases, compiledRelease: compileReleases(releases) }],
  };
}
