import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge, wildcardResourceFinding } from '../../compliance/acknowledge';
import { DeadLetterQueue } from '../../constructs/dead-letter-queue';
import { ManagedPolicyRole } from '../../constructs/managed-policy-role';
import { FUNCTION_RUNTIME } from '../../constructs/service-function';
import { LOOKUP_HANDLER_CODE } from './handler-code';

export interface NetworkLookupsProps {
  /** Key of the function's log group and dead-letter queue. */
  readonly encryptionKey: kms.IKey;
  readonly logRetention: logs.RetentionDays;
  /** Name of the one Network Firewall whose endpoints the function may describe. */
  readonly firewallName: string;
}

/**
 * One function for the few things CloudFormation cannot express in the network, shared by
 * every network and department stack through its service token: closing the default security
 * group of a VPC, and finding the ids of VPN and Direct Connect attachments and of firewall
 * endpoints. Sharing it keeps spokes free of their own custom-resource functions.
 *
 * It runs outside any VPC: it must work before the hub network exists (it is how the hub is
 * wired), and it only calls the EC2 and Network Firewall control-plane APIs.
 */
export class NetworkLookups extends Construct {
  public readonly function: lambda.Function;
  public readonly role: ManagedPolicyRole;

  constructor(scope: Construct, id: string, props: NetworkLookupsProps) {
    super(scope, id);
    const { partition, region, account } = Stack.of(this);

    const logGroup = new logs.LogGroup(this, 'Logs', {
      encryptionKey: props.encryptionKey,
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const deadLetterQueue = new DeadLetterQueue(this, 'DeadLetters', {
      encryptionKey: props.encryptionKey,
      of: 'the network lookups function (a failed invocation also fails its CloudFormation deployment)',
    });

    this.role = new ManagedPolicyRole(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${this.node.path}`,
    });
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'Describe',
        actions: ['ec2:DescribeSecurityGroups', 'ec2:DescribeTransitGatewayAttachments'],
        resources: ['*'],
      }),
    );
    const securityGroups = `arn:${partition}:ec2:${region}:${account}:security-group/*`;
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'RevokeDefaultSecurityGroupRules',
        actions: ['ec2:RevokeSecurityGroupIngress', 'ec2:RevokeSecurityGroupEgress'],
        resources: [securityGroups],
      }),
    );
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'DescribeFirewall',
        actions: ['network-firewall:DescribeFirewall'],
        resources: [`arn:${partition}:network-firewall:${region}:${account}:firewall/${props.firewallName}`],
      }),
    );
    acknowledge(
      this.role,
      ['AwsSolutions-IAM5[Resource::*]', wildcardResourceFinding(this, securityGroups)],
      'Describe calls have no resource-level permissions. Revoking is allowed on security groups of this account and region because department VPCs are created later by other stacks; the function only revokes rules (it can never open one), and only of groups named default.',
    );

    this.function = new lambda.Function(this, 'Function', {
      description: 'Network lookups: closes default security groups, finds attachment and firewall endpoint ids',
      runtime: FUNCTION_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      handler: 'index.handler',
      code: lambda.Code.fromInline(LOOKUP_HANDLER_CODE),
      role: this.role,
      memorySize: 256,
      // Attachments and firewall endpoints can take minutes to become available.
      timeout: Duration.minutes(11),
      reservedConcurrentExecutions: 5,
      deadLetterQueue,
      tracing: lambda.Tracing.ACTIVE,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
      systemLogLevelV2: lambda.SystemLogLevel.WARN,
      logGroup,
    });
    logGroup.grantWrite(this.role);
    acknowledge(
      this.function,
      [
        'NIST.800.53.R5-LambdaInsideVPC',
        'HIPAA.Security-LambdaInsideVPC',
        'PCI.DSS.321-LambdaInsideVPC',
        'ControlTower::CT.LAMBDA.PR.3',
        'CKV_AWS_117',
      ],
      'Deploy-time function invoked only by CloudFormation, calling only the EC2 and Network Firewall control-plane APIs; it wires the hub network, so it cannot sit inside it. Its role is scoped as above and every call is in CloudTrail.',
    );
  }

  /** The service token custom resources use. */
  get serviceToken(): string {
    return this.function.functionArn;
  }
}
