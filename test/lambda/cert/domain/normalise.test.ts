import fc from 'fast-check';
import { UNASSIGNED_DEPARTMENT } from '../../../../lambda/cert/domain/incident';
import {
  departmentLookup,
  guardDutyDedupKey,
  normaliseEvent,
  normaliseGuardDuty,
  normaliseSecurityHub,
} from '../../../../lambda/cert/domain/normalise';
import { fromGuardDuty, fromSecurityHub, SEVERITIES } from '../../../../lambda/cert/domain/severity';
import { asffFinding, GUARDDUTY_EVENT, securityHubEvent } from '../fixtures/findings';

const lookup = departmentLookup({ tagKey: 'Department', accounts: { '444455556666': 'DPO', '111122223333': 'FEHD' } });

describe('severity mapping', () => {
  it.each([
    [1, 'low'],
    [3.9, 'low'],
    [4, 'medium'],
    [6.9, 'medium'],
    [7, 'high'],
    [8.9, 'high'],
    [9, 'critical'],
    [10, 'critical'],
  ] as const)('maps GuardDuty %s to %s', (score, level) => {
    expect(fromGuardDuty(score)).toBe(level);
  });

  it('maps Security Hub by label first, then by normalised score, and drops informational findings', () => {
    expect(fromSecurityHub({ Label: 'CRITICAL', Normalized: 10 })).toBe('critical');
    expect(fromSecurityHub({ Normalized: 40 })).toBe('medium');
    expect(fromSecurityHub({ Normalized: 39 })).toBe('low');
    expect(fromSecurityHub({ Label: 'INFORMATIONAL', Normalized: 0 })).toBeUndefined();
    expect(fromSecurityHub({ Normalized: 0 })).toBeUndefined();
  });

  it('never lowers the level as the GuardDuty score rises', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 10, noNaN: true }), fc.double({ min: 1, max: 10, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(SEVERITIES.indexOf(fromGuardDuty(lo))).toBeLessThanOrEqual(SEVERITIES.indexOf(fromGuardDuty(hi)));
      }),
    );
  });
});

describe('normalising a GuardDuty finding', () => {
  const finding = normaliseGuardDuty(GUARDDUTY_EVENT.detail, lookup);

  it('files it under the department tag of its resource, before its account', () => {
    expect(finding.department).toBe('TD');
  });

  it('keys it by account, region and finding id', () => {
    expect(finding.dedupKey).toBe('guardduty/111122223333/ap-east-1/16afba5c5c43e07c9e3e5e2e544e95df');
  });

  it('maps severity, category, resource and when it was seen', () => {
    expect(finding).toMatchObject({
      severity: 'high',
      category: 'malware',
      affectedSystems: ['i-99999999'],
      firstSeenAt: '2026-05-30T00:00:00Z',
      lastSeenAt: '2026-05-30T01:00:00Z',
      source: { kind: 'finding', product: 'GuardDuty', findingType: 'Backdoor:EC2/C&CActivity.B!DNS', accountId: '111122223333' },
    });
  });

  it('falls back to the account’s department, then to unassigned', () => {
    const untagged = { ...GUARDDUTY_EVENT.detail, resource: { resourceType: 'AccessKey', accessKeyDetails: { userName: 'ci' } } };
    expect(normaliseGuardDuty(untagged, lookup).department).toBe('FEHD');
    expect(normaliseGuardDuty({ ...untagged, accountId: '999999999999' }, lookup).department).toBe(UNASSIGNED_DEPARTMENT);
  });
});

describe('normalising a Security Hub finding', () => {
  it('files it under its account’s department with the control as its type', () => {
    expect(normaliseSecurityHub(asffFinding(), lookup)).toMatchObject({
      department: 'DPO',
      severity: 'high',
      category: 'misconfiguration',
      dedupKey: `securityhub/${asffFinding().Id}`,
      affectedSystems: ['arn:aws:s3:::open-data-drafts'],
    });
  });

  it('prefers a department tag on the resource', () => {
    const tagged = asffFinding({ Resources: [{ Type: 'AwsS3Bucket', Id: 'arn:aws:s3:::x', Tags: { Department: 'TD' } }] });
    expect(normaliseSecurityHub(tagged, lookup)?.department).toBe('TD');
  });

  it('gives Security Hub’s copy of a GuardDuty finding the same key as the original', () => {
    const copy = asffFinding({
      Id: GUARDDUTY_EVENT.detail.arn,
      ProductName: 'GuardDuty',
      AwsAccountId: '111122223333',
    });
    expect(normaliseSecurityHub(copy, lookup)?.dedupKey).toBe(normaliseGuardDuty(GUARDDUTY_EVENT.detail, lookup).dedupKey);
    expect(guardDutyDedupKey('111122223333', 'ap-east-1', 'abc')).toBe('guardduty/111122223333/ap-east-1/abc');
  });
});

describe('normalising an EventBridge event', () => {
  it('keeps each finding at or above the threshold', () => {
    const event = securityHubEvent(asffFinding(), asffFinding({ Id: 'low-one', Severity: { Label: 'LOW', Normalized: 1 } }));
    expect(normaliseEvent(event, lookup, 'high').map((f) => f.dedupKey)).toEqual([`securityhub/${asffFinding().Id}`]);
    expect(normaliseEvent(event, lookup, 'low')).toHaveLength(2);
  });

  it('skips archived findings', () => {
    const archived = {
      ...GUARDDUTY_EVENT,
      detail: { ...GUARDDUTY_EVENT.detail, service: { ...GUARDDUTY_EVENT.detail.service, archived: true } },
    };
    expect(normaliseEvent(archived, lookup, 'low')).toEqual([]);
    expect(normaliseEvent(securityHubEvent(asffFinding({ RecordState: 'ARCHIVED' })), lookup, 'low')).toEqual([]);
  });

  it('refuses events that are not findings, and findings missing their id, so they reach the dead-letter queue', () => {
    expect(() =>
      normaliseEvent({ source: 'aws.ec2', 'detail-type': 'EC2 Instance State-change Notification', detail: {} }, lookup, 'low'),
    ).toThrow(/Not a GuardDuty or Security Hub finding/);
    expect(() => normaliseEvent({ ...GUARDDUTY_EVENT, detail: { severity: 8 } }, lookup, 'low')).toThrow();
  });

  it('keeps titles and descriptions within what an incident holds', () => {
    const long = normaliseGuardDuty({ ...GUARDDUTY_EVENT.detail, title: 'x'.repeat(500), description: 'y'.repeat(20_000) }, lookup);
    expect(long.title.length).toBe(200);
    expect(long.description.length).toBe(10_000);
  });
});
