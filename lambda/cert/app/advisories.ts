import { type Advisory, formatAdvisoryId, type PublicAdvisory, publicAdvisory } from '../domain/advisory';
import { type AtomFeedOptions, renderAtomFeed } from '../domain/atom';
import { auditRecord } from '../domain/audit';
import { canPublish } from '../domain/authorisation';
import type { Caller, RequestContext } from '../domain/caller';
import { decodeCursor, encodeCursor, type Page } from '../domain/paging';
import type { ListAdvisoriesQuery, PublishAdvisoryInput } from '../domain/schemas';
import { hongKongDate } from '../domain/time';
import { feedTakesNoCursor, foreignCursor, noAdvisoryId, refused } from '../errors';
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

/**
 * GET /cert/advisories as Atom (`format=atom` or `Accept: application/atom+xml`): the newest
 * page, which feed readers poll. It has no further pages, so a cursor is refused rather than
 * ignored. Public.
 */
export async function advisoryFeed(
  ports: CertPorts,
  query: Pick<ListAdvisoriesQuery, 'cursor' | 'limit'>,
  feed: Omit<AtomFeedOptions, 'emptyUpdated'>,
): Promise<string> {
  if (query.cursor !== undefined) throw feedTakesNoCursor();
  const page = await ports.advisories.list({ limit: query.limit });
  return renderAtomFeed(page.items, { ...feed, emptyUpdated: new Date(0) });
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
