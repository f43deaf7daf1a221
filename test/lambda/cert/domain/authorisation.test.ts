import fc from 'fast-check';
import { canPublish, canRead, canTriage, incidentScope, reportingDepartment } from '../../../../lambda/cert/domain/authorisation';
import type { Caller } from '../../../../lambda/cert/domain/caller';

const department = fc.constantFrom('DPO', 'TD', 'FEHD', 'IMMD');
const officer = (d: string): Caller => ({ kind: 'officer', department: d, roles: ['security-officer'] });
const analyst: Caller = { kind: 'analyst' };
const admin: Caller = { kind: 'admin' };
const publicCaller: Caller = { kind: 'public' };

describe('authorisation between departments', () => {
  it('lets an officer read exactly its own department’s incidents', () => {
    fc.assert(
      fc.property(department, department, (own, owner) => {
        const decision = canRead(officer(own), { id: 'GCERT-2026-000001', department: owner });
        expect(decision.allowed).toBe(own === owner);
        if (!decision.allowed) expect(decision.reason).toMatch(/belongs to another department/);
      }),
    );
  });

  it('lets analysts and administrators read every department’s incidents, and the public none', () => {
    fc.assert(
      fc.property(department, (owner) => {
        const incident = { id: 'GCERT-2026-000001', department: owner };
        expect(canRead(analyst, incident).allowed).toBe(true);
        expect(canRead(admin, incident).allowed).toBe(true);
        expect(canRead(publicCaller, incident).allowed).toBe(false);
      }),
    );
  });

  it('scopes an officer’s list to its department and an analyst’s to all', () => {
    expect(incidentScope(officer('TD'))).toEqual({ department: 'TD' });
    expect(incidentScope(analyst)).toEqual({ all: true });
    expect(incidentScope(publicCaller)).toHaveProperty('reason');
  });

  it('files an officer’s report under its own department, and refuses another', () => {
    expect(reportingDepartment(officer('TD'), undefined)).toEqual({ department: 'TD' });
    expect(reportingDepartment(officer('TD'), 'TD')).toEqual({ department: 'TD' });
    expect(reportingDepartment(officer('TD'), 'DPO')).toEqual({ reason: expect.stringMatching(/only for TD, not DPO/) });
  });

  it('makes analysts name the department they report for, and refuses the public', () => {
    expect(reportingDepartment(analyst, 'FEHD')).toEqual({ department: 'FEHD' });
    expect(reportingDepartment(analyst, undefined)).toHaveProperty('reason');
    expect(reportingDepartment(publicCaller, 'FEHD')).toHaveProperty('reason');
  });

  it('leaves triage and publishing to the CERT', () => {
    for (const caller of [analyst, admin]) {
      expect(canTriage(caller).allowed).toBe(true);
      expect(canPublish(caller).allowed).toBe(true);
    }
    for (const caller of [officer('DPO'), publicCaller]) {
      expect(canTriage(caller).allowed).toBe(false);
      expect(canPublish(caller).allowed).toBe(false);
    }
  });
});
