import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../shared/aws-clients';
import { batchPutAll, conditionalDelete, conditionalPut, queryAll, scanAll, tableOf } from '../../shared/dynamo';
import { type StoredPackage, storedPackageSchema } from '../domain/entities';
import type { CreateOutcome, PackageRepository, ReplaceOutcome } from '../ports';
import { OPEN_DATA_INDEXES, OPEN_DATA_TABLES } from '../storage';

/**
 * Datasets in the catalog table. DynamoDB Local's stand-in has no transactions, so the writes
 * are ordered to stay correct without them:
 * - a dataset is `PKG#<id>`, written only if absent (create) or still at the revision read
 *   (replace), so concurrent updates cannot overwrite each other;
 * - its name is claimed first in `NAME#<name>`, written only if free; a claim whose dataset
 *   never appeared (a crash between the two writes) is taken over once it is old enough;
 * - `RES#<id>` points a resource at its dataset.
 */
const PARTITION = 'catalog';
/** A name claim this old whose dataset does not carry the name is abandoned. */
const ABANDONED_CLAIM_MS = 60_000;
const SCAN_SEGMENTS = 4;

const packageKey = (id: string) => ({ pk: `PKG#${id}`, sk: 'PKG' });
const nameKey = (name: string) => ({ pk: `NAME#${name}`, sk: 'NAME' });
const resourceKey = (id: string) => ({ pk: `RES#${id}`, sk: 'RES' });

// Checked against the schema when written; read back as stored, which keeps the cold load fast.
function parse(item: Record<string, unknown> | undefined): StoredPackage | undefined {
  return item ? (JSON.parse(item.body as string) as StoredPackage) : undefined;
}

export class DynamoPackageRepository implements PackageRepository {
  constructor(private readonly now: () => Date = () => new Date()) {}

  private get tableName(): string {
    return tableOf(OPEN_DATA_TABLES.catalog);
  }

  async get(id: string): Promise<StoredPackage | undefined> {
    const got = await dynamo().send(new GetCommand({ TableName: this.tableName, Key: packageKey(id), ConsistentRead: true }));
    return parse(got.Item);
  }

  async getByName(name: string): Promise<StoredPackage | undefined> {
    const claim = await dynamo().send(new GetCommand({ TableName: this.tableName, Key: nameKey(name), ConsistentRead: true }));
    const pkg = claim.Item ? await this.get(claim.Item.packageId as string) : undefined;
    return pkg?.name === name ? pkg : undefined;
  }

  async packageIdOfResource(resourceId: string): Promise<string | undefined> {
    const got = await dynamo().send(new GetCommand({ TableName: this.tableName, Key: resourceKey(resourceId), ConsistentRead: true }));
    return got.Item?.packageId as string | undefined;
  }

  async create(pkg: StoredPackage): Promise<CreateOutcome> {
    if (!(await this.claimName(pkg.name, pkg.id))) return 'name-taken';
    const put = await conditionalPut({
      TableName: this.tableName,
      Item: this.packageItem(pkg),
      ConditionExpression: 'attribute_not_exists(pk)',
    }).catch(async (error) => {
      await this.releaseName(pkg.name, pkg.id);
      throw error;
    });
    if (!put.won) {
      await this.releaseName(pkg.name, pkg.id);
      throw new Error(`A dataset with id ${pkg.id} already exists: ids must be new`);
    }
    await this.linkResources(
      pkg.id,
      pkg.resources.map((resource) => resource.id),
    );
    return 'created';
  }

