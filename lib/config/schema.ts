import * as z from 'zod';
import { exchangeSettingsSchema } from '../../lambda/exchange/domain/settings';
import { procurementSettingsSchema } from '../../lambda/procurement/domain/settings';
import { CLASSIFICATION_LEVELS } from './classification';
import { identitySchema } from './identity-schema';
import { SERVICE_NAMES } from './services';

/** Retention periods CloudWatch Logs accepts, in days. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/** Finding severities from which an incident is opened, lowest first. */
export const INCIDENT_SEVERITY_THRESHOLDS = ['low', 'medium', 'high', 'critical'] as const;

const cidr = z.string().regex(/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/, 'write an IPv4 CIDR block like 10.64.0.0/12');
const ipv4 = z.ipv4({ message: 'write an IPv4 address like 10.1.0.10' });
const classification = z.enum(CLASSIFICATION_LEVELS);
const serviceName = z.string().min(1);
const dnsDomain = z
  .string()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'write a lower-case DNS domain like gdc.gov.hk');

/**
 * A 12-digit AWS account id. YAML reads an unquoted id as a number, which loses a leading zero,
 * so a number is taken as its digits and then checked like a string.
 */
const accountId = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : v),
  z.string().regex(/^\d{12}$/, 'write the 12-digit account id in quotes, like "111122223333" (a leading zero is kept only in quotes)'),
);
const accountEmail = z.email({ message: 'write the e-mail address of the account root user, like aws-td@example.gov.hk' });

/**
 * An account of the organization: an existing one by `account` id, or one the Organization stack
 * creates with `accountEmail`. Both: an account the Organization stack created (or imports), whose
 * id is known.
 */
export const accountSchema = z.strictObject({
  account: accountId.optional(),
  accountEmail: accountEmail.optional(),
});

const bilingualName = z.strictObject({
  en: z.string().min(3).max(120),
  zh: z.string().min(2).max(60),
});

export const departmentSchema = z.strictObject({
  /** Short upper-case code, used in names, tags and SSM paths. */
  code: z.string().regex(/^[A-Z][A-Z0-9]{1,7}$/, 'use 2 to 8 upper-case letters or digits, starting with a letter, like OGCIO'),
  name: bilingualName,
  costCentre: z.string().regex(/^[A-Z0-9-]{2,20}$/, 'use 2 to 20 upper-case letters, digits or hyphens, like CC-1001'),
  classification,
  /** The department's network block inside the platform range. */
  cidr,
  /** Shared services the department may call. */
  services: z.array(serviceName).default([]),
  /** Monthly budget in US dollars; alerts at 80% and 100%. */
  monthlyBudgetUsd: z.number().positive().max(10_000_000).default(1000),
  /** Organization mode: the department's own account, an existing one by id. */
  account: accountId.optional(),
  /** Organization mode: the e-mail the Organization stack creates the department's account with. */
  accountEmail: accountEmail.optional(),
});

/** How the platform is laid over AWS accounts. */
export const TENANCIES = ['single-account', 'organization'] as const;

/** Organization mode: the management account, the root, and the platform's own accounts. */
export const organizationSchema = z.strictObject({
  /** The organization's management account, where the Organization and Budgets stacks deploy. */
  managementAccount: accountId,
  /**
   * The root of an existing organization, like `r-ab12`.
   * @default - none: the Organization stack creates the organization (with all features)
   */
  rootId: z
    .string()
    .regex(/^r-[0-9a-z]{4,32}$/, 'write the id of the organization root, like r-ab12')
    .optional(),
  accounts: z.strictObject({
    /** Security OU: the log archive, the audit trail and the security baseline stack. */
    logArchive: accountSchema,
    /** Security OU: reserved for the security services' delegated administration. */
    audit: accountSchema,
    /** Infrastructure OU: the network stacks. */
    network: accountSchema,
    /** Infrastructure OU: the shared services and every service stack. */
    sharedServices: accountSchema,
    /**
     * Infrastructure OU: the delivery pipeline.
     * @default - the shared-services account
     */
    deployment: accountSchema.optional(),
  }),
});

/** How traffic between two departments is treated; it never flows directly. */
export const SPOKE_TO_SPOKE_MODES = ['deny', 'inspect'] as const;

