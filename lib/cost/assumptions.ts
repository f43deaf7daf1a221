/**
 * The volumes an estimate assumes where a price is per unit of use rather than per hour. Each is
 * written beside the line it prices, so a reader can scale the figure to their own traffic.
 */
export interface UsageAssumptions {
  /** Hours in a month of always-on resources: 365 × 24 / 12. */
  readonly hoursPerMonth: number;
  /** GB a month through each NAT gateway. */
  readonly natGbPerGateway: number;
  /** GB a month through each Network Firewall endpoint. */
  readonly firewallGbPerEndpoint: number;
  /** GB a month each VPC sends through its Transit Gateway attachment. */
  readonly transitGbPerAttachment: number;
  /** GB a month through each interface endpoint. */
  readonly interfaceEndpointGb: number;
  /** GB a month of log events ingested into each log group. */
  readonly logGbPerGroup: number;
  /** GB a month each VPC flow log delivers. */
  readonly flowLogGbPerLog: number;
  /** Configuration items AWS Config records a month. */
  readonly configItemsPerMonth: number;
  /** Evaluations of each Config rule a month. */
  readonly evaluationsPerRule: number;
  /** CloudTrail management events a month GuardDuty analyses, in millions. */
  readonly guardDutyManagementEventsMillions: number;
  /** GB a month of VPC flow and DNS logs GuardDuty analyses. */
  readonly guardDutyLogGb: number;
  /** Security checks of each Security Hub standard a month. */
  readonly securityChecksPerStandard: number;
  /** S3 buckets Macie monitors and objects it samples a month. */
  readonly macieBuckets: number;
  readonly macieObjectsHundredThousands: number;
  /** DNS queries a month past DNS Firewall, in millions. */
  readonly dnsQueriesMillions: number;
  /** Requests a month each web ACL inspects, in millions. */
  readonly wafRequestsMillions: number;
  /** Monthly active users of each user pool. */
  readonly monthlyActiveUsers: number;
  /** GB of warm backups kept of each resource a backup plan selects. */
  readonly backupGbPerSelection: number;
  /** CloudTrail data events a month, in hundreds of thousands, of a trail that records them. */
  readonly dataEventsHundredThousands: number;
  /** IAM roles an unused-access analyzer watches. */
  readonly analyzedRoles: number;
  /** Duration of one function invocation in ms, for the usage table. */
  readonly lambdaMilliseconds: number;
}

export const DEFAULT_ASSUMPTIONS: UsageAssumptions = {
  hoursPerMonth: 730,
  natGbPerGateway: 100,
  firewallGbPerEndpoint: 200,
  transitGbPerAttachment: 50,
  interfaceEndpointGb: 10,
  logGbPerGroup: 1,
  flowLogGbPerLog: 5,
  configItemsPerMonth: 20_000,
  evaluationsPerRule: 1_000,
  guardDutyManagementEventsMillions: 1,
  guardDutyLogGb: 50,
  securityChecksPerStandard: 5_000,
  macieBuckets: 20,
  macieObjectsHundredThousands: 10,
  dnsQueriesMillions: 10,
  wafRequestsMillions: 5,
  monthlyActiveUsers: 50_000,
  backupGbPerSelection: 5,
  dataEventsHundredThousands: 10,
  analyzedRoles: 50,
  lambdaMilliseconds: 200,
};
