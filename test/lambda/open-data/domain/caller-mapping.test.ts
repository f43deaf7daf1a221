import { mayPublishFor, maySeeUnpublished, openDataCaller } from '../../../../lambda/open-data/domain/caller';

describe('openDataCaller', () => {
  it.each([
    [{ kind: 'anonymous' }, { kind: 'public' }],
    [{ kind: 'citizen', subject: 'c1', assurance: 'basic' }, { kind: 'public' }],
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

describe('mayPublishFor', () => {
  const officerOf = (department: string) => ({ kind: 'officer', department, roles: ['officer'] }) as const;

  it('lets an officer publish for its own department', () => {
    expect(mayPublishFor(officerOf('TD'), 'TD')).toBe(true);
    expect(maySeeUnpublished(officerOf('LANDSD'), 'LANDSD')).toBe(true);
  });

  it.each([
    ['a full-width code', 'ＴＤ'],
    ['a zero-width space inside the code', 'T\u200bD'],
    ['a trailing NUL', 'TD\u0000'],
    ['another case', 'td'],
    ['a combining accent', 'T\u0301D'],
  ])('compares codes exactly: %s is not TD', (_what, code) => {
    expect(mayPublishFor(officerOf(code), 'TD')).toBe(false);
    expect(maySeeUnpublished(officerOf(code), 'TD')).toBe(false);
  });
});
