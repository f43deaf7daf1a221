import { Template } from 'aws-cdk-lib/assertions';
import { SERVICES } from '../../lambda/registry';
import { ServiceStack } from '../../lib/services/service-stack';
import { defaultConfig, testVpc, unacknowledgedFindings, unitTestApp } from '../helpers/platform';

describe('ServiceStack of ehr', () => {
  const config = defaultConfig();
  const stack = new ServiceStack(unitTestApp(), 'Ehr', { config, service: SERVICES.ehr, vpc: testVpc, internal: true });
  const template = Template.fromStack(stack);

  it('serves the FHIR API on a private endpoint only, with a resource policy', () => {
    const apis = Object.values(template.findResources('AWS::ApiGateway::RestApi'));
    expect(apis).toHaveLength(1);
    expect(apis[0].Properties.EndpointConfiguration).toEqual({ Types: ['PRIVATE'] });
    expect(apis[0].Properties.Policy).toBeDefined();
  });

  it('keeps every version of every resource in one retained, KMS-encrypted table with point-in-time recovery', () => {
    const tables = template.findResources('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: { PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }, DeletionProtectionEnabled: true },
    });
    expect(Object.keys(tables)).toEqual([expect.stringMatching(/^ResourcesTable[0-9A-F]{8}$/)]);
    expect(Object.values(tables)[0].Properties.SSESpecification).toMatchObject({ SSEEnabled: true, SSEType: 'KMS' });
  });

  it("indexes a type's listing, one patient's records, and patients by HKID and by sign-in account", () => {
    const [table] = Object.values(template.findResources('AWS::DynamoDB::Table'));
    const indexes = (table.Properties.GlobalSecondaryIndexes as { IndexName: string; KeySchema: { AttributeName: string }[] }[]).map(
      (i) => [i.IndexName, i.KeySchema.map((k) => k.AttributeName)],
    );
    expect(indexes).toEqual([
      ['byType', ['listing', 'listingKey']],
      ['byPatient', ['patientListing', 'listingKey']],
      ['byHkid', ['hkid', 'listingKey']],
      ['byAccount', ['citizenAccount', 'listingKey']],
    ]);
  });

  it("gives only its API function the retained key patients' identity card numbers are sealed with", () => {
    const secrets = template.findResources('AWS::SecretsManager::Secret', { DeletionPolicy: 'Retain' });
    expect(Object.keys(secrets)).toEqual([expect.stringMatching(/^IdentifierKey/)]);
    const [fn] = Object.values(template.findResources('AWS::Lambda::Function', { Properties: { Handler: 'index.handler' } })).filter(
      (f) => f.Properties.Environment?.Variables?.EHR_IDENTIFIER_KEY_SECRET_ARN,
    );
    expect(fn.Properties.Environment.Variables.EHR_IDENTIFIER_KEY_SECRET_ARN).toEqual({ Ref: Object.keys(secrets)[0] });
  });

  it('rotates the key that encrypts the records', () => {
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('is checked as CONFIDENTIAL and has no unacknowledged compliance findings', () => {
    expect(JSON.stringify(template.toJSON())).toContain('CONFIDENTIAL');
    expect(unacknowledgedFindings(stack)).toEqual([]);
  });
});
