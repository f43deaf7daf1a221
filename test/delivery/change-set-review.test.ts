import { reviewChangeSet } from '../../lib/delivery/change-set-review';

const change = (LogicalResourceId: string, ResourceType: string, Action: string, Replacement?: string, names: string[] = []) => ({
  Type: 'Resource',
  ResourceChange: { Action, LogicalResourceId, ResourceType, Replacement, Details: names.map((Name) => ({ Target: { Name } })) },
});

describe('change-set review', () => {
  test('refuses a change set that replaces a table, naming it', () => {
    const review = reviewChangeSet({
      StackName: 'gcp-Service-pay',
      Changes: [change('PaymentsTable1234', 'AWS::DynamoDB::Table', 'Modify', 'True', ['KeySchema'])],
    });
    expect(review.refusals).toHaveLength(1);
    expect(review.refusals[0]).toMatch(/replace PaymentsTable1234 \(AWS::DynamoDB::Table\)/);
    expect(review.summary).toMatch(/REFUSED/);
  });

  test('refuses deleting a bucket', () => {
    const review = reviewChangeSet({ StackName: 's', Changes: [change('DataBucket', 'AWS::S3::Bucket', 'Remove')] });
    expect(review.refusals[0]).toMatch(/delete DataBucket \(AWS::S3::Bucket\)/);
  });

  test('passes a change set that only modifies a function', () => {
    const review = reviewChangeSet({
      StackName: 's',
      Changes: [change('ApiFunction', 'AWS::Lambda::Function', 'Modify', 'False', ['Code'])],
    });
    expect(review.refusals).toEqual([]);
  });

  test('lists security-relevant changes first', () => {
    const review = reviewChangeSet({
      StackName: 's',
      Changes: [
        change('ApiFunction', 'AWS::Lambda::Function', 'Modify', 'False', ['Code']),
        change('ApiRole', 'AWS::IAM::Role', 'Modify', 'False', ['Policies']),
        change('DataKey', 'AWS::KMS::Key', 'Modify', 'False', ['KeyPolicy']),
      ],
    });
    const summary = review.summary;
    expect(summary.indexOf('ApiRole')).toBeLessThan(summary.indexOf('ApiFunction'));
    expect(summary.indexOf('DataKey')).toBeLessThan(summary.indexOf('Other ('));
    expect(review.refusals).toEqual([]);
  });
});
