import { Stack } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { PlatformConfig } from '../config/schema';
import { EgressStack } from './egress-stack';
import { EndpointsStack } from './endpoints-stack';
import { HybridStack } from './hybrid-stack';
import { InspectionStack } from './inspection-stack';
import { allowNetworkLogDelivery } from './log-delivery';
import { NetworkHubStack } from './network-hub-stack';
import { SharedServicesNetworkStack } from './shared-services-stack';

/** The network's stacks, in deployment order. */
export interface NetworkStacks {
  readonly hub: NetworkHubStack;
  readonly inspection: InspectionStack;
  readonly egress: EgressStack;
  readonly endpoints: EndpointsStack;
  readonly sharedServices: SharedServicesNetworkStack;
  readonly hybrid: HybridStack;
}

export interface BuildNetworkProps {
  readonly config: PlatformConfig;
  /**
   * The security baseline's log archive. The network reads its name from SSM; here it is only
   * granted to log delivery, and its stack is deployed first.
   */
  readonly logArchive: { readonly bucket: s3.IBucket; readonly key: kms.IKey };
}

/**
 * The data-centre network of the platform, split by concern so that each stack stays small and
 * deploys on its own. The stacks share values only through SSM parameters; the dependencies
 * declared here only order deployment: the hub first, then the VPCs that plug into it.
 */
export function buildNetwork(scope: Construct, props: BuildNetworkProps): NetworkStacks {
  const { config } = props;
  // In organization mode every network stack deploys to the network account.
  const home = 'network';
  const hub = new NetworkHubStack(scope, 'NetworkHub', { config, home });
  const inspection = new InspectionStack(scope, 'NetworkInspection', { config, home });
  const egress = new EgressStack(scope, 'NetworkEgress', { config, home });
  const endpoints = new EndpointsStack(scope, 'NetworkEndpoints', { config, home });
  const sharedServices = new SharedServicesNetworkStack(scope, 'NetworkSharedServices', { config, home });
  const hybrid = new HybridStack(scope, 'NetworkHybrid', { config, home });

  allowNetworkLogDelivery(props.logArchive.bucket, props.logArchive.key);
  hub.addStackDependency(Stack.of(props.logArchive.bucket));
  for (const stack of [inspection, egress, endpoints, hybrid]) stack.addStackDependency(hub);
  // Shared services read the DNS profile and query logging the endpoints stack publishes.
  sharedServices.addStackDependency(endpoints);
  return { hub, inspection, egress, endpoints, sharedServices, hybrid };
}

/** Every network stack, for a stack that deploys after all of them (a service's). */
export function networkStackList(stacks: NetworkStacks): Stack[] {
  return [stacks.hub, stacks.inspection, stacks.egress, stacks.endpoints, stacks.sharedServices, stacks.hybrid];
}
