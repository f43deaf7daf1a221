import { Match, Template } from 'aws-cdk-lib/assertions';
import { BID_KEY_ALIAS_PREFIX, BID_KEY_TAG } from '../../lambda/procurement/domain/key-policy';
import { procurementService } from '../../lambda/procurement/routes';
import { SERVICES } from '../../lambda/registry';
import { USE_BID_KEY_ACTIONS } from '../../lib/services/procurement-extension';
import { ServiceStack } from '../../lib/services/service-stack';
import { defaultConfig, testVpc, unacknowledgedFindings, unitTestApp } from '../helpers/platform';

describe('ServiceStack of procurement', () => {
  const config = defaultConfig();
  const stack = new ServiceStack(unitTestApp(), 'Procurement', { config, service: SERVICES.procurement, vpc: testVpc });
  const template = Template.fromStack(stack);
  const apiStatements = () => {
    const roleRef = stack.resolve(stack.functions.api.role.roleName).Ref;
    return Object.values(template.findResources('AWS::IAM::ManagedPolicy'))
      .filter((p) => JSON.stringify(p.Properties.Roles).includes(roleRef))
      .flatMap(
        (p) =>
          p.Properties.PolicyDocument.Statement as { Sid?: string; Action: string | string[]; Resource: unknown; Condition?: unknown }[],
      );
  };
  const kmsStatements = () => apiStatements().filter((s) => JSON.stringify(s.Action).includes('kms:'));

  it('keeps suppliers, tenders, bids, openings, releases and the audit log in one retained table with point-in-time recovery', () => {
    const tables = template.findResources('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: { PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }, DeletionProtectionEnabled: true },
    });
    expect(Object.keys(tables)).toEqual([expect.stringMatching(/^ProcurementTable[0-9A-F]{8}$/)]);
  });

  it('lets the API make a KMS key only with the bid-key tag and no other tag keys', () => {
    const create = kmsStatements().find((s) => JSON.stringify(s.Action).includes('kms:CreateKey'));
    expect(create).toMatchObject({
      Action: 'kms:CreateKey',
      Resource: '*',
      Condition: {
        StringEquals: { [`aws:RequestTag/${BID_KEY_TAG.key}`]: BID_KEY_TAG.value },
        'ForAllValues:StringEquals': { 'aws:TagKeys': [BID_KEY_TAG.key, 'egov:tender'] },
      },
    });
  });

  it('lets the API use, decrypt with and re-police only keys tagged as bid keys, and alias only under the bid-key prefix', () => {
    const statements = kmsStatements();
    // Beside the service's own key (its table and logs), only tagged bid keys can decrypt.
    const ownKey = stack.resolve(stack.key.keyArn);
    const decrypting = statements.filter(
      (s) => JSON.stringify(s.Action).includes('kms:Decrypt') && JSON.stringify(s.Resource) !== JSON.stringify(ownKey),
    );
    expect(decrypting).toHaveLength(1);
    expect(decrypting[0].Condition).toEqual({ StringEquals: { [`aws:ResourceTag/${BID_KEY_TAG.key}`]: BID_KEY_TAG.value } });
    expect([decrypting[0].Action].flat().sort()).toEqual([...USE_BID_KEY_ACTIONS].sort());
    expect(JSON.stringify(decrypting[0].Resource)).toContain(':key/*');
    const alias = statements.find((s) => s.Action === 'kms:CreateAlias');
    expect(JSON.stringify(alias?.Resource)).toContain(`:${BID_KEY_ALIAS_PREFIX}*`);
    // No statement grants a wildcard KMS action, nor Decrypt without the tag condition.
    for (const s of statements) expect(JSON.stringify(s.Action)).not.toMatch(/kms:\*/);
    for (const s of statements.filter((x) => x.Resource === '*')) expect(s.Action).toBe('kms:CreateKey');
  });

  it('tells the function its settings from the config and the role the bid keys’ policies name', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp(': api$'),
      Environment: {
        Variables: Match.objectLike({
          [procurementService.environment.settings]: JSON.stringify(config.procurement),
          [procurementService.environment.serviceRoleArn]: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiFunctionRole'), 'Arn'] },
        }),
      },
    });
  });

  it('has no unacknowledged compliance finding', () => {
    expect(unacknowledgedFindings(stack)).toEqual([]);
  });
});
