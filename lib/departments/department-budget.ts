import * as budgets from 'aws-cdk-lib/aws-budgets';
import { Construct } from 'constructs';
import { TAG_KEYS } from '../tags';

export interface DepartmentBudgetProps {
  readonly department: string;
  readonly costCentre: string;
  readonly monthlyLimitUsd: number;
  /** Who is told when spending crosses 80% and 100%. */
  readonly notify: readonly string[];
}

/** A monthly cost budget over everything tagged with the department's cost centre, with alerts at 80% and 100%. */
export class DepartmentBudget extends Construct {
  public readonly budget: budgets.CfnBudget;

  constructor(scope: Construct, id: string, props: DepartmentBudgetProps) {
    super(scope, id);
    const subscribers = props.notify.map((address) => ({ subscriptionType: 'EMAIL', address }));
    this.budget = new budgets.CfnBudget(this, 'Resource', {
      budget: {
        budgetName: `department-${props.department.toLowerCase()}-monthly`,
        budgetType: 'COST',
        timeUnit: 'MONTHLY',
        budgetLimit: { amount: props.monthlyLimitUsd, unit: 'USD' },
        costFilters: { TagKeyValue: [`user:${TAG_KEYS.costCentre}$${props.costCentre}`] },
      },
      notificationsWithSubscribers: [80, 100].map((threshold) => ({
        notification: { notificationType: 'ACTUAL', comparisonOperator: 'GREATER_THAN', threshold, thresholdType: 'PERCENTAGE' },
        subscribers,
      })),
    });
  }
}
