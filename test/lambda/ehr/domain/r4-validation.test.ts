import { readFileSync } from 'node:fs';
import { r4Problems } from '../../../../lambda/ehr/domain/r4-validation';
import { DEFINITIONS_FILE, REQUIRED_CODES_FILE, r4Definitions, r4RequiredCodes } from '../../../../scripts/ehr/r4-definitions';

describe('validation against the R4 StructureDefinitions', () => {
  it('accepts valid resources of each kind the seeds use', () => {
    expect(r4Problems({ resourceType: 'Patient', name: [{ family: 'Chan', given: ['Tai Man'] }], birthDate: '1980-04-02' })).toEqual([]);
    expect(
      r4Problems({ resourceType: 'Observation', status: 'final', code: { text: 'Heart rate' }, subject: { reference: 'Patient/p1' } }),
    ).toEqual([]);
  });

  it('refuses wrong types, formats, missing required elements, unknown elements and broken invariants, each by path', () => {
    const paths = (r: Record<string, unknown>) => r4Problems(r).map((p) => p.path);
    expect(paths({ resourceType: 'Patient', name: [{ family: 3 }], birthDate: 'yesterday' })).toEqual([
      'Patient.name[0].family',
      'Patient.birthDate',
    ]);
    expect(paths({ resourceType: 'Observation', code: { text: 'x' } })).toEqual(['Observation.status']);
    expect(paths({ resourceType: 'Patient', nickname: 'Ah Man' })).toEqual(['Patient.nickname']);
    const consent = {
      resourceType: 'Consent',
      status: 'active',
      scope: { text: 'privacy' },
      category: [{ text: 'sharing' }],
      patient: { reference: 'Patient/p1' },
    };
    expect(r4Problems(consent).map((p) => p.message)).toEqual([expect.stringContaining('ppc-1')]);
  });

  it('refuses a code outside a value set R4 binds as required, at any depth of the resource', () => {
    expect(r4Problems({ resourceType: 'Patient', gender: 'robot' }).map((p) => p.path)).toEqual(['Patient.gender']);
    expect(
      r4Problems({ resourceType: 'Patient', gender: 'female', contact: [{ name: { text: 'Mother' }, gender: 'x' }] }).map((p) => p.path),
    ).toEqual(['Patient.contact.gender']);
    expect(r4Problems({ resourceType: 'Observation', status: 'done', code: { text: 'x' } }).map((p) => p.path)).toEqual([
      'Observation.status',
    ]);
  });

  it('reads the committed definitions, which are what the generator writes from the published ones', () => {
    expect(JSON.parse(readFileSync(DEFINITIONS_FILE, 'utf8'))).toEqual(r4Definitions());
    expect(JSON.parse(readFileSync(REQUIRED_CODES_FILE, 'utf8'))).toEqual(r4RequiredCodes());
  });
});
