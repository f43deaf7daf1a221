import { Stack } from 'aws-cdk-lib';
import * as securityhub from 'aws-cdk-lib/aws-securityhub';
import { Construct } from 'constructs';

/** Security Hub standards the platform is measured against: the path of each standard's ARN. */
export const SECURITY_HUB_STANDARDS = {
  FoundationalBestPractices: 'standards/aws-foundational-security-best-practices/v/1.0.0',
  CisFoundations3: 'standards/cis-aws-foundations-benchmark/v/3.0.0',
  Nist80053Rev5: 'standards/nist-800-53/v/5.0.0',
} as const;

/**
 * Security Hub with consolidated control findings and three standards: AWS Foundational
 * Security Best Practices, CIS AWS Foundations 3.0 and NIST 800-53 rev 5. The defaults AWS
 * would pick are off so the list here is the whole truth.
 */
export class SecurityHub extends Construct {
  public readonly hub: securityhub.CfnHub;
  public readonly standards: Record<keyof typeof SECURITY_HUB_STANDARDS, securityhub.CfnStandard>;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const { partition, region } = Stack.of(this);
    this.hub = new securityhub.CfnHub(this, 'Resource', {
      enableDefaultStandards: false,
      controlFindingGenerator: 'SECURITY_CONTROL',
      autoEnableControls: true,
    });
    const entries = Object.entries(SECURITY_HUB_STANDARDS).map(([name, path]) => {
      const standard = new securityhub.CfnStandard(this, name, { standardsArn: `arn:${partition}:securityhub:${region}::${path}` });
      standard.node.addDependency(this.hub);
      return [name, standard] as const;
    });
    this.standards = Object.fromEntries(entries) as SecurityHub['standards'];
  }
}
