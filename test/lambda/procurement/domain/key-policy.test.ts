import {
  bidKeyPolicy,
  DENY_EARLY_DECRYPT_SID,
  DENY_POLICY_CHANGE_SID,
  decryptNotBefore,
  extendedClosing,
} from '../../../../lambda/procurement/domain/key-policy';

const input = {
  partition: 'aws',
  account: '111122223333',
  serviceRoleArn: 'arn:aws:iam::111122223333:role/egov-procurement-api',
  tenderId: 'T-2026-AB12CD34',
  closesAt: '2026-05-01T04:00:00+08:00',
};

describe('the key policy of a tender’s bid key', () => {
  const policy = bidKeyPolicy(input);

  it('denies kms:Decrypt to every principal before the closing time, in UTC', () => {
    const deny = policy.Statement.find((s) => s.Sid === DENY_EARLY_DECRYPT_SID);
    expect(deny).toEqual({
      Sid: DENY_EARLY_DECRYPT_SID,
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: 'kms:Decrypt',
      Resource: '*',
      Condition: { DateLessThan: { 'aws:CurrentTime': '2026-04-30T20:00:00.000Z' } },
    });
    expect(decryptNotBefore(policy)).toBe('2026-04-30T20:00:00.000Z');
  });

  it('allows decryption to no principal without the deny applying: no Allow of kms:Decrypt escapes the condition', () => {
    const allows = policy.Statement.filter((s) => s.Effect === 'Allow' && JSON.stringify(s.Action).includes('kms:Decrypt'));
    expect(allows.map((s) => s.Principal)).toEqual([{ AWS: input.serviceRoleArn }]);
    // The account's root may govern the key but is never allowed to decrypt or change its policy.
    const root = policy.Statement.find((s) => s.Sid === 'AccountGovernsTheKey');
    expect(JSON.stringify(root?.Action)).not.toMatch(/Decrypt|PutKeyPolicy|kms:\*/);
  });

  it('lets no one but the service role change the policy, disable the key or delete it', () => {
    expect(policy.Statement.find((s) => s.Sid === DENY_POLICY_CHANGE_SID)).toMatchObject({
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: ['kms:PutKeyPolicy', 'kms:ScheduleKeyDeletion', 'kms:DisableKey'],
      Condition: { ArnNotEquals: { 'aws:PrincipalArn': input.serviceRoleArn } },
    });
  });

  it('binds the service’s data keys to the tender by encryption context', () => {
    const seal = policy.Statement.find((s) => s.Sid === 'ServiceSealsAndOpensBids');
    expect(seal?.Condition).toEqual({ StringEquals: { 'kms:EncryptionContext:tender': input.tenderId } });
  });

  it('moves the closing time only later', () => {
    expect(extendedClosing('2026-05-01T00:00:00.000Z', '2026-05-10T00:00:00.000Z')).toBe('2026-05-10T00:00:00.000Z');
    expect(extendedClosing('2026-05-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z')).toBe('2026-05-01T00:00:00.000Z');
  });
});
