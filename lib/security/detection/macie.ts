import * as macie from 'aws-cdk-lib/aws-macie';
import { Construct } from 'constructs';

/**
 * Amazon Macie for the account: inventories S3 buckets and reports those that are public,
 * unencrypted or shared, and sensitive data found by discovery jobs. Its findings reach
 * Security Hub and so the CERT's incident pipeline.
 */
export class MacieSession extends Construct {
  public readonly session: macie.CfnSession;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.session = new macie.CfnSession(this, 'Resource', { status: 'ENABLED', findingPublishingFrequency: 'FIFTEEN_MINUTES' });
  }
}
