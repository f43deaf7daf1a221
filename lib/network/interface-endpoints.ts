import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as targets from 'aws-cdk-lib/aws-route53-targets';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { Construct } from 'constructs';

/**
 * The public DNS name of a service's regional endpoint: `ecr.api` in ap-east-1 answers at
 * `api.ecr.ap-east-1.amazonaws.com`.
 */
export function endpointDnsName(service: string, region: string, domainSuffix = 'amazonaws.com'): string {
  return [...service.split('.').reverse(), region, domainSuffix].join('.');
}

/** A service name as a construct id: `ecr.api` → `EcrApi`. */
function serviceId(service: string): string {
  return service
    .split(/[.-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

export interface SharedInterfaceEndpointsProps {
  readonly vpc: ec2.IVpc;
  readonly subnets: ec2.SubnetSelection;
  /** Service names, like `sts` or `ecr.api`. */
  readonly services: readonly string[];
  /** Ranges allowed to reach the endpoints on HTTPS. */
  readonly clientCidrs: readonly string[];
}

/**
 * Interface endpoints shared by every VPC of the platform. Each endpoint's own private DNS is off;
 * instead a private hosted zone named after the service's public endpoint (and its subdomains)
 * points to it, and the zones are handed to the other VPCs through the platform's Route 53
 * Profile, so one endpoint per service serves the whole platform.
 */
export class SharedInterfaceEndpoints extends Construct {
  public readonly securityGroup: ec2.SecurityGroup;
  public readonly endpoints: Readonly<Record<string, ec2.InterfaceVpcEndpoint>> = {};
  public readonly zones: Readonly<Record<string, route53.PrivateHostedZone>> = {};

  constructor(scope: Construct, id: string, props: SharedInterfaceEndpointsProps) {
    super(scope, id);
    const region = Stack.of(this).region;
    const domainSuffix = RegionInfo.get(region).domainSuffix ?? 'amazonaws.com';

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'Interface endpoints shared by the platform: HTTPS from the platform and the data centre',
      allowAllOutbound: false,
    });
    for (const cidr of props.clientCidrs) {
      this.securityGroup.addIngressRule(ec2.Peer.ipv4(cidr), ec2.Port.tcp(443), `HTTPS from ${cidr}`);
    }

    const endpoints: Record<string, ec2.InterfaceVpcEndpoint> = {};
    const zones: Record<string, route53.PrivateHostedZone> = {};
    for (const service of props.services) {
      const sid = serviceId(service);
      const endpoint = new ec2.InterfaceVpcEndpoint(this, sid, {
        vpc: props.vpc,
        service: new ec2.InterfaceVpcEndpointAwsService(service),
        privateDnsEnabled: false,
        subnets: props.subnets,
        securityGroups: [this.securityGroup],
        open: false,
      });
      const zone = new route53.PrivateHostedZone(this, `${sid}Zone`, {
        zoneName: endpointDnsName(service, region, domainSuffix),
        vpc: props.vpc,
        comment: `Sends ${service} requests of every platform VPC to the shared interface endpoint`,
      });
      const target = route53.RecordTarget.fromAlias(new targets.InterfaceVpcEndpointTarget(endpoint));
      new route53.ARecord(zone, 'Endpoint', { zone, target });
      // Some services answer on subdomains too, like <account>.dkr.ecr for registries.
      new route53.ARecord(zone, 'Subdomains', { zone, recordName: '*', target });
      endpoints[service] = endpoint;
      zones[service] = zone;
    }
    this.endpoints = endpoints;
    this.zones = zones;
  }
}
