import { classProblem, levelOfCode, parentCodeOf } from '../../../../lambda/records/domain/file-plan';
import { contentKey, immutabilityProblem, type RecordItem, scheduled } from '../../../../lambda/records/domain/record';
import type { DisposalSchedule } from '../../../../lambda/records/domain/schedule';

const schedule: DisposalSchedule = {
  department: 'DPO',
  id: 'GRDS-ADM-1',
  title: 'Seven years after closing',
  trigger: 'file-closed',
  retention: { years: 7, months: 0 },
  action: 'destroy',
  version: 1,
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'rm',
};
const kept: RecordItem = {
  id: 'r-1',
  department: 'DPO',
  classCode: 'ADM-01-001',
  scheduleId: schedule.id,
  metadata: { title: 'Lease', language: 'en', securityClassification: 'UNCLASSIFIED', keywords: [] },
  state: 'kept',
  content: { fileName: 'a.pdf', contentType: 'application/pdf', size: 1, sha256: 'a'.repeat(64), objectKey: 'records/DPO/r-1/a.pdf' },
  declaredAt: '2026-01-10T00:00:00.000Z',
  lock: { mode: 'COMPLIANCE', retainUntil: '2040-01-10T00:00:00.000Z' },
  holds: [],
  declaredBy: 'officer',
  version: 2,
};

describe('the file plan', () => {
  it('reads a class level and parent from its code', () => {
    expect([levelOfCode('ADM'), levelOfCode('ADM-01'), levelOfCode('ADM-01-003')]).toEqual(['function', 'activity', 'transaction']);
    expect([parentCodeOf('ADM'), parentCodeOf('ADM-01'), parentCodeOf('ADM-01-003')]).toEqual([undefined, 'ADM', 'ADM-01']);
  });

  it('refuses a code of another level, and a class whose parent does not exist', () => {
    expect(classProblem({ code: 'ADM-01', level: 'function' }, undefined)).toMatch(/activity's code/);
    expect(classProblem({ code: 'ADM-01', level: 'activity' }, undefined)).toMatch(/ADM does not exist/);
    expect(classProblem({ code: 'ADM', level: 'function' }, undefined)).toBeUndefined();
  });
});

describe('a record kept', () => {
  it('never takes new content, and is corrected only once', () => {
    expect(immutabilityProblem(kept, 'store-content')).toMatch(/cannot change/);
    expect(immutabilityProblem({ ...kept, state: 'awaiting-content' }, 'store-content')).toBeUndefined();
    expect(immutabilityProblem(kept, 'correct')).toBeUndefined();
    expect(immutabilityProblem({ ...kept, supersededBy: 'r-2' }, 'correct')).toMatch(/already corrected by r-2/);
    expect(immutabilityProblem({ ...kept, closedAt: '2027-01-01T00:00:00.000Z' }, 'close')).toMatch(/was closed/);
  });

  it('keeps its lock when a schedule would end it sooner, and extends it when later', () => {
    const closed = { ...kept, closedAt: '2027-01-01T00:00:00.000Z' };
    const now = new Date('2027-01-02T00:00:00Z');
    expect(scheduled(closed, schedule, now)).toEqual({
      scheduleId: schedule.id,
      dueAt: '2034-01-01T00:00:00.000Z',
      lock: { mode: 'COMPLIANCE', retainUntil: '2040-01-10T00:00:00.000Z' },
    });
    const longer = scheduled(closed, { ...schedule, retention: { years: 20, months: 0 } }, now);
    expect(longer.lock.retainUntil).toBe('2047-01-01T00:00:00.000Z');
  });

  it('keeps its content at a key of its own, with a safe file name', () => {
    expect(contentKey('DPO', 'r-1', '../../etc/pass wd.pdf')).toBe('records/DPO/r-1/pass-wd.pdf');
  });
});
