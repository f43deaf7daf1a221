import { Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { type ParameterName, PlatformParameters } from '../contract/parameters';
import { publishParameter, readParameter } from '../contract/ssm';
import { type Segment, segmentSlug } from './segments';

/**
 * The hub's shared values as seen from another stack: each is read from its SSM parameter when
 * the stack deploys, so the network stacks and the department stacks deploy independently.
 * Reads are shared per stack, so many spokes in one stack add each parameter once.
 */
export class NetworkParameters {
  public readonly names: PlatformParameters;

  constructor(
    private readonly scope: Construct,
    prefix: string,
  ) {
    this.names = new PlatformParameters(prefix);
  }

  get transitGatewayId(): string {
    return readParameter(this.scope, this.names.transitGatewayId);
  }

  routeTableId(segment: Segment): string {
    return readParameter(this.scope, this.names.transitGatewayRouteTableId(segmentSlug(segment)));
  }

  get lookupServiceToken(): string {
    return readParameter(this.scope, this.names.networkLookupServiceToken);
  }

  get dnsProfileId(): string {
    return readParameter(this.scope, this.names.dnsProfileId);
  }

  get queryLogConfigId(): string {
    return readParameter(this.scope, this.names.resolverQueryLogConfigId);
  }

  /** The log archive bucket of the security baseline. */
  get logArchiveBucket(): s3.IBucket {
    return this.imported('ImportedLogArchiveBucket', () =>
      s3.Bucket.fromBucketName(
        Stack.of(this.scope),
        'ImportedLogArchiveBucket',
        readParameter(this.scope, this.names.logArchiveBucketName),
      ),
    );
  }

  /** The key of the network's log groups and queues. */
  get networkKey(): kms.IKey {
    return this.imported('ImportedNetworkKey', () =>
      kms.Key.fromKeyArn(Stack.of(this.scope), 'ImportedNetworkKey', readParameter(this.scope, this.names.networkKeyArn)),
    );
  }

  private imported<T>(id: string, create: () => T): T {
    return (Stack.of(this.scope).node.tryFindChild(id) as T | undefined) ?? create();
  }
}

/** A namespace construct holding a stack's published parameters. */
export class PublishedParameters extends Construct {
  publish(id: string, name: ParameterName, value: string, description?: string): ssm.StringParameter {
    return publishParameter(this, id, name, value, description);
  }
}
