import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { bucketEnvName, type StorageDefinition, tableEnvName } from '../../lambda/shared/storage-definition';
import type { DataAccess } from '../constructs/data-key-grant';
import { DataTable } from '../constructs/data-table';
import { SecureBucket } from '../constructs/secure-bucket';
import { readParameter } from '../contract/ssm';
import type { PlatformStack } from '../platform-stack';
import { pascalCase } from './pascal-case';

export interface ServiceStorageProps {
  /** The tables and buckets the service declares in its `storage.ts`. */
  readonly definition: StorageDefinition;
  /** The service's key: it encrypts every table and bucket. */
  readonly encryptionKey: kms.IKey;
}

/**
 * The tables and buckets of a service, built in its stack (not in a scope of their own: their
 * construct ids, and so their logical ids, stay `<Name>Table` and `<Name>Bucket` under the
 * stack), with the environment that tells functions their names.
 */
export class ServiceStorage {
  public readonly tables: Record<string, DataTable> = {};
  public readonly buckets: Record<string, SecureBucket> = {};
  /** Physical names of the tables and buckets, by the environment variable a function reads each from. */
  public readonly environment: Record<string, string> = {};

  constructor(stack: PlatformStack, props: ServiceStorageProps) {
    const { definition, encryptionKey } = props;
    const accessLogs =
      definition.buckets.length > 0
        ? s3.Bucket.fromBucketName(stack, 'AccessLogsBucket', readParameter(stack, stack.parameterNames.accessLogsBucketName))
        : undefined;
    for (const table of definition.tables) {
      this.tables[table.name] = new DataTable(stack, `${pascalCase(table.name)}Table`, { definition: table, encryptionKey });
      this.environment[tableEnvName(table.name)] = this.tables[table.name].tableName;
    }
    for (const bucket of definition.buckets) {
      this.buckets[bucket.name] = new SecureBucket(stack, `${pascalCase(bucket.name)}Bucket`, {
        encryptionKey,
        serverAccessLogsBucket: accessLogs,
        cors: bucket.browserUploads
          ? [{ allowedMethods: [s3.HttpMethods.PUT], allowedOrigins: ['*'], allowedHeaders: ['*'], maxAge: 3000 }]
          : undefined,
      });
      this.environment[bucketEnvName(bucket.name)] = this.buckets[bucket.name].bucketName;
    }
  }

  /** Lets a grantee use every table and bucket of the service, with their key. */
  grant(grantee: iam.IGrantable, access: DataAccess): void {
    for (const table of Object.values(this.tables)) {
      if (access === 'readWrite') table.grantReadWriteData(grantee);
      else table.grantReadData(grantee);
    }
    for (const bucket of Object.values(this.buckets)) {
      if (access === 'readWrite') bucket.grantObjectReadWrite(grantee);
      else bucket.grantObjectRead(grantee);
    }
  }
}
