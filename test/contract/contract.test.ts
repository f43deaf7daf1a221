import * as fs from 'node:fs';
import * as path from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { PlatformParameters } from '../../lib/contract/parameters';
import { DEPARTMENT_ROLES, departmentOfRoleName, departmentRoleName } from '../../lib/contract/roles';
import { dependOnPublishers, parametersRead, publishParameter, readParameter } from '../../lib/contract/ssm';
import { REPO_ROOT, unitTestApp } from '../helpers/platform';

const names = new PlatformParameters('gcp');

describe('the platform contract', () => {
  it('names what a department gets under its own path', () => {
    const td = names.department('TD');
    expect(td.path).toBe('/gcp/departments/td');
    expect([td.keyArn, td.vpcId, td.appSubnet(1), td.roleArn('read-only')]).toEqual([
      '/gcp/departments/td/key-arn',
      '/gcp/departments/td/vpc-id',
      '/gcp/departments/td/app-subnet-1',
      '/gcp/departments/td/role-read-only-arn',
    ]);
  });

  it('finds the department of every role name it gives, and of no other name', () => {
    for (const role of DEPARTMENT_ROLES) expect(departmentOfRoleName(departmentRoleName('gcp', 'fehd', role), 'gcp')).toBe('FEHD');
    expect(departmentOfRoleName('gcp-service-role', 'gcp')).toBeUndefined();
    expect(departmentOfRoleName(departmentRoleName('other', 'td', 'admin'), 'gcp')).toBeUndefined();
  });

  it('keeps CDK out of the files Lambda code bundles', () => {
    for (const file of ['parameters.ts', 'roles.ts', 'environment.ts']) {
      expect(fs.readFileSync(path.join(REPO_ROOT, 'lib', 'contract', file), 'utf8')).not.toMatch(/from '(aws-cdk-lib|constructs)/);
    }
  });
});

describe('reading and publishing parameters', () => {
  const app = unitTestApp();
  const publisher = new Stack(app, 'Publisher');
  const other = new Stack(app, 'Other');
  const reader = new Stack(app, 'Reader');
  publishParameter(publisher, 'AlarmTopic', names.alarmTopicArn, 'arn:aws:sns:ap-east-1:111122223333:alarms');
  publishParameter(other, 'TransitGateway', names.transitGatewayId, 'tgw-1');
  const first = readParameter(reader, names.alarmTopicArn);
  const second = readParameter(reader, names.alarmTopicArn);

  it('reads through one dynamic reference per name and stack, never a template parameter', () => {
    expect(reader.resolve(first)).toBe('{{resolve:ssm:/gcp/security/alarm-topic-arn}}');
    expect(second).toBe(first);
    expect([...parametersRead(reader)]).toEqual(['/gcp/security/alarm-topic-arn']);
    expect(Object.keys(Template.fromStack(reader).toJSON().Parameters ?? {})).toEqual(['BootstrapVersion']);
  });

  it('orders a reader after the stacks that publish what it reads, and no others', () => {
    dependOnPublishers([reader], [publisher, other, reader]);
    expect(reader.dependencies.map((s) => s.stackName)).toEqual(['Publisher']);
  });

  it('refuses a read nothing publishes, naming it', () => {
    const lonely = new Stack(app, 'Lonely');
    readParameter(lonely, names.dnsProfileId);
    expect(() => dependOnPublishers([lonely], [publisher, other])).toThrow(/Lonely reads the SSM parameter \/gcp\/network\/dns-profile-id/);
  });
});
