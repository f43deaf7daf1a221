import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { acknowledge } from '../compliance/acknowledge';
import { departmentBoundaryName, departmentNamePrefix } from '../contract/roles';
import { TAG_KEYS } from '../tags';

/** Services whose resources make up the platform network; departments may not change them. */
export const NETWORK_ACTIONS = [
  'ec2:AcceptTransitGatewayVpcAttachment',
  'ec2:AssociateRouteTable',
  'ec2:AssociateTransitGatewayRouteTable',
  'ec2:AttachInternetGateway',
  'ec2:AttachVpnGateway',
  'ec2:CreateEgressOnlyInternetGateway',
  'ec2:CreateInternetGateway',
  'ec2:CreateNatGateway',
  'ec2:CreateNetworkAcl*',
  'ec2:CreateRoute*',
  'ec2:CreateSubnet',
  'ec2:CreateTransitGateway*',
  'ec2:CreateVpc*',
  'ec2:CreateVpnConnection*',
  'ec2:DeleteNetworkAcl*',
  'ec2:DeleteRoute*',
  'ec2:DeleteSubnet',
  'ec2:DeleteTransitGateway*',
  'ec2:DeleteVpc*',
  'ec2:DisassociateRouteTable',
  'ec2:ModifySubnetAttribute',
  'ec2:ModifyTransitGateway*',
  'ec2:ModifyVpc*',
  'ec2:ReplaceNetworkAcl*',
  'ec2:ReplaceRoute*',
  'directconnect:*',
  'network-firewall:*',
  'networkmanager:*',
  'route53resolver:*',
  'ram:*',
];

/** The security services of the platform and the government CERT. */
export const SECURITY_SERVICE_ACTIONS = [
  'access-analyzer:*',
  'cloudtrail:*',
  'config:*',
  'detective:*',
  'guardduty:*',
  'inspector2:*',
  'macie2:*',
  'securityhub:*',
  'organizations:*',
  'account:*',
];

export interface DepartmentBoundaryProps {
  /** The department's code, as on its Department tag. */
  readonly department: string;
  /** Prefix of every platform resource name. */
  readonly platformPrefix: string;
}

/**
 * The permissions boundary of every role a department holds: whatever its policies grant, a
 * department role cannot change the platform network or the security services, act on anything
 * tagged as another department's, remove or change Department tags, or create roles and users
 * that escape the boundary.
 */
export class DepartmentBoundary extends Construct {
  public readonly policy: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: DepartmentBoundaryProps) {
    super(scope, id);
    const { partition, account } = Stack.of(this);
    const boundaryName = departmentBoundaryName(props.platformPrefix, props.department);
    const boundaryArn = `arn:${partition}:iam::${account}:policy/${boundaryName}`;
    const platformRoles = `arn:${partition}:iam::${account}:role/${props.platformPrefix}-*`;
    const ownRoles = `arn:${partition}:iam::${account}:role/${departmentNamePrefix(props.platformPrefix, props.department)}*`;

    this.policy = new iam.ManagedPolicy(this, 'Resource', {
      managedPolicyName: boundaryName,
      description: `Permissions boundary of the roles of department ${props.department}`,
      statements: [
        new iam.PolicyStatement({ sid: 'CeilingOfWhatPoliciesGrant', actions: ['*'], resources: ['*'] }),
        new iam.PolicyStatement({ sid: 'DenyNetworkChanges', effect: iam.Effect.DENY, actions: NETWORK_ACTIONS, resources: ['*'] }),
        new iam.PolicyStatement({
          sid: 'DenySecurityServices',
          effect: iam.Effect.DENY,
          actions: SECURITY_SERVICE_ACTIONS,
          resources: ['*'],
        }),
        new iam.PolicyStatement({
          sid: 'DenyOtherDepartmentsResources',
          effect: iam.Effect.DENY,
          actions: ['*'],
          resources: ['*'],
          conditions: {
            Null: { [`aws:ResourceTag/${TAG_KEYS.department}`]: 'false' },
            StringNotEquals: { [`aws:ResourceTag/${TAG_KEYS.department}`]: props.department },
          },
        }),
        new iam.PolicyStatement({
          sid: 'DenyChangingOwnershipTags',
          effect: iam.Effect.DENY,
          actions: ['*'],
          resources: ['*'],
          conditions: {
            'ForAnyValue:StringEquals': { 'aws:TagKeys': [TAG_KEYS.department, TAG_KEYS.classification, TAG_KEYS.costCentre] },
          },
        }),
        new iam.PolicyStatement({
          sid: 'DenyRolesWithoutThisBoundary',
          effect: iam.Effect.DENY,
          actions: ['iam:CreateRole', 'iam:CreateUser', 'iam:PutRolePermissionsBoundary', 'iam:PutUserPermissionsBoundary'],
          resources: ['*'],
          conditions: { StringNotEquals: { 'iam:PermissionsBoundary': boundaryArn } },
        }),
        new iam.PolicyStatement({
          sid: 'DenyLooseningTheBoundary',
          effect: iam.Effect.DENY,
          actions: [
            'iam:DeleteRolePermissionsBoundary',
            'iam:DeleteUserPermissionsBoundary',
            'iam:CreatePolicyVersion',
            'iam:DeletePolicy',
            'iam:SetDefaultPolicyVersion',
          ],
          resources: [boundaryArn],
        }),
        new iam.PolicyStatement({
          sid: 'DenyPlatformRolesButOwn',
          effect: iam.Effect.DENY,
          actions: ['iam:*', 'sts:AssumeRole'],
          resources: [platformRoles],
          conditions: { StringNotLike: { 'aws:ResourceArn': ownRoles } },
        }),
      ],
    });
    acknowledge(
      this.policy,
      ['AwsSolutions-IAM5[Action::*]', 'AwsSolutions-IAM5[Resource::*]'],
      'A permissions boundary is a ceiling, not a grant: it allows nothing by itself, and its deny statements remove the network, the security services and other departments from whatever the role policies grant.',
    );
    acknowledge(
      this.policy,
      [
        ...['NIST.800.53.R5', 'HIPAA.Security', 'PCI.DSS.321'].flatMap((pack) => [
          `${pack}-IAMPolicyNoStatementsWithAdminAccess`,
          `${pack}-IAMPolicyNoStatementsWithFullAccess`,
        ]),
        'ControlTower::CT.IAM.PR.2',
        'ControlTower::CT.IAM.PR.3',
        'CKV_AWS_109',
        'CKV_AWS_111',
      ],
      'Used only as a permissions boundary, where "*" is the ceiling the deny statements cut down; no principal receives it as a grant.',
    );
  }
}
