import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import type { KeyDefinition, TableDefinition } from '../../lambda/shared/storage-definition';
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
 * in-region AWS Backup plan.
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
}
