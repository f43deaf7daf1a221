import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge, wildcardResourceFinding } from '../compliance/acknowledge';
import { ManagedPolicyRole } from '../constructs/managed-policy-role';
import { DEPARTMENT_ROLES, type DepartmentRole, departmentRoleName } from '../contract/roles';

/** Reading the department's parameters; StringParameter.grantRead covers one parameter, not a path. */
const PARAMETER_READ_ACTIONS = ['ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParametersByPath'];
/** Changing them, for the department's admins. */
const PARAMETER_WRITE_ACTIONS = ['ssm:PutParameter', 'ssm:DeleteParameter'];

export interface DepartmentRolesProps {
  readonly department: string;
  readonly platformPrefix: string;
  readonly boundary: iam.IManagedPolicy;
  readonly key: kms.IKey;
  readonly bucket: s3.IBucket;
  readonly logGroup: logs.ILogGroup;
  /** SSM path of the department's parameters, like `/gcp/departments/td`. */
  readonly parameterPath: string;
}

/**
 * The department's admin, developer and read-only roles, assumed from the account with MFA,
 * each under the department's permissions boundary and granted only the department's own
 * key, bucket, log group and parameters.
 */
export class DepartmentRoles extends Construct {
  public readonly roles: Record<DepartmentRole, ManagedPolicyRole>;

  constructor(scope: Construct, id: string, props: DepartmentRolesProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const make = (role: DepartmentRole) =>
      new ManagedPolicyRole(this, pascal(role), {
        roleName: departmentRoleName(props.platformPrefix, props.department, role),
        description: `${role} of department ${props.department}`,
        assumedBy: new iam.AccountPrincipal(stack.account).withConditions({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }),
        permissionsBoundary: props.boundary,
      });
    this.roles = Object.fromEntries(DEPARTMENT_ROLES.map((r) => [r, make(r)])) as Record<DepartmentRole, ManagedPolicyRole>;
    const parameters = stack.formatArn({
      service: 'ssm',
      resource: 'parameter',
      resourceName: `${props.parameterPath.replace(/^\//, '')}/*`,
    });

    for (const role of DEPARTMENT_ROLES) {
      const grantee = this.roles[role];
      props.bucket.grantRead(grantee);
      props.key.grantDecrypt(grantee);
      props.logGroup.grantRead(grantee);
      grantee.addToPrincipalPolicy(new iam.PolicyStatement({ actions: PARAMETER_READ_ACTIONS, resources: [parameters] }));
      if (role !== 'read-only') {
        props.bucket.grantPut(grantee);
        props.key.grantEncrypt(grantee);
      }
      if (role === 'admin') {
        props.bucket.grantDelete(grantee);
        grantee.addToPrincipalPolicy(new iam.PolicyStatement({ actions: PARAMETER_WRITE_ACTIONS, resources: [parameters] }));
      }
      acknowledge(
        grantee,
        [
          'AwsSolutions-IAM5[Action::s3:GetObject*]',
          'AwsSolutions-IAM5[Action::s3:GetBucket*]',
          'AwsSolutions-IAM5[Action::s3:List*]',
          'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
          'AwsSolutions-IAM5[Action::s3:Abort*]',
          'AwsSolutions-IAM5[Action::kms:ReEncrypt*]',
          'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
          wildcardResourceFinding(this, props.bucket.arnForObjects('*')),
          wildcardResourceFinding(this, parameters),
        ],
        "People of the department work with any object of their own bucket and any of their own parameters; the grants name only the department's own bucket, key and parameter path, under its permissions boundary.",
      );
    }
  }
}

const pascal = (name: string) => name.replace(/(^|-)(\w)/g, (_m, _s, c: string) => c.toUpperCase());
