import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from '../compliance/acknowledge';
import { DeadLetterQueue } from './dead-letter-queue';
import { handlerCode } from './function-bundle';
import { ManagedPolicyRole } from './managed-policy-role';

/** The Node.js runtime every platform function runs on: the newest Lambda offers. */
export const FUNCTION_RUNTIME = lambda.Runtime.NODEJS_24_X;

export interface ServiceFunctionProps {
  /** Path of the handler's TypeScript file. */
  readonly entry: string;
  /** @default 'handler' */
  readonly handler?: string;
  /** What the function does; becomes its description. */
  readonly description: string;
  /** Key encrypting the function's log group, environment and dead-letter queue. */
  readonly encryptionKey: kms.IKey;
  /** The function runs in this VPC so its traffic passes the platform's inspection. */
  readonly vpc: ec2.IVpc;
  /** @default - the VPC's private subnets with egress, else its isolated subnets */
  readonly vpcSubnets?: ec2.SubnetSelection;
  /** @default - a new security group allowing all outbound traffic */
  readonly securityGroups?: ec2.ISecurityGroup[];
  /** How long the function's logs are kept. */
  readonly logRetention: logs.RetentionDays;
  /** @default - none */
  readonly environment?: Record<string, string>;
  /** @default 512 */
  readonly memorySize?: number;
  /** @default Duration.seconds(10) */
  readonly timeout?: Duration;
  /**
   * Concurrent executions reserved for, and capped at, this function.
   * @default 25
   */
  readonly reservedConcurrency?: number;
  /**
   * Files to place next to the bundled handler, by file name: data built at synth, like the
   * platform catalogue, that is too large for environment variables.
   * @default - none
   */
  readonly bundledFiles?: Readonly<Record<string, string>>;
  /**
   * Run AWS's parameters and secrets extension beside the handler, which then reads SSM
   * parameters from a local port, cached, without an SDK client in its bundle.
   * @default false
   */
  readonly parametersExtension?: boolean;
}

/**
 * A Lambda function built the platform's way: Node.js 24 on arm64, bundled in-process by esbuild
 * (never Docker), X-Ray tracing, JSON logs into a KMS-encrypted log group with retention, an
 * encrypted dead-letter queue for asynchronous invocations, its own role whose grants land in a
 * customer-managed policy, and a place in the platform VPC.
 */
export class ServiceFunction extends Construct {
  public readonly function: lambda.Function;
  public readonly role: ManagedPolicyRole;
  public readonly logGroup: logs.LogGroup;
  public readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    super(scope, id);
    const reservedConcurrency = props.reservedConcurrency ?? 25;
    if (reservedConcurrency < 1) {
      throw new Error(`${this.node.path}: reservedConcurrency must be at least 1, got ${reservedConcurrency}.`);
    }

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      encryptionKey: props.encryptionKey,
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.deadLetterQueue = new DeadLetterQueue(this, 'DeadLetters', {
      encryptionKey: props.encryptionKey,
      of: `the function ${this.node.path}`,
    });

    this.role = new ManagedPolicyRole(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${this.node.path}`,
    });
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'AttachToVpc',
        actions: [
          'ec2:CreateNetworkInterface',
          'ec2:DescribeNetworkInterfaces',
          'ec2:DescribeSubnets',
          'ec2:DeleteNetworkInterface',
          'ec2:AssignPrivateIpAddresses',
          'ec2:UnassignPrivateIpAddresses',
        ],
        resources: ['*'],
      }),
    );
    acknowledge(
      this.role,
      ['AwsSolutions-IAM5[Resource::*]', 'CKV_AWS_111'],
      'Only for actions without resource-level permissions: X-Ray trace upload and the EC2 network-interface calls Lambda makes to join the VPC. Every data grant names its resource.',
    );

    this.function = new lambda.Function(this, 'Function', {
      code: handlerCode(this, props.entry, props.bundledFiles),
      handler: `index.${props.handler ?? 'handler'}`,
      description: props.description,
      runtime: FUNCTION_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      environmentEncryption: props.encryptionKey,
      tracing: lambda.Tracing.ACTIVE,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
      systemLogLevelV2: lambda.SystemLogLevel.WARN,
      logGroup: this.logGroup,
      deadLetterQueue: this.deadLetterQueue,
      reservedConcurrentExecutions: reservedConcurrency,
      vpc: props.vpc,
      vpcSubnets: props.vpcSubnets,
      securityGroups: props.securityGroups,
      paramsAndSecrets: props.parametersExtension
        ? lambda.ParamsAndSecretsLayerVersion.fromVersion(lambda.ParamsAndSecretsVersions.V1_0_103, {
            cacheSize: 100,
            logLevel: lambda.ParamsAndSecretsLogLevel.WARN,
          })
        : undefined,
    });
    this.logGroup.grantWrite(this.role);
  }
}
