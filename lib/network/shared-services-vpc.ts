import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Construct } from 'constructs';
import { acknowledge } from '../compliance/acknowledge';
import type { PlatformConfig } from '../config/schema';
import { readParameter } from '../contract/ssm';
import { NetworkParameters } from './network-parameters';

const VPC_ID = 'SharedServicesVpc';
const SECURITY_GROUP_ID = 'SharedServicesFunctionSecurityGroup';

/**
 * The shared-services VPC, for a stack whose functions run in it. Its ids are read from the SSM
 * parameters the network publishes, resolved when the stack deploys; the list of subnets has
 * one entry per configured availability zone, so it is known at synth. The stack must deploy
 * after the network (`stack.addDependency`). Calling it again in the same stack returns the
 * same VPC.
 */
export function importSharedServicesVpc(scope: Construct, config: PlatformConfig): ec2.IVpc {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild(VPC_ID) as ec2.IVpc | undefined;
  if (existing) return existing;
  const network = new NetworkParameters(stack, config.platform.prefix);
  const zones = config.platform.availabilityZones;
  const vpc = ec2.Vpc.fromVpcAttributes(stack, VPC_ID, {
    vpcId: readParameter(stack, network.names.sharedServicesVpcId),
    vpcCidrBlock: config.network.hub.sharedServices,
    availabilityZones: zones,
    privateSubnetIds: zones.map((az) => readParameter(stack, network.names.sharedServicesSubnetId(az))),
  });
  // Importing the route tables would declare stack parameters nothing references, which the
  // template linter flags; a consumer only places functions in the subnets.
  for (const subnet of vpc.privateSubnets) {
    acknowledge(
      subnet,
      'Annotation::@aws-cdk/aws-ec2:noSubnetRouteTableId',
      'Functions are only placed in these subnets; their routes belong to the network stacks and nothing here reads them.',
    );
  }
  return vpc;
}

/**
 * The security group service functions use in the shared-services VPC: HTTPS out to the
 * interface endpoints, the data centre and, through inspection, the internet; nothing in.
 */
export function importServiceFunctionSecurityGroup(scope: Construct, config: PlatformConfig): ec2.ISecurityGroup {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild(SECURITY_GROUP_ID) as ec2.ISecurityGroup | undefined;
  if (existing) return existing;
  const network = new NetworkParameters(stack, config.platform.prefix);
  return ec2.SecurityGroup.fromSecurityGroupId(
    stack,
    SECURITY_GROUP_ID,
    readParameter(stack, network.names.sharedServicesFunctionSecurityGroupId),
    {
      allowAllOutbound: false,
      mutable: false,
    },
  );
}