/** Interface endpoints every platform VPC reaches through the central endpoints VPC. */
export const STANDARD_INTERFACE_ENDPOINTS = ['sts', 'kms', 'logs', 'ssm', 'secretsmanager', 'ecr.api', 'ecr.dkr'] as const;

/** An autonomous system number for BGP. */
const asn = z.number().int().min(1).max(4_294_967_294);
/** A domain for the firewalls: `example.gov.hk` alone, or `.example.gov.hk` with its subdomains. */
const firewallDomain = z
  .string()
  .regex(
    /^\.?(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    'write a lower-case domain like example.gov.hk, or .example.gov.hk for it and every subdomain',
  );

export const networkSchema = z.strictObject({
  /** Blocks of the hub VPCs, inside `platform.cidr`; departments take their blocks from the rest. */
  hub: z.strictObject({
    inspection: cidr,
    egress: cidr,
    endpoints: cidr,
    sharedServices: cidr,
  }),
  /** Private ASN of the Transit Gateway's side of BGP sessions. */
  transitGatewayAsn: asn.default(64512),
  /** `deny` drops department-to-department traffic at the Transit Gateway; `inspect` sends it through the firewall. */
  spokeToSpoke: z.enum(SPOKE_TO_SPOKE_MODES).default('deny'),
  egress: z
    .strictObject({
      /** Internet domains the platform may reach (TLS SNI or HTTP Host); everything else is dropped. */
      allowedDomains: z.array(firewallDomain).max(400).default([]),
      /** Domains nothing may reach or resolve; checked before the allowlist, and by DNS Firewall. */
      blockedDomains: z.array(firewallDomain).max(400).default([]),
    })
    .prefault({}),
  /** Interface endpoints beyond the standard set, by service name like `sqs` or `ecr.api`. */
  interfaceEndpoints: z
    .array(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)?$/, 'write an endpoint service name like sqs or ecr.api'))
    .default([]),
  /** Site-to-Site VPN to the data centre, two tunnels on the Transit Gateway, routes over BGP. */
  vpn: z.strictObject({
    /** Public IPv4 address of the data centre's VPN device. */
    customerGatewayIp: ipv4,
    /** BGP ASN of the data centre's VPN device. */
    bgpAsn: asn,
  }),
  /** Direct Connect gateway to associate with the Transit Gateway; it then carries on-premises traffic, the VPN is the backup. */
  directConnectGatewayId: z
    .string()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'write the Direct Connect gateway id, a UUID')
    .optional(),
});

/** Where the delivery pipeline takes the repository from. */
const deliverySourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('codeconnections'),
    /** A CodeConnections (CodeStar Connections) connection to the Git host, made once in the console. */
    connectionArn: z
      .string()
      .regex(
        /^arn:aws[a-z-]*:(codeconnections|codestar-connections):[a-z0-9-]+:\d{12}:connection\/[0-9a-f-]{36}$/,
        'write a CodeConnections connection ARN like arn:aws:codeconnections:ap-east-1:111122223333:connection/<uuid>',
      ),
    /** `owner/name` on the Git host. */
    repository: z.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'write the repository as owner/name'),
    branch: z.string().min(1).default('main'),
  }),
  z.strictObject({
    kind: z.literal('codecommit'),
    repository: z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'write the CodeCommit repository name'),
    branch: z.string().min(1).default('main'),
  }),
  z.strictObject({
    kind: z.literal('s3'),
    /** A versioned bucket holding a zip of the repository. */
    bucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'write an S3 bucket name'),
    key: z.string().min(1).default('egov-platform.zip'),
  }),
]);

