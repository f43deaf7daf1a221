import { type Advisory, formatAdvisoryId, type PublicAdvisory, publicAdvisory } from '../domain/advisory';
import { type AtomFeedOptions, renderAtomFeed } from '../domain/atom';
import { auditRecord } from '../domain/audit';
import { canPublish } from '../domain/authorisation';
import type { Caller, RequestContext } from '../domain/caller';
import { decodeCursor, encodeCursor, type Page } from '../domain/paging';
import type { ListAdvisoriesQuery, PublishAdvisoryInput } from '../domain/schemas';
import { hongKongDate } from '../domain/time';
import { foreignCursor, noAdvisoryId, refused } from '../errors';
import type { CertPorts } from '../ports';

/** Attempts at a fresh advisory id when one is taken already. */
const ID_ATTEMPTS = 3;

/** GET /cert/advisories as JSON, newest first, without audit trails. Public. */
export async function listAdvisories(
  ports: CertPorts,
  query: Pick<ListAdvisoriesQuery, 'cursor' | 'limit'>,
): Promise<Page<PublicAdvisory>> {
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (query.cursor !== undefined && !after) throw foreignCursor();
  const page = await ports.advisories.list({ after, limit: query.limit });
  return { items: page.items.map(publicAdvisory), nextCursor: page.next && encodeCursor(page.next) };
}

/** Where the Atom feed's pages are: the newest without a cursor, older ones at the cursor of the page before. */
export type FeedPages = Omit<AtomFeedOptions, 'emptyUpdated' | 'selfUrl' | 'nextUrl'> & {
  readonly pageUrl: (cursor?: string) => string;
};

/**
 * GET /cert/advisories as Atom (`format=atom` or `Accept: application/atom+xml`). Feed readers
 * poll the newest page; each page links the next older one, as RFC 5005's paged feeds do, with
 * the cursors of the JSON list. Public.
 */
export async function advisoryFeed(
  ports: CertPorts,
  query: Pick<ListAdvisoriesQuery, 'cursor' | 'limit'>,
  feed: FeedPages,
): Promise<string> {
  const page = await listAdvisories(ports, query);
  const { pageUrl, ...options } = feed;
  return renderAtomFeed(page.items, {
    ...options,
    selfUrl: pageUrl(query.cursor),
    nextUrl: page.nextCursor && pageUrl(page.nextCursor),
    emptyUpdated: new Date(0),
  });
}

/** POST /cert/advisories. Analysts only. */
export async function publishAdvisory(
  ports: CertPorts,
  caller: Caller,
  input: PublishAdvisoryInput,
  context: RequestContext,
): Promise<Advisory> {
  const decision = canPublish(caller);
  if (!decision.allowed) throw refused(decision.reason);
  const now = ports.clock();
  const publishedAt = input.publishedAt ?? now.toISOString();
  const { year, month } = hongKongDate(new Date(publishedAt));
  for (let attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
    const id = formatAdvisoryId(year, month, await ports.advisories.nextAdvisorySequence(year, month));
    const advisory: Advisory = {
      id,
      level: input.level,
      title: input.title,
      summary: input.summary,
      affectedProducts: input.affectedProducts,
      cves: input.cves,
      references: input.references,
      publishedAt,
      history: [auditRecord(caller, context, now, 'publish')],
    };
    // Only an id written by hand (seed data, a restore) can be taken already; skip past it.
    if (await ports.advisories.create(advisory)) return advisory;
  }
  throw noAdvisoryId();
}
