/**
 * Names of the SSM parameters through which stacks share long-lived values. Written once here:
 * the producing stack writes them, consumers (other stacks, department handbooks, the platform
 * catalogue API) read them, so stacks deploy and update independently.
 */
export class ParameterNames {
  constructor(private readonly prefix: string) {}

  private name(...parts: string[]): string {
    return `/${this.prefix}/${parts.join('/')}`;
  }

  get logArchiveBucketName(): string {
    return this.name('security', 'log-archive-bucket-name');
  }

  get accessLogsBucketName(): string {
    return this.name('security', 'access-logs-bucket-name');
  }

  get logArchiveKeyArn(): string {
    return this.name('security', 'log-archive-key-arn');
  }

  get alarmTopicArn(): string {
    return this.name('security', 'alarm-topic-arn');
  }

  get trailLogGroupName(): string {
    return this.name('security', 'trail-log-group-name');
  }

  userPoolArn(audience: 'citizen' | 'staff'): string {
    return this.name('identity', `${audience}-pool-arn`);
  }

  /** The `iss` claim of the pool's tokens. */
  userPoolIssuer(audience: 'citizen' | 'staff'): string {
    return this.name('identity', `${audience}-pool-issuer`);
  }

  /** The REST API id of a shared service, for usage plans of departments. */
  serviceApiId(service: string): string {
    return this.name('services', service, 'api-id');
  }

  serviceApiUrl(service: string): string {
    return this.name('services', service, 'api-url');
  }

  /** Key encrypting the network's log groups and queues. */
  get networkKeyArn(): string {
    return this.name('network', 'key-arn');
  }

  get transitGatewayId(): string {
    return this.name('network', 'transit-gateway-id');
  }

  /** The Transit Gateway route table of a segment, like `departments` or `on-premises`. */
  transitGatewayRouteTableId(segment: string): string {
    return this.name('network', 'route-tables', segment);
  }

  /** Service token of the network's deploy-time lookups (default security groups, attachments, firewall endpoints). */
  get networkLookupServiceToken(): string {
    return this.name('network', 'lookup-service-token');
  }

  /** Route 53 Profile carrying the endpoint zones, forwarding rules and DNS Firewall to every VPC. */
  get dnsProfileId(): string {
    return this.name('network', 'dns-profile-id');
  }

  get resolverQueryLogConfigId(): string {
    return this.name('network', 'resolver-query-log-config-id');
  }

  get sharedServicesVpcId(): string {
    return this.name('network', 'shared-services', 'vpc-id');
  }

  /** The shared-services subnet in one availability zone. */
  sharedServicesSubnetId(availabilityZone: string): string {
    return this.name('network', 'shared-services', 'subnets', availabilityZone);
  }

  /** The route table of the shared-services subnet in one availability zone. */
  sharedServicesRouteTableId(availabilityZone: string): string {
    return this.name('network', 'shared-services', 'route-tables', availabilityZone);
  }

  /** Security group letting service functions reach the endpoints, the data centre and, through inspection, the internet. */
  get sharedServicesFunctionSecurityGroupId(): string {
    return this.name('network', 'shared-services', 'function-security-group-id');
  }

  /** The id of one of the platform's shared interface endpoints, like `execute-api`. */
  interfaceEndpointId(service: string): string {
    return this.name('network', 'endpoints', service, 'id');
  }

  /** A value provisioned for one department, like its key or bucket. */
  department(code: string, item: string): string {
    return this.name('departments', code.toLowerCase(), item);
  }
}