export const deliverySchema = z.strictObject({
  /**
   * Build the `<prefix>-Pipeline` stack, which deploys every other stack.
   * @default false - stacks are deployed with `cdk deploy`
   */
  enabled: z.boolean().default(false),
  source: deliverySourceSchema.optional(),
  /** Who approves a deployment to production: an SNS topic ARN, or e-mail addresses subscribed to the pipeline's approval topic. */
  approvers: z
    .strictObject({
      topicArn: z
        .string()
        .regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/, 'write an SNS topic ARN')
        .optional(),
      emails: z.array(z.email({ message: 'write an e-mail address like release-board@example.gov.hk' })).default([]),
    })
    .prefault({}),
  /** Department stacks deployed together; a failing wave stops the next. */
  waveSize: z.number().int().min(1).max(50).default(10),
  /** The CodeBuild image every build runs on, pinned. */
  buildImage: z
    .string()
    .regex(/^aws\/codebuild\/[a-z0-9._/-]+:\d+(\.\d+)*$/, 'write a pinned CodeBuild image like aws/codebuild/standard:7.0')
    .default('aws/codebuild/standard:7.0'),
});

export const platformConfigSchema = z.strictObject({
  platform: z.strictObject({
    name: z.string().min(3).max(80),
    /** Short prefix of stack names, SSM paths and resource names. */
    prefix: z.string().regex(/^[a-z][a-z0-9]{1,9}$/, 'use 2 to 10 lower-case letters or digits, starting with a letter, like gcp'),
    region: z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'write an AWS region code like ap-east-1'),
    availabilityZones: z
      .array(z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d[a-z]$/, 'write an availability zone of the region, like ap-east-1a'))
      .min(2)
      .max(6),
    /** A second region data may be copied to; none means data never leaves `region`. */
    permittedSecondaryRegion: z
      .string()
      .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'write an AWS region code like ap-southeast-1')
      .optional(),
    /**
     * `dev` trades resilience for cost and keeps every security control: one NAT gateway, one
     * firewall endpoint, interface endpoints in one zone, no Macie unless `security.macie` says so.
     */
    profile: z.enum(['production', 'dev']).default('production'),
    /** The address range every VPC of the platform is carved from. */
    cidr,
    /** The highest data classification this cloud may hold. */
    classificationCeiling: classification,
    /**
     * `single-account`: one account, departments kept apart by permissions boundaries and tags;
     * `organization`: AWS Organizations, an account per department (see `organization`).
     */
    tenancy: z.enum(TENANCIES).default('single-account'),
    costCentre: z.string().regex(/^[A-Z0-9-]{2,20}$/, 'use 2 to 20 upper-case letters, digits or hyphens, like CC-1001'),
    /**
     * The DNS domain the public services are served under: each at the root of a host of its own
     * (`notify.<name>`, as GOV.UK Notify's clients expect) and all under `api.<name>/<service>`.
     * @default - none: the services answer at their execute-api addresses only
     */
    domain: z
      .strictObject({
        name: dnsDomain,
        /** Public Route 53 hosted zone of `name`: the hosts' alias records go there, and the certificate is validated in it. */
        hostedZoneId: z
          .string()
          .regex(/^Z[A-Z0-9]{1,31}$/, 'write a Route 53 hosted zone id like Z0123456789ABCDEFGHIJ')
          .optional(),
        /** An ACM certificate of the platform region for `*.<name>` (an imported one, say); made and validated in the zone when absent. */
        certificateArn: z
          .string()
          .regex(/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]{36}$/, 'write an ACM certificate ARN')
          .optional(),
      })
      .refine((d) => d.hostedZoneId !== undefined || d.certificateArn !== undefined, {
        message: 'give hostedZoneId (a certificate is made and validated there) or certificateArn (one you already have)',
      })
      .optional(),
  }),
  onPremises: z.strictObject({
    /** Address ranges of the Government Data Centre Complex. */
    ranges: z.array(cidr).min(1),
    /** DNS domains answered by the on-premises resolvers. */
    dnsDomains: z.array(dnsDomain).min(1),
    dnsResolvers: z.array(ipv4).min(1).max(6),
  }),
  logging: z.strictObject({
    /** Days CloudWatch Logs keeps log events. */
    retentionDays: z
      .number()
      .refine(
        (d) => (LOG_RETENTION_DAYS as readonly number[]).includes(d),
        `use one of CloudWatch's retention periods: ${LOG_RETENTION_DAYS.join(', ')}`,
      ),
    /** Days the log archive keeps objects locked against deletion (Object Lock, governance mode). */
    archiveLockDays: z.number().int().min(1).max(36500),
    /** Days before archived logs move to Glacier Flexible Retrieval. */
    archiveTransitionDays: z.number().int().min(30).max(3650),
  }),
  alarms: z.strictObject({
    email: z.email({ message: 'write an e-mail address like cloud-ops@example.gov.hk' }),
  }),
  /** Security monitoring: detectors and the CERT's incident pipeline. */
  security: z
    .strictObject({
      /**
       * Run Amazon Macie to discover sensitive data in S3.
       * @default - on for the production profile, off for dev
       */
      macie: z.boolean().optional(),
      /** Lowest GuardDuty or Security Hub finding severity that opens a CERT incident. */
      incidentSeverityThreshold: z.enum(INCIDENT_SEVERITY_THRESHOLDS).default('high'),
    })
    .prefault({}),
  notify: z
    .strictObject({
      /**
       * Region whose SES sends the platform's e-mail: the platform region or the permitted
       * secondary region (SES is not offered in every region).
       * @default - the platform region
       */
      emailRegion: z
        .string()
        .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'write an AWS region code like ap-southeast-1')
        .optional(),
    })
    .prefault({}),
  /** The records service: how S3 Object Lock keeps each record's content. */
  records: z
    .strictObject({
      /**
       * COMPLIANCE: nobody, not even the account's root user, can shorten a lock or delete a
       * locked object. GOVERNANCE: a role with s3:BypassGovernanceRetention can (none is granted).
       * @default 'COMPLIANCE'
       */
      lockMode: z.enum(['COMPLIANCE', 'GOVERNANCE']).default('COMPLIANCE'),
      /** Why GOVERNANCE rather than COMPLIANCE; required with it. */
      governanceReason: z.string().trim().min(20, 'say in a sentence why records may be unlocked').optional(),
    })
    .refine((r) => r.lockMode !== 'GOVERNANCE' || r.governanceReason !== undefined, {
      message: 'GOVERNANCE mode needs a governanceReason: say why records may be unlocked, and by whom',
      path: ['governanceReason'],
    })
    .prefault({}),
  /**
   * The procurement service: the OCDS ocid prefix and publisher, the GPA threshold and the
   * minimum tendering periods, and the window for a second officer to confirm an opening.
   * @default - the defaults of each field
   */
  procurement: procurementSettingsSchema.prefault({}),
  /**
   * The data exchange: most rows a query returns, longest grant, and the bytes an Athena query may scan.
   * @default - the defaults of each field
   */
  exchange: exchangeSettingsSchema.prefault({}),
  /** Sign-in to the user pools: identity providers, managed login, relying parties. */
  identity: identitySchema,
  services: z.strictObject({
    enabled: z.array(serviceName).min(1),
    /** Enabled services served only inside the platform network (private API). */
    internal: z.array(serviceName).default([]),
  }),
  /** The data-centre network: hub, inspection, endpoints, hybrid links. */
  network: networkSchema,
  departments: z.array(departmentSchema).min(1),
  /** The organization's accounts, when `platform.tenancy` is `organization`. */
  organization: organizationSchema.optional(),
  /** The delivery pipeline (CodePipeline) that deploys the platform. */
  delivery: deliverySchema
    .refine((d) => !d.enabled || d.source !== undefined, {
      message: 'an enabled pipeline needs a source: codeconnections, codecommit or s3',
      path: ['source'],
    })
    .refine((d) => !d.enabled || d.approvers.topicArn !== undefined || d.approvers.emails.length > 0, {
      message: 'name who approves production deployments: approvers.topicArn or approvers.emails',
      path: ['approvers'],
    })
    .prefault({}),
});

export type PlatformConfig = z.infer<typeof platformConfigSchema>;
export type DepartmentConfig = z.infer<typeof departmentSchema>;
export type DeliveryConfig = z.infer<typeof deliverySchema>;
export type NetworkConfig = z.infer<typeof networkSchema>;
export type OrganizationConfig = z.infer<typeof organizationSchema>;
export type AccountConfig = z.infer<typeof accountSchema>;
export type Tenancy = (typeof TENANCIES)[number];
export type SpokeToSpokeMode = (typeof SPOKE_TO_SPOKE_MODES)[number];
export const KNOWN_SERVICES: readonly string[] = SERVICE_NAMES;
