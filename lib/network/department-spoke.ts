import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import type { DepartmentConfig, PlatformConfig } from '../config/schema';
import { publishParameter } from '../contract/ssm';
import { NetworkParameters } from './network-parameters';
import { SPOKE_PROPAGATIONS } from './segments';
import { SpokeVpc } from './spoke-vpc';

export interface DepartmentSpokeProps {
  readonly config: PlatformConfig;
  readonly department: DepartmentConfig;
  /**
   * Publish the VPC id and one app subnet per zone as the department's SSM parameters
   * (`vpc-id`, `app-subnet-<i>`), as the platform catalogue lists them.
   * @default true
   */
  readonly publishParameters?: boolean;
}

/**
 * A department's network: a spoke VPC in the department's block with an app and a data tier
 * across the platform's zones, attached to the Transit Gateway in the `departments` segment and
 * propagated to inspection, endpoints and the data centre.
 *
 * Cheap enough for one per department: everything it needs from the hub is read from SSM
 * parameters when the stack deploys, its default security group is closed by the hub's shared
 * function, and it adds no function of its own. The stack holding it must deploy after the
 * network stacks (`stack.addDependency`), since it reads what they publish.
 */
export class DepartmentSpoke extends Construct {
  public readonly spoke: SpokeVpc;

  constructor(scope: Construct, id: string, props: DepartmentSpokeProps) {
    super(scope, id);
    const { config, department } = props;
    const network = new NetworkParameters(this, config.platform.prefix);
    this.spoke = new SpokeVpc(this, 'Spoke', {
      name: `${config.platform.prefix}-${department.code.toLowerCase()}`,
      cidr: department.cidr,
      availabilityZones: config.platform.availabilityZones,
      dataTier: true,
      network,
      association: 'departments',
      propagations: SPOKE_PROPAGATIONS,
      platformCidr: config.platform.cidr,
      onPremisesRanges: config.onPremises.ranges,
    });

    if (props.publishParameters ?? true) {
      const published = network.names.department(department.code);
      publishParameter(this, 'VpcIdParameter', published.vpcId, this.vpc.vpcId);
      for (const [i, subnet] of this.spoke.appSubnets.entries()) {
        publishParameter(this, `AppSubnet${i}Parameter`, published.appSubnet(i), subnet.subnetId);
      }
    }
  }

  get vpc(): ec2.Vpc {
    return this.spoke.vpc;
  }

  get appSubnets(): ec2.ISubnet[] {
    return this.spoke.appSubnets;
  }

  get dataSubnets(): ec2.ISubnet[] {
    return this.spoke.dataSubnets;
  }
}
