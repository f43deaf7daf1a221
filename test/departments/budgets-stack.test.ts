import { Match, Template } from 'aws-cdk-lib/assertions';
import { BudgetsStack } from '../../lib/departments/budgets-stack';
import { defaultConfig, unacknowledgedFindings, unitTestApp } from '../helpers/platform';

describe('BudgetsStack', () => {
  const config = defaultConfig();
  const stack = new BudgetsStack(unitTestApp(), 'Budgets', { config });
  const template = Template.fromStack(stack);

  it('lives where AWS Budgets does', () => {
    expect(stack.region).toBe('us-east-1');
  });

  it('has a monthly budget per department, filtered by its cost centre, alerting at 80% and 100%', () => {
    template.resourceCountIs('AWS::Budgets::Budget', config.departments.length);
    template.hasResourceProperties('AWS::Budgets::Budget', {
      Budget: Match.objectLike({
        BudgetName: 'department-td-monthly',
        BudgetLimit: { Amount: 8000, Unit: 'USD' },
        CostFilters: { TagKeyValue: ['user:CostCentre$TD-0001'] },
      }),
      NotificationsWithSubscribers: [
        Match.objectLike({
          Notification: Match.objectLike({ Threshold: 80, ThresholdType: 'PERCENTAGE' }),
          Subscribers: [{ SubscriptionType: 'EMAIL', Address: config.alarms.email }],
        }),
        Match.objectLike({ Notification: Match.objectLike({ Threshold: 100 }) }),
      ],
    });
  });

  it('passes all four compliance packs', () => {
    expect(unacknowledgedFindings(stack)).toEqual([]);
  });
});
