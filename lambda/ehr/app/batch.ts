import { HttpError } from '../../shared/errors';
import type { PageOf } from '../../shared/sort-key-cursor';
import { RESOURCE_TYPES, type ResourceType } from '../domain/resource-types';
import { type BatchBundle, resourceSchema, type SearchQuery, searchQuery } from '../domain/schemas';
import { batchEntryNotUnderstood, transactionNotSupported } from '../errors';
import type { EhrPorts, StoredResource } from '../ports';
import { createResource, type Requester, readResource, readVersion, searchResources, updateResource } from './resources';

/** The outcome of one entry of a batch, for the handler to answer in FHIR's words. */
export type EntryOutcome =
  | { readonly kind: 'resource'; readonly status: number; readonly resource: StoredResource }
  | { readonly kind: 'search'; readonly type: ResourceType; readonly query: SearchQuery; readonly page: PageOf<StoredResource> }
  | { readonly kind: 'refused'; readonly error: HttpError };

type Entry = BatchBundle['entry'][number];
const isType = (t: string): t is ResourceType => (RESOURCE_TYPES as readonly string[]).includes(t);

/** An entry's request, as the interaction it names: `Type`, `Type/id`, `Type/id/_history/vid`, `Type?query`. */
function addressOf(url: string) {
  const [path, search] = url.replace(/^\//, '').split('?', 2);
  const [type, id, history, vid, ...rest] = path.split('/');
  if (!isType(type) || rest.length > 0 || (history !== undefined && history !== '_history')) throw batchEntryNotUnderstood(url);
  return { type, id, vid, search };
}

async function entryOutcome(ports: EhrPorts, requester: Requester, entry: Entry): Promise<EntryOutcome> {
  const { method, url, ifMatch, ifNoneExist } = entry.request;
  const { type, id, vid, search } = addressOf(url);
  const body = () => {
    const parsed = resourceSchema.safeParse(entry.resource);
    if (!parsed.success) throw batchEntryNotUnderstood(url, 'its resource is missing or has no resourceType this service serves');
    return parsed.data;
  };
  if (method === 'GET' && id === undefined) {
    const query = searchQuery.safeParse(Object.fromEntries(new URLSearchParams(search ?? '')));
    if (!query.success) throw batchEntryNotUnderstood(url, 'its search parameters are not ones this service takes');
    return { kind: 'search', type, query: query.data, page: await searchResources(ports, requester, type, query.data) };
  }
  if (method === 'GET' && id !== undefined) {
    const resource = vid ? await readVersion(ports, requester, type, id, vid) : await readResource(ports, requester, type, id);
    return { kind: 'resource', status: 200, resource };
  }
  if (method === 'POST' && id === undefined && !search) {
    const written = await createResource(ports, requester, type, body(), ifNoneExist);
    return { kind: 'resource', status: written.created ? 201 : 200, resource: written.resource };
  }
  if (method === 'PUT' && id !== undefined && vid === undefined && !search) {
    const written = await updateResource(ports, requester, type, id, body(), ifMatch);
    return { kind: 'resource', status: written.created ? 201 : 200, resource: written.resource };
  }
  throw batchEntryNotUnderstood(url, `${method} is not an interaction on that address`);
}

/**
 * Runs a batch: each entry on its own, in order, with the same consent rules and audit as if
 * sent alone; one refused entry leaves the others as they are. A transaction is refused, since
 * the store writes each resource on its own and could not undo a part.
 */
export async function runBatch(ports: EhrPorts, requester: Requester, bundle: BatchBundle): Promise<EntryOutcome[]> {
  if (bundle.type === 'transaction') throw transactionNotSupported();
  const outcomes: EntryOutcome[] = [];
  for (const entry of bundle.entry) {
    try {
      outcomes.push(await entryOutcome(ports, requester, entry));
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      outcomes.push({ kind: 'refused', error: err });
    }
  }
  return outcomes;
}
