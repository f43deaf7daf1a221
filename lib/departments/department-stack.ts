import { Aspects, RemovalPolicy } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { DataClassification } from '../compliance/classification-aspect';
import type { DepartmentConfig } from '../config/schema';
import { PlatformKey } from '../constructs/platform-key';
import { SecureBucket } from '../constructs/secure-bucket';
import type { ParameterName } from '../contract/parameters';
import { DEPARTMENT_ROLES } from '../contract/roles';
import { publishParameter, readParameter } from '../contract/ssm';
import { DepartmentSpoke } from '../network/department-spoke';
import { PlatformStack, type PlatformStackProps } from '../platform-stack';
import { DepartmentApiAccess } from './department-api-access';
import { DepartmentRoles } from './department-roles';
import { DepartmentBoundary } from './permissions-boundary';
import { DEFAULT_QUOTAS } from './provisioning';

export interface DepartmentStackProps extends Omit<PlatformStackProps, 'area' | 'department' | 'classification' | 'costCentre'> {
  readonly department: DepartmentConfig;
}

/**
 * Everything one department gets on the platform: its spoke network, key, data bucket and log group, its
 * roles under a permissions boundary, API access to the services it is entitled to,
 * and SSM parameters under `/<prefix>/departments/<code>/` naming all of it.
 */
export class DepartmentStack extends PlatformStack {
  public readonly key: PlatformKey;
  public readonly bucket: SecureBucket;
  public readonly logGroup: logs.LogGroup;
  public readonly roles: DepartmentRoles;
  public readonly boundary: DepartmentBoundary;
  public readonly network: DepartmentSpoke;

  constructor(scope: Construct, id: string, props: DepartmentStackProps) {
    const dept = props.department;
    super(scope, id, {
      ...props,
      area: `Dept-${dept.code}`,
      department: dept.code,
      classification: dept.classification,
      costCentre: dept.costCentre,
      description: `Department ${dept.code}: ${dept.name.en}`,
    });
    Aspects.of(this).add(
      new DataClassification({
        level: dept.classification,
        ceiling: this.config.platform.classificationCeiling,
        owner: `Department ${dept.code}`,
      }),
    );
    const prefix = this.config.platform.prefix;
    const names = this.parameterNames;
    const own = names.department(dept.code);

    this.network = new DepartmentSpoke(this, 'Network', { config: this.config, department: dept });
    this.key = new PlatformKey(this, 'Key', {
      purpose: `Encrypts the data of ${dept.name.en}`,
      alias: `${prefix}/dept/${dept.code.toLowerCase()}`,
      allowCloudWatchLogs: true,
    });
    this.bucket = new SecureBucket(this, 'DataBucket', {
      encryptionKey: this.key,
      serverAccessLogsBucket: s3.Bucket.fromBucketName(this, 'AccessLogs', readParameter(this, names.accessLogsBucketName)),
    });
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      encryptionKey: this.key,
      retention: this.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.boundary = new DepartmentBoundary(this, 'Boundary', { department: dept.code, platformPrefix: prefix });
    this.roles = new DepartmentRoles(this, 'Roles', {
      department: dept.code,
      platformPrefix: prefix,
      boundary: this.boundary.policy,
      key: this.key,
      bucket: this.bucket,
      logGroup: this.logGroup,
      parameterPath: own.path,
    });
    const access =
      dept.services.length > 0
        ? new DepartmentApiAccess(this, 'ApiAccess', { department: dept.code, services: dept.services, names, quotas: DEFAULT_QUOTAS })
        : undefined;

    const published: Array<[string, ParameterName, string]> = [
      ['KeyArnParameter', own.keyArn, this.key.keyArn],
      ['DataBucketParameter', own.dataBucketName, this.bucket.bucketName],
      ['LogGroupParameter', own.logGroupName, this.logGroup.logGroupName],
      ['ClassificationParameter', own.classification, dept.classification],
      ...DEPARTMENT_ROLES.map((role): [string, ParameterName, string] => [
        `Role${role}Parameter`,
        own.roleArn(role),
        this.roles.roles[role].roleArn,
      ]),
    ];
    if (access) published.push(['ApiKeyIdParameter', own.apiKeyId, access.apiKey.ref]);
    for (const [id, name, value] of published) publishParameter(this, id, name, value);
  }
}
