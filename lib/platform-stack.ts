import { Stack, type StackProps, Token } from 'aws-cdk-lib';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { Classification } from './config/classification';
import type { PlatformConfig } from './config/schema';
import { PlatformParameters } from './contract/parameters';
import { accountOf, type StackHome } from './organization/accounts';
import { applyOwnershipTags } from './tags';

export interface PlatformStackProps extends StackProps {
  readonly config: PlatformConfig;
  /** The stack's area, in PascalCase; the stack is named `<prefix>-<area>`. */
  readonly area: string;
  /** @default - the platform's classification ceiling */
  readonly classification?: Classification;
  /** @default - the platform's cost centre */
  readonly costCentre?: string;
  /** Department that owns the stack. @default - the platform owns it */
  readonly department?: string;
  /**
   * Region of the stack, for the few global services homed in one region (AWS Budgets).
   * @default - the platform region
   */
  readonly region?: string;
  /**
   * Which of the organization's accounts the stack deploys to, in organization mode; ignored in
   * single-account mode, where every stack deploys to the account of the credentials.
   * @default - the department's account for a department's stack, else the shared-services account
   */
  readonly home?: StackHome;
}

/**
 * Base of every stack of the platform: named `<prefix>-<Area>`, pinned to the platform region,
 * protected against deletion, and tagged with its owner and data classification.
 */
export class PlatformStack extends Stack {
  public readonly config: PlatformConfig;
  /** Names of the SSM parameters stacks share values through. */
  public readonly parameterNames: PlatformParameters;

  constructor(scope: Construct, id: string, props: PlatformStackProps) {
    const { config } = props;
    super(scope, id, {
      ...props,
      stackName: `${config.platform.prefix}-${props.area}`,
      env: {
        account:
          props.env?.account ?? accountOf(config, props.department ? { department: props.department } : (props.home ?? 'sharedServices')),
        region: props.region ?? config.platform.region,
      },
      terminationProtection: props.terminationProtection ?? true,
    });
    this.config = config;
    this.parameterNames = new PlatformParameters(config.platform.prefix);
    applyOwnershipTags(this, {
      platform: config.platform.name,
      area: props.area,
      classification: props.classification ?? config.platform.classificationCeiling,
      costCentre: props.costCentre ?? config.platform.costCentre,
      department: props.department,
    });
  }

  /**
   * The platform region's zones as the config gives them, never looked up: a stack whose
   * account is named (organization mode) would otherwise ask AWS for them at synth. A stack of
   * unnamed account, or of another region, answers as CDK does.
   */
  override get availabilityZones(): string[] {
    const known = !Token.isUnresolved(this.account) && this.region === this.config.platform.region;
    return known ? [...this.config.platform.availabilityZones] : super.availabilityZones;
  }

  /** The configured log retention as CloudWatch's enum. */
  get logRetention(): logs.RetentionDays {
    return this.config.logging.retentionDays as logs.RetentionDays;
  }
}
