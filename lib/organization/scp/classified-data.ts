import { type ScpDocument, scp } from './document';

/**
 * From RESTRICTED: data is encrypted, with customer-managed KMS keys wherever the service has a
 * condition key that can tell. The keys used, and what each one sees:
 * - `s3:x-amz-server-side-encryption` and `s3:x-amz-server-side-encryption-aws-kms-key-id`
 *   (s3:PutObject): an upload that asks for SSE-S3, or for SSE-KMS without naming a key (so the
 *   AWS managed key aws/s3), is denied. An upload that asks for nothing takes the bucket's
 *   default encryption, which the platform's buckets set to their customer-managed key.
 * - `secretsmanager:KmsKeyArn` (secretsmanager:CreateSecret): a secret without a key of its own
 *   would use the AWS managed aws/secretsmanager key.
 * - `ec2:Encrypted` (ec2:CreateVolume, and volumes of ec2:RunInstances), `rds:StorageEncrypted`
 *   (rds:CreateDBInstance, rds:CreateDBCluster), `elasticfilesystem:Encrypted`
 *   (elasticfilesystem:CreateFileSystem): these say only whether storage is encrypted, not by
 *   which key, so they require encryption; and EBS encryption by default stays on.
 * DynamoDB, SQS, SNS and CloudWatch Logs have no condition key for the table's, queue's, topic's
 * or log group's key: there the classification aspect checks the platform's templates instead.
 */
export function restrictedData(): ScpDocument {
  return scp(
    {
      Sid: 'DenyS3UploadsWithoutCustomerKey',
      Effect: 'Deny',
      Action: 's3:PutObject',
      Resource: '*',
      Condition: { StringEquals: { 's3:x-amz-server-side-encryption': 'AES256' } },
    },
    {
      Sid: 'DenyS3UploadsWithAwsManagedKey',
      Effect: 'Deny',
      Action: 's3:PutObject',
      Resource: '*',
      Condition: {
        StringEquals: { 's3:x-amz-server-side-encryption': ['aws:kms', 'aws:kms:dsse'] },
        Null: { 's3:x-amz-server-side-encryption-aws-kms-key-id': 'true' },
      },
    },
    {
      Sid: 'DenySecretsWithoutCustomerKey',
      Effect: 'Deny',
      Action: 'secretsmanager:CreateSecret',
      Resource: '*',
      Condition: { Null: { 'secretsmanager:KmsKeyArn': 'true' } },
    },
    {
      Sid: 'DenyUnencryptedVolumes',
      Effect: 'Deny',
      Action: ['ec2:CreateVolume', 'ec2:RunInstances'],
      Resource: 'arn:*:ec2:*:*:volume/*',
      Condition: { Bool: { 'ec2:Encrypted': 'false' } },
    },
    { Sid: 'KeepEbsEncryptionByDefault', Effect: 'Deny', Action: 'ec2:DisableEbsEncryptionByDefault', Resource: '*' },
    {
      Sid: 'DenyUnencryptedDatabases',
      Effect: 'Deny',
      Action: ['rds:CreateDBInstance', 'rds:CreateDBCluster'],
      Resource: '*',
      Condition: { Bool: { 'rds:StorageEncrypted': 'false' } },
    },
    {
      Sid: 'DenyUnencryptedFileSystems',
      Effect: 'Deny',
      Action: 'elasticfilesystem:CreateFileSystem',
      Resource: '*',
      Condition: { Bool: { 'elasticfilesystem:Encrypted': 'false' } },
    },
  );
}

/**
 * From CONFIDENTIAL: no public API endpoints. A REST API or custom domain is created or changed
 * only with the PRIVATE endpoint type (`apigateway:Request/EndpointType`), and HTTP and WebSocket
 * APIs, which are always public, are not created at all.
 */
export function confidentialData(): ScpDocument {
  return scp(
    {
      Sid: 'DenyPublicRestApiEndpoints',
      Effect: 'Deny',
      Action: ['apigateway:POST', 'apigateway:PUT', 'apigateway:PATCH'],
      Resource: [
        'arn:*:apigateway:*::/restapis',
        'arn:*:apigateway:*::/restapis/*',
        'arn:*:apigateway:*::/domainnames',
        'arn:*:apigateway:*::/domainnames/*',
      ],
      Condition: { 'ForAnyValue:StringNotEquals': { 'apigateway:Request/EndpointType': 'PRIVATE' } },
    },
    {
      Sid: 'DenyHttpAndWebSocketApis',
      Effect: 'Deny',
      Action: 'apigateway:POST',
      Resource: 'arn:*:apigateway:*::/apis',
    },
  );
}
