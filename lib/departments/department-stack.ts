import { Aspects, RemovalPolicy } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import { DataClassification } from '../compliance/classification-aspect';
import type { DepartmentConfig } from '../config/schema';
import { PlatformKey } from '../constructs/platform-key';
import { SecureBucket } from '../constructs/secure-bucket';
import { DepartmentSpoke } from '../network/department-spoke';
import { PlatformStack, type PlatformStackProps } from '../platform-stack';
import { ssmValue } from '../ssm-values';
import { DepartmentApiAccess } from './department-api-access';
import { DepartmentRoles } from './department-roles';
import { DepartmentBoundary } from './permissions-boundary';
import { DEFAULT_QUOTAS, DEPARTMENT_PARAMETERS, DEPARTMENT_ROLES } from './provisioning';

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
    const param = (item: string) => names.department(dept.code, item);

    this.network = new DepartmentSpoke(this, 'Network', { config: this.config, department: dept });
    this.key = new PlatformKey(this, 'Key', {
      purpose: `Encrypts the data of ${dept.name.en}`,
      alias: `${prefix}/dept/${dept.code.toLowerCase()}`,
      allowCloudWatchLogs: true,
    });
    this.bucket = new SecureBucket(this, 'DataBucket', {
      encryptionKey: this.key,
      serverAccessLogsBucket: s3.Bucket.fromBucketName(this, 'AccessLogs', ssmValue(this, names.accessLogsBucketName)),
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
      parameterPath: param('').replace(/\/$/, ''),
    });
    const access =
      dept.services.length > 0
        ? new DepartmentApiAccess(this, 'ApiAccess', { department: dept.code, services: dept.services, names, quotas: DEFAULT_QUOTAS })
        : undefined;

    const published: Array<[string, string, string]> = [
      ['KeyArnParameter', param(DEPARTMENT_PARAMETERS.keyArn), this.key.keyArn],
      ['DataBucketParameter', param(DEPARTMENT_PARAMETERS.dataBucketName), this.bucket.bucketName],
      ['LogGroupParameter', param(DEPARTMENT_PARAMETERS.logGroupName), this.logGroup.logGroupName],
      ['ClassificationParameter', param(DEPARTMENT_PARAMETERS.classification), dept.classification],
      ...DEPARTMENT_ROLES.map((role): [string, string, string] => [
        `Role${role}Parameter`,
        param(DEPARTMENT_PARAMETERS.roleArn(role)),
        this.roles.roles[role].roleArn,
      ]),
    ];
    if (access) published.push(['ApiKeyIdParameter', param(DEPARTMENT_PARAMETERS.apiKeyId), access.apiKey.ref]);
    for (const [id, parameterName, stringValue] of published) new ssm.StringParameter(this, id, { parameterName, stringValue });
  }
}
