import { conditionalPut, queryPage } from '../../shared/dynamo';
import type { Release } from '../domain/ocds';
import type { PageOf, PageRequest, ReleaseStore } from '../ports';
import { PROCUREMENT_INDEXES } from '../storage';
import { allOfPartition, table } from './table';

const FEED = 'release';
const pk = (ocid: string) => `OCID#${ocid}`;
const sk = (sequence: number) => `RELEASE#${String(sequence).padStart(6, '0')}`;
/** The feed's sort key: date, ocid and sequence, so releases of one instant still sort apart. */
const feedKey = (release: Release, sequence: number) => `${release.date}#${release.ocid}#${String(sequence).padStart(6, '0')}`;

interface StoredItem {
  readonly release: Release;
}

/**
 * Releases under their ocid (`OCID#<ocid>` / `RELEASE#<sequence>`), each put only if its
 * sequence number is free, and in the releasesByDate index for the release packages.
 */
export class DynamoReleaseStore implements ReleaseStore {
  async append(release: Release, sequence: number): Promise<boolean> {
    const item = { pk: pk(release.ocid), sk: sk(sequence), kind: 'release', feed: FEED, feedKey: feedKey(release, sequence), release };
    return (await conditionalPut({ TableName: table(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' })).won;
  }

  async ofOcid(ocid: string): Promise<readonly Release[]> {
    return (await allOfPartition<StoredItem>(pk(ocid), 'RELEASE#')).map((i) => i.release);
  }

  async byDate(query: PageRequest & { readonly since?: string }): Promise<PageOf<Release>> {
    const at = query.after?.match(/^([^#]+)#([^#]+)#(\d{6})$/);
    const since = query.since ? new Date(query.since).toISOString() : undefined;
    const result = await queryPage(
      {
        TableName: table(),
        IndexName: PROCUREMENT_INDEXES.releasesByDate,
        KeyConditionExpression: since ? 'feed = :feed AND feedKey >= :since' : 'feed = :feed',
        ExpressionAttributeValues: { ':feed': FEED, ...(since ? { ':since': since } : {}) },
      },
      {
        limit: query.limit,
        startKey: at ? { feed: FEED, feedKey: query.after, pk: pk(at[2]), sk: sk(Number(at[3])) } : undefined,
      },
    );
    return {
      items: result.items.map((i) => (i as unknown as StoredItem).release),
      next: result.lastKey ? String(result.lastKey.feedKey) : undefined,
    };
  }
}
