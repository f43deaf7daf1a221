import { type CfnElement, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { acknowledge, wildcardResourceFinding } from '../compliance/acknowledge';
import { ManagedPolicyRole } from './managed-policy-role';

const ID = 'Backup';

/**
 * The AWS Backup vault and plan of one stack, created on first use and shared by the stack's
 * tables. Backups stay in the stack's region: no copy to another region (data residency).
 */
export class StackBackup extends Construct {
  /** The stack's backup, created with `encryptionKey` on first call. */
  static of(scope: Construct, encryptionKey: kms.IKey): StackBackup {
    const stack = Stack.of(scope);
    return (stack.node.tryFindChild(ID) as StackBackup | undefined) ?? new StackBackup(stack, ID, encryptionKey);
  }

  public readonly vault: backup.BackupVault;
  public readonly plan: backup.BackupPlan;
  private readonly role: ManagedPolicyRole;

  private constructor(scope: Construct, id: string, encryptionKey: kms.IKey) {
    super(scope, id);
    this.vault = new backup.BackupVault(this, 'Vault', {
      encryptionKey,
      removalPolicy: RemovalPolicy.RETAIN,
      lockConfiguration: { minRetention: Duration.days(7) },
    });
    this.plan = new backup.BackupPlan(this, 'Plan', { backupVault: this.vault });
    this.plan.addRule(
      new backup.BackupPlanRule({
        ruleName: 'Daily35Days',
        scheduleExpression: events.Schedule.cron({ hour: '18', minute: '0' }),
        deleteAfter: Duration.days(35),
      }),
    );
    this.plan.addRule(
      new backup.BackupPlanRule({
        ruleName: 'Monthly1Year',
        scheduleExpression: events.Schedule.cron({ day: '1', hour: '18', minute: '0' }),
        moveToColdStorageAfter: Duration.days(30),
        deleteAfter: Duration.days(365),
      }),
    );
    this.role = new ManagedPolicyRole(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('backup.amazonaws.com'),
      description: 'AWS Backup role scoped to the tables of this stack',
    });
    encryptionKey.grant(this.role, 'kms:Decrypt', 'kms:GenerateDataKey', 'kms:DescribeKey', 'kms:CreateGrant');
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['backup:DescribeBackupVault', 'backup:CopyIntoBackupVault'],
        resources: [this.vault.backupVaultArn],
      }),
    );
  }

  /** Puts a table into the stack's backup plan, with permissions for that table only. */
  public addTable(table: dynamodb.Table): void {
    const logicalId = Stack.of(table).getLogicalId(table.node.defaultChild as CfnElement);
    const backups = `${table.tableArn}/backup/*`;
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:DescribeTable', 'dynamodb:CreateBackup', 'dynamodb:ListTagsOfResource', 'dynamodb:StartAwsBackupJob'],
        resources: [table.tableArn],
      }),
    );
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['dynamodb:DescribeBackup', 'dynamodb:DeleteBackup'], resources: [backups] }),
    );
    this.plan.addSelection(`${logicalId}Selection`, {
      resources: [backup.BackupResource.fromDynamoDbTable(table)],
      role: this.role,
      allowRestores: false,
      disableDefaultBackupPolicy: true,
    });
    acknowledge(
      this.role,
      wildcardResourceFinding(this, backups),
      'DynamoDB names each backup when it is taken; the wildcard covers only the backups of this one table.',
    );
  }
}
