import { callerFromContext, departmentFromRoleArn, isPlatformAdmin, officerDepartment } from '../../../lambda/shared/identity';

const env = { citizenIssuer: 'https://citizen', staffIssuer: 'https://staff', platformPrefix: 'gcp' };

describe('callerFromContext', () => {
  it('reads a citizen from the citizen pool', () => {
    expect(callerFromContext({ authorizer: { claims: { sub: 'c1', iss: 'https://citizen' } } }, env)).toEqual({
      kind: 'citizen',
      subject: 'c1',
      assurance: 'basic',
    });
  });

  it("reads a citizen's assurance level from the sign-in's acr, else the pool trigger's claim, never from an attribute", () => {
    const citizen = (claims: Record<string, string>) =>
      callerFromContext({ authorizer: { claims: { sub: 'c1', iss: 'https://citizen', ...claims } } }, env);
    expect(citizen({ acr: 'verified' })).toMatchObject({ assurance: 'verified' });
    expect(citizen({ assurance: 'verified-plus' })).toMatchObject({ assurance: 'verified-plus' });
    expect(citizen({ acr: 'verified', assurance: 'verified-plus' })).toMatchObject({ assurance: 'verified' });
    // A level that is not one of ours counts as the lowest.
    expect(citizen({ acr: 'urn:mace:incommon:iap:silver' })).toMatchObject({ assurance: 'basic' });
    expect(citizen({ assurance: 'root' })).toMatchObject({ assurance: 'basic' });
    // The card provider's level is an input of the trigger, not a level by itself.
    expect(citizen({ 'custom:card_acr': 'verified-plus' })).toMatchObject({ assurance: 'basic' });
  });

  it('reads staff groups as API Gateway passes them, bracketed or comma-separated', () => {
    for (const groups of ['[platform-admin, auditors]', 'platform-admin,auditors']) {
      const caller = callerFromContext({ authorizer: { claims: { sub: 's', iss: 'https://staff', 'cognito:groups': groups } } }, env);
      expect(caller).toMatchObject({ kind: 'staff', groups: ['platform-admin', 'auditors'] });
      expect(isPlatformAdmin(caller)).toBe(true);
    }
  });

  it('treats a token of an unknown issuer as anonymous', () => {
    expect(callerFromContext({ authorizer: { claims: { sub: 'x', iss: 'https://elsewhere' } } }, env)).toEqual({ kind: 'anonymous' });
  });

  it('finds the department of an IAM role; an API key alone identifies nobody', () => {
    const iam = callerFromContext({ identity: { userArn: 'arn:aws:sts::111122223333:assumed-role/gcp-dept-fehd-developer/session' } }, env);
    expect(iam).toMatchObject({ kind: 'department-principal', department: 'FEHD', via: 'iam' });
    expect(officerDepartment(iam)).toBe('FEHD');
    expect(callerFromContext({ identity: { apiKeyId: 'k123' } }, env)).toEqual({ kind: 'anonymous' });
  });

  it('reads a client authenticated by a service scheme', () => {
    expect(callerFromContext({ authorizer: { principalId: 'svc-1', scheme: 'notify-jwt', keyType: 'team' } }, env)).toEqual({
      kind: 'client',
      scheme: 'notify-jwt',
      principal: 'svc-1',
      attributes: { keyType: 'team' },
    });
  });

  it('only an officer role gives an officer department', () => {
    const staff = callerFromContext(
      { authorizer: { claims: { sub: 's', iss: 'https://staff', 'custom:department': 'DPO', 'custom:roles': 'viewer' } } },
      env,
    );
    expect(officerDepartment(staff)).toBeUndefined();
  });
});

describe('departmentFromRoleArn', () => {
  it.each([
    ['arn:aws:iam::111122223333:role/gcp-dept-td-admin', 'TD'],
    ['arn:aws:sts::111122223333:assumed-role/gcp-dept-dpo-read-only/x', 'DPO'],
    ['arn:aws:sts::111122223333:assumed-role/other-dept-td-admin/x', undefined],
    ['arn:aws:iam::111122223333:user/alice', undefined],
  ])('%s → %s', (arn, code) => {
    expect(departmentFromRoleArn(arn, 'gcp')).toBe(code);
  });
});
