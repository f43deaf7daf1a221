import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../shared/aws-clients';
import { conditionalPut, type Item, queryPage, tableOf } from '../../shared/dynamo';
import type { PageOf, PageRequest } from '../../shared/sort-key-cursor';
import { CITIZEN_ACCOUNT_SYSTEM, HKID_SYSTEM } from '../domain/hkid';
import type { ResourceType } from '../domain/resource-types';
import type { SearchValues } from '../domain/search-index';
import type { ResourceStore, SearchFilter, StoredResource } from '../ports';
import { EHR_INDEXES, EHR_TABLES } from '../storage';

const table = () => tableOf(EHR_TABLES.resources);
const keyOf = (type: string, id: string) => `RES#${type}#${id}`;
const versionKey = (versionId: string) => `V#${versionId.padStart(9, '0')}`;
/** Identifiers of a system looked up by an index of their own (the rest are matched by filtering the type's listing). */
const KEY_IDENTIFIERS = [
  { system: HKID_SYSTEM, attribute: 'hkid', index: EHR_INDEXES.byHkid },
  { system: CITIZEN_ACCOUNT_SYSTEM, attribute: 'citizenAccount', index: EHR_INDEXES.byAccount },
] as const;
const keyIdentifierOf = (token: string | undefined) => KEY_IDENTIFIERS.find((k) => token?.startsWith(`${k.system}|`));

const patientListingOf = (patient: string, type: string) => `${patient}#${type}`;
const strip = (item: Item) => JSON.parse(String(item.body)) as StoredResource;

/** The eHR's resources in DynamoDB: each version kept, the current one indexed by type and last update. */
export class DynamoResourceStore implements ResourceStore {
  async current(type: ResourceType, id: string): Promise<StoredResource | undefined> {
    const { Item } = await dynamo().send(
      new GetCommand({ TableName: table(), Key: { pk: keyOf(type, id), sk: 'CURRENT' }, ConsistentRead: true }),
    );
    return Item && strip(Item);
  }

  async version(type: ResourceType, id: string, versionId: string): Promise<StoredResource | undefined> {
    const key = { pk: keyOf(type, id), sk: versionKey(versionId) };
    const { Item } = await dynamo().send(new GetCommand({ TableName: table(), Key: key, ConsistentRead: true }));
    return Item && strip(Item);
  }

  async history(type: ResourceType, id: string): Promise<StoredResource[]> {
    const { Items } = await dynamo().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
        ExpressionAttributeValues: { ':pk': keyOf(type, id), ':v': 'V#' },
        ScanIndexForward: false,
        Limit: 100,
        ConsistentRead: true,
      }),
    );
    return (Items ?? []).map(strip);
  }

  async write(resource: StoredResource, previous: string | undefined, search: SearchValues): Promise<boolean> {
    const pk = keyOf(resource.resourceType, resource.id);
    const { lastUpdated } = resource.meta;
    const body = JSON.stringify(resource);
    const current: Item = {
      pk,
      sk: 'CURRENT',
      body,
      listing: resource.resourceType,
      listingKey: `${lastUpdated}#${resource.id}`,
      lastUpdated,
      identifiers: search.identifiers.length ? search.identifiers : undefined,
      patient: search.patient,
      patientListing: search.patient ? patientListingOf(search.patient, resource.resourceType) : undefined,
      ...Object.fromEntries(
        KEY_IDENTIFIERS.map(({ system, attribute }) => [attribute, search.identifiers.find((t) => t.startsWith(`${system}|`))]),
      ),
      status: search.status,
      codes: search.codes.length ? search.codes : undefined,
      clinicalDate: search.date,
      version: Number(resource.meta.versionId),
    };
    // A version once written is never written again: two writers of one version collide here,
    // and the loser writes nothing.
    const won = await conditionalPut({
      TableName: table(),
      Item: { pk, sk: versionKey(resource.meta.versionId), body },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    if (!won.won) return false;
    if (previous !== undefined && Number(resource.meta.versionId) !== Number(previous) + 1) return false;
    // The current copy only moves forward, so a slower writer of an older version cannot overwrite a newer one.
    await conditionalPut({
      TableName: table(),
      Item: current,
      ConditionExpression: 'attribute_not_exists(pk) OR #version < :version',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':version': Number(resource.meta.versionId) },
    });
    return true;
  }

  async search(type: ResourceType, filter: SearchFilter, page: PageRequest): Promise<PageOf<StoredResource>> {
    const conditions: string[] = [];
    const values: Record<string, unknown> = {};
    const names: Record<string, string> = {};
    const add = (condition: string, name: string, value: unknown) => {
      names[`#${name}`] = name;
      values[`:${name}`] = value;
      conditions.push(condition);
    };
    if (filter.identifier) add('contains(#identifiers, :identifiers)', 'identifiers', filter.identifier);
    if (filter.status) add('#status = :status', 'status', filter.status);
    if (filter.code) add('contains(#codes, :codes)', 'codes', filter.code);
    if (filter.date) add(`#clinicalDate ${filter.date.op} :clinicalDate`, 'clinicalDate', filter.date.value);
    if (filter.lastUpdated) add(`#lastUpdated ${filter.lastUpdated.op} :lastUpdated`, 'lastUpdated', filter.lastUpdated.value);
    const after = page.after;
    // One patient's records come from the patient index, a key identifier from its own; any other search lists the type.
    const key = keyIdentifierOf(filter.identifier);
    const [partition, index] =
      filter.patient !== undefined
        ? [{ patientListing: patientListingOf(filter.patient, type) }, EHR_INDEXES.byPatient]
        : key
          ? [{ [key.attribute]: filter.identifier as string }, key.index]
          : [{ listing: type }, EHR_INDEXES.byType];
    values[':partition'] = Object.values(partition)[0];
    if (key && filter.patient === undefined) add('#listing = :listing', 'listing', type);
    const result = await queryPage(
      {
        TableName: table(),
        IndexName: index,
        KeyConditionExpression: `${Object.keys(partition)[0]} = :partition`,
        ...(conditions.length ? { FilterExpression: conditions.join(' AND '), ExpressionAttributeNames: names } : {}),
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
      },
      {
        limit: page.limit,
        // The cursor is the listing key of the last item read, which names the item: `<lastUpdated>#<id>`.
        startKey: after
          ? { ...partition, listingKey: after, pk: keyOf(type, after.slice(after.lastIndexOf('#') + 1)), sk: 'CURRENT' }
          : undefined,
      },
    );
    return {
      items: result.items.map(strip),
      next: result.lastKey ? String(result.lastKey.listingKey) : undefined,
    };
  }
}
