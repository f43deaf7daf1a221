import * as path from 'node:path';
import { Aspects } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { RegisteredService } from '../../lambda/registry';
import { bucketEnvName, tableEnvName } from '../../lambda/shared/storage-definition';
import { DataClassification } from '../compliance/classification-aspect';
import { DataTable } from '../constructs/data-table';
import { PlatformKey } from '../constructs/platform-key';
import { SecureBucket } from '../constructs/secure-bucket';
import { ServiceApi } from '../constructs/service-api';
import { ServiceFunction } from '../constructs/service-function';
import { ServiceMonitoring } from '../constructs/service-monitoring';
import { PLATFORM_ENVIRONMENT } from '../contract/environment';
import { publishParameter, readParameter } from '../contract/ssm';
import { EXECUTE_API } from '../network/endpoints-stack';
import { PlatformStack, type PlatformStackProps } from '../platform-stack';
import { SERVICE_EXTENSIONS } from './extensions';

const REPO_ROOT = path.join(__dirname, '..', '..');

export interface ServiceStackProps extends Omit<PlatformStackProps, 'area'> {
  readonly service: RegisteredService;
  /** Gives the shared-services VPC the functions run in, imported into this stack. */
  readonly vpc: (scope: Construct) => ec2.IVpc;
  /** Gives the security groups of the functions. @default - a new group per function, all outbound allowed */
  readonly securityGroups?: (scope: Construct) => ec2.ISecurityGroup[];
  /**
   * Serve the API only inside the platform network, through its execute-api endpoint.
   * @default false - a public regional API behind WAF
   */
  readonly internal?: boolean;
  /** Extra environment for the service's functions. @default - none */
  readonly environment?: Readonly<Record<string, string>>;
  /** Files bundled next to each handler, by name. @default - none */
  readonly bundledFiles?: Readonly<Record<string, string>>;
}

const pascal = (name: string) => name.replace(/(^|[-_])(\w)/g, (_m, _s, c: string) => c.toUpperCase());

/**
 * One shared service, built from its declarations in `lambda/<service>/`: its key, the tables
 * and buckets of `storage.ts`, a function per declared function with access to them, the API
 * of `routes.ts`, and its alarms and dashboard.
 */
export class ServiceStack extends PlatformStack {
  public readonly api: ServiceApi;
  public readonly functions: Record<string, ServiceFunction> = {};
  /** The Lambda authorizers of the service's own auth schemes, by scheme. */
  public readonly authorizerFunctions: Record<string, ServiceFunction> = {};
  public readonly tables: Record<string, DataTable> = {};
  public readonly buckets: Record<string, SecureBucket> = {};
  /** The shared-services VPC, imported. */
  public readonly vpc: ec2.IVpc;
  /** The service's key, for its data, logs and queues. */
  public readonly key: PlatformKey;
  /** The platform alarm topic, imported. */
  public readonly alarmTopic: sns.ITopic;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    const { definition, storage } = props.service;
    super(scope, id, {
      ...props,
      area: `Service-${pascal(definition.name)}`,
      classification: props.service.classification,
      description: `${definition.title} API (${definition.basePath})`,
    });
    Aspects.of(this).add(
      new DataClassification({
        level: props.service.classification,
        ceiling: this.config.platform.classificationCeiling,
        owner: `Service ${definition.name}`,
      }),
    );
    const names = this.parameterNames;
    const vpc = props.vpc(this);
    this.vpc = vpc;
    const securityGroups = props.securityGroups?.(this);
    const key = new PlatformKey(this, 'Key', {
      purpose: `Encrypts the data and logs of the ${definition.title} service`,
      allowCloudWatchLogs: true,
    });
    this.key = key;
    this.alarmTopic = sns.Topic.fromTopicArn(this, 'AlarmTopic', readParameter(this, names.alarmTopicArn));
    const accessLogs =
      storage.buckets.length > 0
        ? s3.Bucket.fromBucketName(this, 'AccessLogsBucket', readParameter(this, names.accessLogsBucketName))
        : undefined;

