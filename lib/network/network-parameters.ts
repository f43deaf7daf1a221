import { Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { ParameterNames } from '../parameter-names';
import { ssmValue } from '../ssm-values';
import { type Segment, segmentSlug } from './segments';

/**
 * The hub's shared values as seen from another stack: each is read from its SSM parameter when
 * the stack deploys, so the network stacks and the department stacks deploy independently.
 * Reads are shared per stack, so many spokes in one stack add each parameter once.
 */
export class NetworkParameters {
  public readonly names: ParameterNames;

  constructor(
    private readonly scope: Construct,
    prefix: string,
  ) {
    this.names = new ParameterNames(prefix);
  }

  /** The value of the SSM parameter `name`, resolved at deployment. */
  read(name: string): string {
    return ssm.StringParameter.valueForStringParameter(this.scope, name);
  }

  get transitGatewayId(): string {
    return this.read(this.names.transitGatewayId);
  }

  routeTableId(segment: Segment): string {
    return this.read(this.names.transitGatewayRouteTableId(segmentSlug(segment)));
  }

  get lookupServiceToken(): string {
    return this.read(this.names.networkLookupServiceToken);
  }

  get dnsProfileId(): string {
    return this.read(this.names.dnsProfileId);
  }

  get queryLogConfigId(): string {
    return this.read(this.names.resolverQueryLogConfigId);
  }

  /** The log archive bucket of the security baseline. */
  get logArchiveBucket(): s3.IBucket {
    return this.imported('ImportedLogArchiveBucket', () =>
      s3.Bucket.fromBucketName(Stack.of(this.scope), 'ImportedLogArchiveBucket', ssmValue(this.scope, this.names.logArchiveBucketName)),
    );
  }

  /** The key of the network's log groups and queues. */
  get networkKey(): kms.IKey {
    return this.imported('ImportedNetworkKey', () =>
      kms.Key.fromKeyArn(Stack.of(this.scope), 'ImportedNetworkKey', ssmValue(this.scope, this.names.networkKeyArn)),
    );
  }

  private imported<T>(id: string, create: () => T): T {
    return (Stack.of(this.scope).node.tryFindChild(id) as T | undefined) ?? create();
  }
}

/** Publishes `value` as the SSM parameter `name`. */
export function publishParameter(scope: Construct, id: string, name: string, value: string, description?: string): ssm.StringParameter {
  return new ssm.StringParameter(scope, id, { parameterName: name, stringValue: value, description });
}

/** A namespace construct holding a stack's published parameters. */
export class PublishedParameters extends Construct {
  publish(id: string, name: string, value: string, description?: string): ssm.StringParameter {
    return publishParameter(this, id, name, value, description);
  }
}
