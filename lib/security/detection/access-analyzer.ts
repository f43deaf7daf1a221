import * as accessanalyzer from 'aws-cdk-lib/aws-accessanalyzer';
import { Construct } from 'constructs';

/**
 * IAM Access Analyzer over the account: it reports every resource policy (bucket, key, role
 * trust, queue, function) that grants access to a principal outside the account.
 */
export class AccessAnalyzer extends Construct {
  public readonly analyzer: accessanalyzer.CfnAnalyzer;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.analyzer = new accessanalyzer.CfnAnalyzer(this, 'Resource', { type: 'ACCOUNT' });
  }
}