    const environment: Record<string, string> = {
      [PLATFORM_ENVIRONMENT.serviceName]: definition.name,
      [PLATFORM_ENVIRONMENT.platformPrefix]: this.config.platform.prefix,
      [PLATFORM_ENVIRONMENT.citizenTokenIssuer]: readParameter(this, names.userPoolIssuer('citizen')),
      [PLATFORM_ENVIRONMENT.staffTokenIssuer]: readParameter(this, names.userPoolIssuer('staff')),
      ...props.environment,
    };
    for (const table of storage.tables) {
      this.tables[table.name] = new DataTable(this, `${pascal(table.name)}Table`, { definition: table, encryptionKey: key });
      environment[tableEnvName(table.name)] = this.tables[table.name].tableName;
    }
    for (const bucket of storage.buckets) {
      this.buckets[bucket.name] = new SecureBucket(this, `${pascal(bucket.name)}Bucket`, {
        encryptionKey: key,
        serverAccessLogsBucket: accessLogs,
        cors: bucket.browserUploads
          ? [{ allowedMethods: [s3.HttpMethods.PUT], allowedOrigins: ['*'], allowedHeaders: ['*'], maxAge: 3000 }]
          : undefined,
      });
      environment[bucketEnvName(bucket.name)] = this.buckets[bucket.name].bucketName;
    }

    const makeFunction = (id: string, entry: string, description: string, memorySize?: number) =>
      new ServiceFunction(this, id, {
        entry: path.join(REPO_ROOT, entry),
        description,
        memorySize,
        encryptionKey: key,
        vpc,
        securityGroups,
        logRetention: this.logRetention,
        environment,
        bundledFiles: props.bundledFiles,
      });
    for (const [fnName, entry] of Object.entries(definition.functions)) {
      const fn = makeFunction(`${pascal(fnName)}Function`, entry, `${definition.title}: ${fnName}`, definition.memorySize?.[fnName]);
      this.grantStorage(fn);
      this.functions[fnName] = fn;
    }
    for (const [name, schedule] of Object.entries(definition.schedules ?? {})) {
      new events.Rule(this, `${pascal(name)}Schedule`, {
        description: `${definition.title}: ${schedule.description}`,
        schedule: events.Schedule.expression(schedule.expression),
        targets: [
          new targets.LambdaFunction(this.functions[schedule.function].function, {
            event: schedule.input ? events.RuleTargetInput.fromObject(schedule.input) : undefined,
            retryAttempts: 2,
          }),
        ],
      });
    }
    const authorizerFunctions = this.authorizerFunctions;
    for (const [scheme, authorizer] of Object.entries(definition.authorizers ?? {})) {
      authorizerFunctions[scheme] = makeFunction(
        `${pascal(scheme)}Authorizer`,
        authorizer.entry,
        `${definition.title}: ${scheme} authorizer`,
      );
      this.grantStorage(authorizerFunctions[scheme], { readOnly: true });
    }

    this.api = new ServiceApi(this, 'Api', {
      service: definition,
      functions: Object.fromEntries(Object.entries(this.functions).map(([n, f]) => [n, f.function])),
      authorizerFunctions: Object.fromEntries(Object.entries(authorizerFunctions).map(([n, f]) => [n, f.function])),
      userPool: (audience) =>
        cognito.UserPool.fromUserPoolArn(
          this,
          audience === 'citizen' ? 'CitizenPool' : 'StaffPool',
          readParameter(this, names.userPoolArn(audience)),
        ),
      encryptionKey: key,
      logRetention: this.logRetention,
      privateEndpointId: props.internal ? readParameter(this, names.interfaceEndpointId(EXECUTE_API)) : undefined,
    });
    new ServiceMonitoring(this, 'Monitoring', {
      serviceName: definition.title,
      api: this.api.api,
      functions: [...Object.values(this.functions), ...Object.values(authorizerFunctions)],
      alarmTopic: this.alarmTopic,
    });
    publishParameter(this, 'ApiIdParameter', names.serviceApiId(definition.name), this.api.api.restApiId);
    publishParameter(this, 'ApiUrlParameter', names.serviceApiUrl(definition.name), this.api.api.url);
    SERVICE_EXTENSIONS[definition.name]?.(this);
  }

  /** Lets a function use the service's tables and buckets, with only the actions it needs. */
  private grantStorage(fn: ServiceFunction, options: { readOnly?: boolean } = {}): void {
    for (const table of Object.values(this.tables)) {
      if (options.readOnly) table.grantReadData(fn.role);
      else table.grantReadWriteData(fn.role);
    }
    for (const bucket of Object.values(this.buckets)) {
      if (options.readOnly) bucket.grantObjectRead(fn.role);
      else bucket.grantObjectReadWrite(fn.role);
    }
  }
}
