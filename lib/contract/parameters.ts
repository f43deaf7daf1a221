import type { DepartmentRole } from './roles';

declare const parameterName: unique symbol;

/**
 * The name of an SSM parameter through which one stack shares a long-lived value with others.
 * Only `PlatformParameters` makes one, so a stack cannot publish or read a name this contract
 * does not define, and a rename here moves publisher and readers together.
 */
export type ParameterName = string & { readonly [parameterName]: true };

/** Items published under `/<prefix>/departments/<code>/`, by what they hold. */
const DEPARTMENT_ITEMS = {
  keyArn: 'key-arn',
  dataBucketName: 'data-bucket-name',
  logGroupName: 'log-group-name',
  classification: 'classification',
  apiKeyId: 'api-key-id',
  vpcId: 'vpc-id',
  appSubnet: (index: number) => `app-subnet-${index}`,
  roleArn: (role: DepartmentRole) => `role-${role}-arn`,
} as const;

/**
 * What the platform publishes for one department: the department stack writes them, the
 * platform catalogue and the department's handbook name them.
 */
export interface DepartmentParameters {
  /** The path every one of them is under, like `/gcp/departments/td`. */
  readonly path: string;
  readonly keyArn: ParameterName;
  readonly dataBucketName: ParameterName;
  readonly logGroupName: ParameterName;
  readonly classification: ParameterName;
  /** Published only for a department entitled to at least one service. */
  readonly apiKeyId: ParameterName;
  readonly vpcId: ParameterName;
  /** The app subnet in the `index`-th availability zone of the platform. */
  appSubnet(index: number): ParameterName;
  roleArn(role: DepartmentRole): ParameterName;
}

/**
 * Names of the SSM parameters through which stacks share long-lived values, so stacks deploy
 * and update independently: the producing stack publishes them, consumers (other stacks,
 * department handbooks, the platform catalogue) read them. No CDK import: the catalogue and
 * Lambda code may use the names; `ssm.ts` publishes and reads them in a stack.
 */
export class PlatformParameters {
  constructor(private readonly prefix: string) {}

  private name(...parts: string[]): ParameterName {
    return `/${this.prefix}/${parts.join('/')}` as ParameterName;
  }

  get logArchiveBucketName(): ParameterName {
    return this.name('security', 'log-archive-bucket-name');
  }

  get accessLogsBucketName(): ParameterName {
    return this.name('security', 'access-logs-bucket-name');
  }

  get logArchiveKeyArn(): ParameterName {
    return this.name('security', 'log-archive-key-arn');
  }

  get alarmTopicArn(): ParameterName {
    return this.name('security', 'alarm-topic-arn');
  }

  get trailLogGroupName(): ParameterName {
    return this.name('security', 'trail-log-group-name');
  }

  userPoolArn(audience: 'citizen' | 'staff'): ParameterName {
    return this.name('identity', `${audience}-pool-arn`);
  }

  /** The `iss` claim of the pool's tokens. */
  userPoolIssuer(audience: 'citizen' | 'staff'): ParameterName {
    return this.name('identity', `${audience}-pool-issuer`);
  }

  /** The base URL of the pool's managed login (its OpenID Connect endpoints are Cognito's, under the issuer). */
  loginUrl(audience: 'citizen' | 'staff'): ParameterName {
    return this.name('identity', `${audience}-login-url`);
  }

  /** The queue the citizen pool's trigger reports sign-ins on, which the identity service records. */
  get signInQueueArn(): ParameterName {
    return this.name('identity', 'sign-in-queue-arn');
  }

  /** The key encrypting that queue. */
  get signInKeyArn(): ParameterName {
    return this.name('identity', 'sign-in-key-arn');
  }

  /** The app client id of a relying party, which it signs people in with. */
  relyingPartyClientId(name: string): ParameterName {
    return this.name('identity', 'clients', name, 'client-id');
  }

  /** The REST API id of a shared service, for usage plans of departments. */
  serviceApiId(service: string): ParameterName {
    return this.name('services', service, 'api-id');
  }

  serviceApiUrl(service: string): ParameterName {
    return this.name('services', service, 'api-url');
  }

  /** Certificate of `*.<platform.domain>`, for the services' hosts. */
  get servicesCertificateArn(): ParameterName {
    return this.name('services', 'certificate-arn');
  }

  /** Key encrypting the network's log groups and queues. */
  get networkKeyArn(): ParameterName {
    return this.name('network', 'key-arn');
  }

  get transitGatewayId(): ParameterName {
    return this.name('network', 'transit-gateway-id');
  }

  /** The Transit Gateway route table of a segment, like `departments` or `on-premises`. */
  transitGatewayRouteTableId(segment: string): ParameterName {
    return this.name('network', 'route-tables', segment);
  }

  /** Service token of the network's deploy-time lookups (default security groups, attachments, firewall endpoints). */
  get networkLookupServiceToken(): ParameterName {
    return this.name('network', 'lookup-service-token');
  }

  /** Route 53 Profile carrying the endpoint zones, forwarding rules and DNS Firewall to every VPC. */
  get dnsProfileId(): ParameterName {
    return this.name('network', 'dns-profile-id');
  }

  get resolverQueryLogConfigId(): ParameterName {
    return this.name('network', 'resolver-query-log-config-id');
  }

  get sharedServicesVpcId(): ParameterName {
    return this.name('network', 'shared-services', 'vpc-id');
  }

  /** The shared-services subnet in one availability zone. */
  sharedServicesSubnetId(availabilityZone: string): ParameterName {
    return this.name('network', 'shared-services', 'subnets', availabilityZone);
  }

  /** The route table of the shared-services subnet in one availability zone. */
  sharedServicesRouteTableId(availabilityZone: string): ParameterName {
    return this.name('network', 'shared-services', 'route-tables', availabilityZone);
  }

  /** Security group letting service functions reach the endpoints, the data centre and, through inspection, the internet. */
  get sharedServicesFunctionSecurityGroupId(): ParameterName {
    return this.name('network', 'shared-services', 'function-security-group-id');
  }

  /** The id of one of the platform's shared interface endpoints, like `execute-api`. */
  interfaceEndpointId(service: string): ParameterName {
    return this.name('network', 'endpoints', service, 'id');
  }

  /** What is provisioned for one department, like its key or bucket. */
  /** Every department's API key id, as an IAM resource pattern of parameter names. */
  get departmentApiKeyIds(): string {
    return `/${this.prefix}/departments/*/${DEPARTMENT_ITEMS.apiKeyId}`;
  }

  department(code: string): DepartmentParameters {
    const base = ['departments', code.toLowerCase()];
    const item = (name: string) => this.name(...base, name);
    return {
      path: `/${[this.prefix, ...base].join('/')}`,
      keyArn: item(DEPARTMENT_ITEMS.keyArn),
      dataBucketName: item(DEPARTMENT_ITEMS.dataBucketName),
      logGroupName: item(DEPARTMENT_ITEMS.logGroupName),
      classification: item(DEPARTMENT_ITEMS.classification),
      apiKeyId: item(DEPARTMENT_ITEMS.apiKeyId),
      vpcId: item(DEPARTMENT_ITEMS.vpcId),
      appSubnet: (index) => item(DEPARTMENT_ITEMS.appSubnet(index)),
      roleArn: (role) => item(DEPARTMENT_ITEMS.roleArn(role)),
    };
  }
}
