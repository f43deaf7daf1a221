import { Aspects } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { RegisteredService } from '../../lambda/registry';
import { DataClassification } from '../compliance/classification-aspect';
import type { DataTable } from '../constructs/data-table';
import { PlatformKey } from '../constructs/platform-key';
import type { SecureBucket } from '../constructs/secure-bucket';
import type { ServiceApi } from '../constructs/service-api';
import type { ServiceFunction } from '../constructs/service-function';
import { readParameter } from '../contract/ssm';
import { PlatformStack, type PlatformStackProps } from '../platform-stack';
import { type ServiceBlueprint, serviceBlueprint } from './blueprints';
import { pascalCase } from './pascal-case';
import { publishServiceApi } from './published-api';
import { ServiceFunctions } from './service-functions';
import { ServiceHosts } from './service-hosts';
import { ServiceStorage } from './service-storage';

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
  /**
   * What the service needs beyond its routes and storage.
   * @default - the service's entry in SERVICE_BLUEPRINTS, if it has one
   */
  readonly blueprint?: ServiceBlueprint;
}

/**
 * One shared service, built from its declarations in `lambda/<service>/`: its key, the tables
 * and buckets of `storage.ts`, a function per declared function with access to them, the API
 * of `routes.ts`, its alarms and dashboard, and what its blueprint adds.
 */
export class ServiceStack extends PlatformStack {
  public readonly api: ServiceApi;
  public readonly functions: Record<string, ServiceFunction>;
  /** The Lambda authorizers of the service's own auth schemes, by scheme. */
  public readonly authorizerFunctions: Record<string, ServiceFunction>;
  public readonly tables: Record<string, DataTable>;
  public readonly buckets: Record<string, SecureBucket>;
  /** The shared-services VPC, imported. */
  public readonly vpc: ec2.IVpc;
  /** The service's key, for its data, logs and queues. */
  public readonly key: PlatformKey;
  /** The platform alarm topic, imported. */
  public readonly alarmTopic: sns.ITopic;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    const { definition, classification } = props.service;
    super(scope, id, {
      ...props,
      area: `Service-${pascalCase(definition.name)}`,
      classification,
      description: `${definition.title} API (${definition.basePath})`,
    });
    Aspects.of(this).add(
      new DataClassification({
        level: classification,
        ceiling: this.config.platform.classificationCeiling,
        owner: `Service ${definition.name}`,
      }),
    );
    const blueprint = props.blueprint ?? serviceBlueprint(definition.name);
    this.vpc = props.vpc(this);
    const securityGroups = props.securityGroups?.(this);
    this.key = new PlatformKey(this, 'Key', {
      purpose: `Encrypts the data and logs of the ${definition.title} service`,
      allowCloudWatchLogs: true,
    });
    this.alarmTopic = sns.Topic.fromTopicArn(this, 'AlarmTopic', readParameter(this, this.parameterNames.alarmTopicArn));

    const storage = new ServiceStorage(this, { definition: props.service.storage, encryptionKey: this.key });
    this.tables = storage.tables;
    this.buckets = storage.buckets;
    const functions = new ServiceFunctions(this, {
      definition,
      storage,
      encryptionKey: this.key,
      vpc: this.vpc,
      securityGroups,
      bundledFiles: blueprint.bundledFiles?.(this.config),
    });
    this.functions = functions.functions;
    this.authorizerFunctions = functions.authorizers;
    this.api = publishServiceApi(this, {
      definition,
      functions,
      encryptionKey: this.key,
      alarmTopic: this.alarmTopic,
      internal: props.internal,
    });
    const domain = this.config.platform.domain;
    // An internal service is reached through the platform's execute-api endpoint only.
    if (domain && !props.internal) new ServiceHosts(this, 'Hosts', { definition, domain, stage: this.api.stage });
    blueprint.extend?.(this);
  }
}
