import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { limitBreaches, stackFigures } from '../../lib/compliance/stack-limits';
import { PlatformParameters } from '../../lib/contract/parameters';
import { publishParameter, readParameter } from '../../lib/contract/ssm';
import { defaultPlatformAssembly, unitTestApp } from '../helpers/platform';
import { dynamicReferenceCount, ssmReads, unpublishedReads } from '../helpers/ssm-parameters';

/** Checks over every stack of the default platform, from one synth. */
const assembly = defaultPlatformAssembly();
const templates = assembly.stacks.map((s) => s.template);

describe('stack limits', () => {
  it('keeps every stack of the default platform inside CloudFormation limits', () => {
    expect(assembly.stacks.length).toBeGreaterThan(0);
    for (const stack of assembly.stacks) {
      expect(limitBreaches(stackFigures(stack.stackName, stack.template))).toEqual([]);
    }
  });

  it('names the stack and the figure when a limit is broken', () => {
    const resources = Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`R${i}`, {}]));
    expect(limitBreaches(stackFigures('gcp-Huge', { Resources: resources }))).toEqual([
      "gcp-Huge has 501 resources, over CloudFormation's limit of 500",
    ]);
  });

  it("reserves at most 900 of the account's 1,000 concurrent Lambda executions, as Lambda keeps 100 unreserved", () => {
    const reserved = templates.flatMap((t) =>
      Object.values(t.Resources as Record<string, { Type: string; Properties?: { ReservedConcurrentExecutions?: number } }>)
        .filter((r) => r.Type === 'AWS::Lambda::Function')
        .map((r) => r.Properties?.ReservedConcurrentExecutions ?? 0),
    );
    expect(reserved.filter((n) => n > 0).length).toBeGreaterThan(10);
    expect(reserved.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(900);
  });

  it("keeps every stack within CloudFormation's 60 dynamic references", () => {
    const counts = assembly.stacks.map((s) => [s.stackName, dynamicReferenceCount(s.template)] as const);
    expect(Math.max(...counts.map(([, n]) => n))).toBeGreaterThan(0);
    expect(counts.filter(([, n]) => n > 60)).toEqual([]);
  });
});

describe('SSM parameters between stacks', () => {
  it('reads only parameters some stack of the platform publishes', () => {
    expect(templates.flatMap(ssmReads).length).toBeGreaterThan(0);
    expect(unpublishedReads(templates)).toEqual([]);
  });

  it('reads through dynamic references only, no template parameter but the bootstrap version', () => {
    for (const stack of assembly.stacks) expect(Object.keys(stack.template.Parameters ?? {})).toEqual(['BootstrapVersion']);
  });

  it('finds a read nothing publishes, as a dynamic reference or as a template parameter', () => {
    const app = unitTestApp();
    const names = new PlatformParameters('gcp');
    const publisher = new Stack(app, 'Publisher');
    publishParameter(publisher, 'Topic', names.alarmTopicArn, 'arn:aws:sns:ap-east-1:111122223333:alarms');
    const reader = new Stack(app, 'Reader');
    new ssm.CfnParameter(reader, 'Uses', {
      type: 'String',
      value: [
        readParameter(reader, names.alarmTopicArn),
        readParameter(reader, names.dnsProfileId),
        ssm.StringParameter.valueForStringParameter(reader, '/gcp/never/published'),
      ].join(','),
    });
    const tiny = [publisher, reader].map((s) => Template.fromStack(s).toJSON());
    expect(unpublishedReads(tiny)).toEqual(['/gcp/network/dns-profile-id', '/gcp/never/published']);
  });
});

