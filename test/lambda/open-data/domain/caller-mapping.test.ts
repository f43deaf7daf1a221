import { openDataCaller } from '../../../../lambda/open-data/domain/caller';

describe('openDataCaller', () => {
  it.each([
    [{ kind: 'anonymous' }, { kind: 'public' }],
    [{ kind: 'citizen', subject: 'c1' }, { kind: 'public' }],
    [
      { kind: 'staff', subject: 's1', department: 'TD', roles: ['officer'], groups: [] },
      { kind: 'officer', department: 'TD', roles: ['officer'] },
    ],
    [{ kind: 'staff', subject: 's2', department: 'TD', roles: [], groups: [] }, { kind: 'public' }],
    [{ kind: 'staff', subject: 's3', roles: [], groups: ['platform-admin'] }, { kind: 'admin' }],
    [
      { kind: 'department-principal', principal: 'arn', department: 'EPD', via: 'iam' },
      { kind: 'officer', department: 'EPD', roles: [] },
    ],
  ] as const)('maps %j to %j', (identity, expected) => {
    expect(openDataCaller(identity)).toEqual(expected);
  });
});
