import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import type { KeyDefinition, TableDefinition } from '../../lambda/shared/storage-definition';
import { acknowledge, wildcardResourceFinding } from '../compliance/acknowledge';
import { acknowledgeDataKeyWildcards, grantTarget } from './data-key-grant';
import { StackBackup } from './stack-backup';

export interface DataTableProps {
  /** Keys, indexes and expiry, as the service declares them in its `storage.ts`. */
  readonly definition: TableDefinition;
  /** Customer-managed key encrypting the table and its backups. */
  readonly encryptionKey: kms.IKey;
}

function attribute(key: KeyDefinition): dynamodb.Attribute {
  return { name: key.name, type: key.type === 'N' ? dynamodb.AttributeType.NUMBER : dynamodb.AttributeType.STRING };
}

/**
 * A DynamoDB table that cannot lose data: on-demand, point-in-time recovery, deletion
 * protection, customer-managed encryption, retained on stack deletion, and in the stack's
 * in-region AWS Backup plan. Its data grants include its key, and acknowledge the wildcards
 * they carry (its indexes, the key's data-key actions) on the grantee.
 */
export class DataTable extends dynamodb.Table {
  /** The keys, indexes and expiry the table was built from. */
  public readonly definition: TableDefinition;

  constructor(scope: Construct, id: string, props: DataTableProps) {
    const { definition } = props;
    super(scope, id, {
      partitionKey: attribute(definition.partitionKey),
      sortKey: definition.sortKey ? attribute(definition.sortKey) : undefined,
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: props.encryptionKey,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      timeToLiveAttribute: definition.ttlAttribute,
      stream: definition.stream ? dynamodb.StreamViewType.NEW_AND_OLD_IMAGES : undefined,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.definition = definition;
    for (const index of definition.indexes ?? []) {
      this.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: attribute(index.partitionKey),
        sortKey: index.sortKey ? attribute(index.sortKey) : undefined,
      });
    }
    StackBackup.of(this, props.encryptionKey).addTable(this);
  }

  /** Lets a grantee read items, through the table and its indexes, and decrypt them. */
  public override grantReadData(grantee: iam.IGrantable): iam.Grant {
    const grant = super.grantReadData(grantee);
    this.acknowledgeIndexes(grantee);
    return grant;
  }

  /** Lets a grantee read and write items, through the table and its indexes, with its key. */
  public override grantReadWriteData(grantee: iam.IGrantable): iam.Grant {
    const grant = super.grantReadWriteData(grantee);
    this.acknowledgeIndexes(grantee);
    acknowledgeDataKeyWildcards(grantee);
    return grant;
  }

  private acknowledgeIndexes(grantee: iam.IGrantable): void {
    const target = grantTarget(grantee);
    if (!target || (this.definition.indexes ?? []).length === 0) return;
    acknowledge(
      target,
      wildcardResourceFinding(this, `${this.tableArn}/index/*`),
      'Queries go through the indexes of this table only; the wildcard names its indexes, not other tables.',
    );
  }
}