describe('stateful resources', () => {
  /**
   * The logical id of every table, bucket, key and user pool, per stack. A new logical id would
   * make CloudFormation replace the resource and its data: change this list only with a
   * migration.
   */
  const STATEFUL = {
    Budgets: {},
    'Dept-DPO': { 'AWS::S3::Bucket': ['DataBucketE3889A50'], 'AWS::KMS::Key': ['Key961B73FD'] },
    'Dept-FEHD': { 'AWS::S3::Bucket': ['DataBucketE3889A50'], 'AWS::KMS::Key': ['Key961B73FD'] },
    'Dept-TD': { 'AWS::S3::Bucket': ['DataBucketE3889A50'], 'AWS::KMS::Key': ['Key961B73FD'] },
    NetworkEgress: {},
    NetworkEndpoints: {},
    NetworkHub: { 'AWS::KMS::Key': ['Key961B73FD'] },
    NetworkHybrid: {},
    NetworkInspection: {},
    NetworkSharedServices: {},
    'Notify-Email': {},
    Security: {
      'AWS::S3::Bucket': ['ConfigRecorderHistoryBucketB05F3068', 'LogArchiveAccessLogsBucket49D3EA0C', 'LogArchiveBucket6951A440'],
      'AWS::KMS::Key': ['AlarmsKey3C2381B3', 'FindingRulesKeyD40CA483', 'LogArchiveKey11A44769'],
    },
    'Service-cert': {
      'AWS::DynamoDB::Table': ['AdvisoriesTable64DF3988', 'IncidentsTable307EBBA6'],
      'AWS::KMS::Key': ['IncidentPipelineRulesKey93A17D08', 'Key961B73FD'],
    },
    'Service-identity': {
      'AWS::DynamoDB::Table': ['CardRegisterTable49B6D32A', 'IdentityAuditTable3D77BAEB', 'PeopleTableAF298A5B'],
      'AWS::KMS::Key': ['Key961B73FD', 'SigningKeyVerifiedPlus92A946FE'],
    },
    'Service-notify': {
      'AWS::DynamoDB::Table': ['NotificationsTable76DCFC6C', 'NotifyDirectoryTable8C784DF4', 'NotifyWorkTable913C36F1'],
      'AWS::KMS::Key': ['Key961B73FD'],
    },
    'Service-open-data': {
      'AWS::DynamoDB::Table': [
        'ArchiveTable4E5864BF',
        'AuditTableB07F8EEB',
        'CatalogTableF8EA09BD',
        'DownloadsTable16E5E3CD',
        'UploadsTableFE9AB9DB',
      ],
      'AWS::S3::Bucket': ['ResourcesBucketF27E8541'],
      'AWS::KMS::Key': ['Key961B73FD'],
    },
    'Service-pay': {
      'AWS::DynamoDB::Table': ['PaymentsTable48A42630'],
      'AWS::S3::Bucket': ['PaymentReportsBucketA81D2C4D'],
      'AWS::KMS::Key': ['Key961B73FD'],
    },
    'Service-exchange': { 'AWS::DynamoDB::Table': ['ExchangeTable6E97C892'], 'AWS::KMS::Key': ['Key961B73FD'] },
    'Service-ehr': { 'AWS::DynamoDB::Table': ['ResourcesTable39E758A1'], 'AWS::KMS::Key': ['Key961B73FD'] },
    'Service-platform': { 'AWS::KMS::Key': ['Key961B73FD'] },
    'Service-procurement': { 'AWS::DynamoDB::Table': ['ProcurementTable81767310'], 'AWS::KMS::Key': ['Key961B73FD'] },
    'Service-records': {
      'AWS::DynamoDB::Table': ['RecordsTableF6A7F330'],
      'AWS::KMS::Key': ['Key961B73FD'],
      'AWS::S3::Bucket': ['RecordsContentBucket1D4C4D4C'],
    },
    'Service-usage': {
      'AWS::DynamoDB::Table': ['UsageTable28300137'],
      'AWS::KMS::Key': ['Key961B73FD'],
      'AWS::S3::Bucket': ['UsageEventsBucketE959933B'],
    },
    SharedServices: { 'AWS::Cognito::UserPool': ['CitizensPool249387CB', 'StaffPool8CA90F24'], 'AWS::KMS::Key': ['SignInKey10D719B2'] },
  };
  const TYPES = ['AWS::DynamoDB::Table', 'AWS::S3::Bucket', 'AWS::KMS::Key', 'AWS::Cognito::UserPool'];

  it('keeps the logical id of every table, bucket, key and user pool', () => {
    const found = Object.fromEntries(
      assembly.stacks.map((stack) => {
        const resources = Object.entries(stack.template.Resources as Record<string, { Type: string }>);
        const byType = TYPES.map(
          (type) =>
            [
              type,
              resources
                .filter(([, r]) => r.Type === type)
                .map(([id]) => id)
                .sort(),
            ] as const,
        );
        return [stack.id, Object.fromEntries(byType.filter(([, ids]) => ids.length > 0))];
      }),
    );
    expect(found).toEqual(STATEFUL);
  });
});
