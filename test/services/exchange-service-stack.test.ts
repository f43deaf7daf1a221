import { Match, Template } from 'aws-cdk-lib/assertions';
import { exchangeService } from '../../lambda/exchange/routes';
import { SERVICES } from '../../lambda/registry';
import { ServiceStack } from '../../lib/services/service-stack';
import { defaultConfig, testVpc, unacknowledgedFindings, unitTestApp } from '../helpers/platform';

describe('ServiceStack of exchange', () => {
  const config = defaultConfig();
  const stack = new ServiceStack(unitTestApp(), 'Exchange', { config, service: SERVICES.exchange, vpc: testVpc });
  const template = Template.fromStack(stack);

  it('keeps services, requests and the message log in one retained table with point-in-time recovery and the owner index', () => {
    const tables = template.findResources('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: {
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        GlobalSecondaryIndexes: [Match.objectLike({ IndexName: 'logByOwner' })],
      },
    });
    expect(Object.keys(tables)).toEqual([expect.stringMatching(/^ExchangeTable[0-9A-F]{8}$/)]);
  });

  it('gives the API each department’s classification from the config, for the classification rule', () => {
    const departments = Object.fromEntries(config.departments.map((d) => [d.code, d.classification]));
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          [exchangeService.environment.departments]: JSON.stringify(departments),
          [exchangeService.environment.settings]: JSON.stringify(config.exchange),
        }),
      },
    });
  });

  it('has no unacknowledged compliance finding', () => {
    expect(unacknowledgedFindings(stack)).toEqual([]);
  });
});
