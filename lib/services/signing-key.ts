import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { acknowledge } from '../compliance/acknowledge';
import { denyGrantsExceptForAwsServices } from '../constructs/platform-key';
import type { ServiceFunction } from '../constructs/service-function';

export interface SigningKeyProps {
  /** The assurance domain the key signs for, like `verified-plus`. */
  readonly assuranceDomain: string;
  /** Alias without `alias/`. */
  readonly alias: string;
}

/**
 * The asymmetric KMS key (ECC NIST P-256, sign and verify) that signs for everyone of one
 * assurance domain. One key per domain, not per person: a key costs a monthly fee and counts
 * against the account's key quota, which a population of millions would exhaust, while the
 * signed statement names the person, so one key serves them all with the same proof. The private
 * key never leaves KMS; it is retained, so every signature ever made stays verifiable.
 */
export class SigningKey extends Construct {
  public readonly key: kms.Key;

  constructor(scope: Construct, id: string, props: SigningKeyProps) {
    super(scope, id);
    this.key = new kms.Key(this, 'Resource', {
      description: `Signs documents for people signed in at ${props.assuranceDomain}`,
      keySpec: kms.KeySpec.ECC_NIST_P256,
      keyUsage: kms.KeyUsage.SIGN_VERIFY,
      alias: props.alias,
      pendingWindow: Duration.days(30),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    denyGrantsExceptForAwsServices(this.key);
    acknowledge(
      this.key,
      [
        'AwsSolutions-KMS5',
        'NIST.800.53.R5-KMSBackingKeyRotationEnabled',
        'HIPAA.Security-KMSBackingKeyRotationEnabled',
        'PCI.DSS.321-KMSBackingKeyRotationEnabled',
      ],
      'KMS cannot rotate asymmetric keys: a new key replaces this one by moving its alias, while this one is kept (retained, never deleted) so every signature it made stays verifiable; only the signing function may use it, and each use is in CloudTrail.',
    );
  }

  /** Lets the function sign and read the public key, and tells it the key's ARN. */
  grantSign(fn: ServiceFunction, environmentName: string): void {
    this.key.grant(fn.role, 'kms:Sign', 'kms:GetPublicKey');
    fn.function.addEnvironment(environmentName, this.key.keyArn);
  }
}
