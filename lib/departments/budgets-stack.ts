import type { Construct } from 'constructs';
import { PlatformStack, type PlatformStackProps } from '../platform-stack';
import { DepartmentBudget } from './department-budget';

/** AWS Budgets is homed in us-east-1; budgets hold cost figures only, never government data. */
export const BUDGETS_REGION = 'us-east-1';

export type BudgetsStackProps = Omit<PlatformStackProps, 'area' | 'region' | 'home'>;

/**
 * One monthly budget per department, alerting at 80% and 100%, in the region AWS Budgets lives in.
 * In organization mode it deploys to the management account, whose budgets see the costs of every
 * member account.
 */
export class BudgetsStack extends PlatformStack {
  public readonly budgets: Record<string, DepartmentBudget> = {};

  constructor(scope: Construct, id: string, props: BudgetsStackProps) {
    super(scope, id, {
      ...props,
      area: 'Budgets',
      home: 'management',
      region: BUDGETS_REGION,
      description: 'Monthly budget of every department',
    });
    for (const dept of this.config.departments) {
      this.budgets[dept.code] = new DepartmentBudget(this, dept.code, {
        department: dept.code,
        costCentre: dept.costCentre,
        monthlyLimitUsd: dept.monthlyBudgetUsd,
        notify: [this.config.alarms.email],
      });
    }
  }
}