  async replace(pkg: StoredPackage, previousName: string): Promise<ReplaceOutcome> {
    const renamed = pkg.name !== previousName;
    if (renamed && !(await this.claimName(pkg.name, pkg.id))) return 'name-taken';
    let put: Awaited<ReturnType<typeof conditionalPut>>;
    try {
      // The revision it replaces (ALL_OLD) says which resources are new.
      put = await conditionalPut({
        TableName: this.tableName,
        Item: this.packageItem(pkg),
        ConditionExpression: '#revision = :expected',
        ExpressionAttributeNames: { '#revision': 'revision' },
        ExpressionAttributeValues: { ':expected': pkg.revision - 1 },
        ReturnValues: 'ALL_OLD',
      });
    } catch (error) {
      if (renamed) await this.releaseName(pkg.name, pkg.id);
      throw error;
    }
    if (!put.won) {
      if (renamed) await this.releaseName(pkg.name, pkg.id);
      return 'conflict';
    }
    const old = parse(put.attributes);
    if (renamed) await this.releaseName(previousName, pkg.id);
    const known = new Set(old?.resources.map((resource) => resource.id));
    await this.linkResources(
      pkg.id,
      pkg.resources.map((resource) => resource.id).filter((id) => !known.has(id)),
    );
    return 'updated';
  }

  async all(): Promise<StoredPackage[]> {
    const items = await scanAll(
      { TableName: this.tableName, IndexName: OPEN_DATA_INDEXES.byModified, ProjectionExpression: 'body' },
      SCAN_SEGMENTS,
    );
    return items.map((item) => parse(item)!);
  }

  async changedSince(iso: string): Promise<StoredPackage[]> {
    const items = await queryAll({
      TableName: this.tableName,
      IndexName: OPEN_DATA_INDEXES.byModified,
      KeyConditionExpression: 'catalogPartition = :partition AND modifiedKey >= :since',
      ExpressionAttributeValues: { ':partition': PARTITION, ':since': iso },
    });
    return items.map((item) => parse(item)!);
  }

  private packageItem(pkg: StoredPackage): Record<string, unknown> {
    return {
      ...packageKey(pkg.id),
      catalogPartition: PARTITION,
      // Write time, not metadata_modified: a seed or import with old dates is still picked up.
      modifiedKey: `${this.now().toISOString()}#${pkg.id}`,
      revision: pkg.revision,
      name: pkg.name,
      body: JSON.stringify(storedPackageSchema.parse(pkg)),
    };
  }

  /** Claims a name for a dataset; true if it now holds it. */
  private async claimName(name: string, packageId: string): Promise<boolean> {
    const claimedAt = this.now().toISOString();
    const claimed = await conditionalPut({
      TableName: this.tableName,
      Item: { ...nameKey(name), packageId, claimedAt },
      ConditionExpression: 'attribute_not_exists(pk) OR packageId = :self',
      ExpressionAttributeValues: { ':self': packageId },
    });
    if (claimed.won) return true;
    const claim = await dynamo().send(new GetCommand({ TableName: this.tableName, Key: nameKey(name), ConsistentRead: true }));
    if (!claim.Item) return this.claimName(name, packageId);
    const holder = claim.Item.packageId as string;
    const holderPackage = await this.get(holder);
    const abandoned =
      holderPackage?.name !== name && this.now().getTime() - new Date(claim.Item.claimedAt as string).getTime() > ABANDONED_CLAIM_MS;
    if (!abandoned) return false;
    const takenOver = await conditionalPut({
      TableName: this.tableName,
      Item: { ...nameKey(name), packageId, claimedAt },
      ConditionExpression: 'packageId = :holder',
      ExpressionAttributeValues: { ':holder': holder },
    });
    return takenOver.won;
  }

  /** Frees a name this dataset holds; one another dataset has taken since is left alone. */
  private async releaseName(name: string, packageId: string): Promise<void> {
    await conditionalDelete({
      TableName: this.tableName,
      Key: nameKey(name),
      ConditionExpression: 'packageId = :self',
      ExpressionAttributeValues: { ':self': packageId },
    });
  }

  private linkResources(packageId: string, resourceIds: readonly string[]): Promise<void> {
    return batchPutAll(
      this.tableName,
      resourceIds.map((id) => ({ ...resourceKey(id), packageId })),
    );
  }
}
