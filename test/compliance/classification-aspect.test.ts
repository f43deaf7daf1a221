import { type App, Aspects, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { DataClassification } from '../../lib/compliance/classification-aspect';
import type { Classification } from '../../lib/config/classification';
import { PlatformKey } from '../../lib/constructs/platform-key';
import { DepartmentStack } from '../../lib/departments/department-stack';
import { defaultConfig, unitTestApp } from '../helpers/platform';

/** Synthesizes a stack under the aspect and returns the error that stopped synth, or ''. */
function synthErrors(level: Classification, build: (stack: Stack) => void, ceiling: Classification = 'RESTRICTED'): string {
  const app = unitTestApp();
  const stack = new Stack(app, 'Workload');
  build(stack);
  Aspects.of(stack).add(new DataClassification({ level, ceiling, owner: 'Department TD' }));
  try {
    app.synth();
    return '';
  } catch (err) {
    return (err as Error).message;
  }
}

const plainBucket = (s: Stack) => new s3.Bucket(s, 'Plain', { encryption: s3.BucketEncryption.S3_MANAGED });

describe('DataClassification', () => {
  it('stops a workload above the ceiling, naming the owner, the level and the rule', () => {
    expect(synthErrors('SECRET', plainBucket)).toMatch(
      /\[DataClassification:Ceiling\] Department TD is classified SECRET, above the platform's ceiling RESTRICTED/,
    );
  });

  it('requires customer-managed keys from RESTRICTED', () => {
    const errors = synthErrors('RESTRICTED', (s) => {
      plainBucket(s);
      new dynamodb.Table(s, 'Table', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });
    });
    expect(errors).toMatch(
      /\[DataClassification:CustomerManagedKeys\] Department TD is RESTRICTED.*Workload\/Plain\/Resource is not encrypted with a customer-managed KMS key/,
    );
    expect(errors).toMatch(/Workload\/Table\/Resource is not encrypted/);
  });

  it('refuses a bucket open to the public from RESTRICTED', () => {
    const errors = synthErrors('RESTRICTED', (s) => {
      new s3.Bucket(s, 'Open', {
        encryptionKey: new PlatformKey(s, 'Key', { purpose: 'x' }),
        blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS_ONLY,
      });
    });
    expect(errors).toMatch(/\[DataClassification:NoPublicBuckets\].*Workload\/Open\/Resource does not block all public access/);
    expect(errors).not.toMatch(/CustomerManagedKeys/);
  });

  it('allows a regional API at RESTRICTED but not at CONFIDENTIAL', () => {
    const api = (s: Stack) => new apigateway.CfnRestApi(s, 'Api', { name: 'x', endpointConfiguration: { types: ['REGIONAL'] } });
    expect(synthErrors('RESTRICTED', api)).toBe('');
    expect(synthErrors('CONFIDENTIAL', api, 'SECRET')).toMatch(
      /\[DataClassification:PrivateApisOnly\].*Workload\/Api is reachable from the internet/,
    );
    const privateApi = (s: Stack) => new apigateway.CfnRestApi(s, 'Api', { name: 'x', endpointConfiguration: { types: ['PRIVATE'] } });
    expect(synthErrors('CONFIDENTIAL', privateApi, 'SECRET')).toBe('');
  });

  it('asks nothing extra of UNCLASSIFIED data', () => {
    expect(synthErrors('UNCLASSIFIED', plainBucket)).toBe('');
  });

  it('finds nothing to refuse in a RESTRICTED department stack', () => {
    const config = defaultConfig();
    const stack = new DepartmentStack(unitTestApp(), 'Dept-TD', { config, department: config.departments[1] });
    expect(config.departments[1].classification).toBe('RESTRICTED');
    expect(() => (stack.node.root as App).synth()).not.toThrow();
  });
});
