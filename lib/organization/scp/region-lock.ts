import { type ScpDocument, scp } from './document';

/**
 * Actions of global services, or the global parts of regional ones, that are called in (or
 * through) us-east-1 whatever region a workload runs in. The region lock lets them through;
 * nothing in this list stores government data outside the permitted regions.
 */
export const GLOBAL_SERVICE_ACTIONS = [
  'account:*', // account settings and alternate contacts
  'acm:*', // certificates for CloudFront are issued in us-east-1
  'aws-marketplace:*',
  'aws-portal:*', // billing console (older actions)
  'billing:*',
  'budgets:*', // AWS Budgets is homed in us-east-1
  'ce:*', // Cost Explorer
  'cloudfront:*', // the open data files' distribution
  'cur:*', // cost and usage reports
  'directconnect:*', // Direct Connect gateways are global
  'ec2:DescribeRegions', // every SDK and the CDK CLI list the regions
  'ec2:DescribeTransitGateways',
  'ec2:DescribeVpnGateways',
  'fms:*',
  'globalaccelerator:*',
  'health:*', // AWS Health's global endpoint
  'iam:*', // IAM is global; the platform roles' own guardrail protects them
  'networkmanager:*', // Cloud WAN and the global network are homed in us-west-2
  'organizations:*', // Organizations is global; leaving it has its own guardrail
  'pricing:*',
  'route53:*', // public and private hosted zones are global
  'route53domains:*',
  's3:GetAccountPublicAccessBlock', // account-level settings are read through us-east-1
  's3:ListAllMyBuckets',
  'shield:*',
  'sso:*', // IAM Identity Center's assignments
  'sts:*', // the global STS endpoint
  'support:*',
  'trustedadvisor:*',
  'waf:*', // classic WAF for CloudFront
  'wafv2:*', // web ACLs for CloudFront live in us-east-1
] as const;

export interface RegionLockProps {
  readonly region: string;
  /** @default - none: only `region` */
  readonly permittedSecondaryRegion?: string;
}

/**
 * Data residency as a guardrail: any call to a region other than the platform's own (and its
 * permitted secondary region) is denied, except the global services above. KMS and Config are
 * deliberately not excepted: both are regional and hold keys and records.
 */
export function regionLock(props: RegionLockProps): ScpDocument {
  const regions = [props.region, ...(props.permittedSecondaryRegion ? [props.permittedSecondaryRegion] : [])];
  return scp({
    Sid: 'DenyOutsidePermittedRegions',
    Effect: 'Deny',
    NotAction: GLOBAL_SERVICE_ACTIONS,
    Resource: '*',
    Condition: { StringNotEquals: { 'aws:RequestedRegion': regions } },
  });
}
