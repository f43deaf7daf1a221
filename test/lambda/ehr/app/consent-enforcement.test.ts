import type { Actor } from '../../../../lambda/ehr/app/access';
import {
  breakGlass,
  createResource,
  type Requester,
  readResource,
  resourceHistory,
  searchResources,
  updateResource,
  writeSeed,
} from '../../../../lambda/ehr/app/resources';
import { dynamoPorts } from '../../../../lambda/ehr/compose';
import { CONSENT_CATEGORY_SYSTEM } from '../../../../lambda/ehr/domain/consent';
import { searchQuery } from '../../../../lambda/ehr/domain/schemas';
import type { EhrPorts, StoredResource } from '../../../../lambda/ehr/ports';
import { SEED_PATIENT_ACCOUNT, SEED_RESOURCES } from '../../../../lambda/ehr/seed';
import { storage } from '../../../../lambda/ehr/storage';
import { useEmbeddedStorage } from '../../../helpers/embedded-storage';
import { refusal } from '../../../helpers/refusal';

const HOUR = 3_600_000;
const request = { sourceIp: '10.0.0.1', requestId: 'req-1' };
const as = (who: string, actor: Actor): Requester => ({ who, actor, ...request });
const drChan = as('dr-chan', { kind: 'practitioner', practitioner: 'dr-chan', provider: 'qmh' });
const drWong = as('dr-wong', { kind: 'practitioner', practitioner: 'dr-wong', provider: 'harbour-clinic' });
const officer = as('po', { kind: 'privacy-officer' });
const clerk = as('clerk', { kind: 'staff' });
const patientP1 = as(SEED_PATIENT_ACCOUNT, { kind: 'patient', citizen: SEED_PATIENT_ACCOUNT });
const query = (q: Record<string, unknown>) => searchQuery.parse(q);

/** The HTTP error a call rejects with, or fails the test. */
const sharingConsent = (patient: string, provider: string, end?: string) => ({
  resourceType: 'Consent' as const,
  status: 'active',
  scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
  policyRule: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN' }] },
  category: [{ coding: [{ system: CONSENT_CATEGORY_SYSTEM, code: 'sharing' }] }],
  patient: { reference: patient },
  organization: [{ reference: `Organization/${provider}` }],
  ...(end ? { provision: { period: { start: '2026-05-01T00:00:00Z', end } } } : {}),
});

describe('the consent rules, applied by the eHR use cases over embedded storage', () => {
  useEmbeddedStorage('ehr', storage);
  let now = new Date('2026-05-01T00:00:00Z');
  let ports: EhrPorts;

  beforeAll(async () => {
    ports = dynamoPorts({ clock: () => now });
    for (const resource of SEED_RESOURCES) await writeSeed(ports, resource);
  });

  /** The AuditEvents about a patient, newest first, as the privacy officer sees them. */
  async function auditOf(patient: string): Promise<StoredResource[]> {
    return [...(await searchResources(ports, officer, 'AuditEvent', query({ patient, _count: 100 }))).items];
  }

  it("refuses a provider without the patient's sharing consent with 403, and audits the refusal", async () => {
    const error = await refusal(readResource(ports, drChan, 'Observation', 'bp-p2'));
    expect([error.status, error.code]).toEqual([403, 'consent_no_sharing_consent']);
    const [latest] = await auditOf('Patient/p2');
    expect(latest).toMatchObject({ outcome: '4', agent: [{ who: { identifier: { value: 'dr-chan' } }, policy: ['provider:qmh'] }] });
    expect(latest.entity).toEqual(expect.arrayContaining([expect.objectContaining({ what: { reference: 'Observation/bp-p2' } })]));
  });

  it('needs a relationship as well as consent to read clinical records, not to write them', async () => {
    // p1 shares with QMH, where dr-chan saw her; dr-wong's clinic has no consent from her.
    expect((await readResource(ports, drChan, 'Observation', 'bp-p1')).id).toBe('bp-p1');
    expect((await refusal(readResource(ports, drWong, 'Observation', 'bp-p1'))).code).toBe('consent_no_sharing_consent');
    const colleague = as('dr-lau', { kind: 'practitioner', practitioner: 'dr-lau', provider: 'qmh' });
    expect((await refusal(readResource(ports, colleague, 'Observation', 'bp-p1'))).code).toBe('consent_no_relationship');
    const encounter = await createResource(
      ports,
      colleague,
      'Encounter',
      {
        resourceType: 'Encounter',
        status: 'in-progress',
        class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
        subject: { reference: 'Patient/p1' },
        serviceProvider: { reference: 'Organization/qmh' },
        participant: [{ individual: { reference: 'Practitioner/dr-lau' } }],
      },
      undefined,
    );
    expect(encounter.created).toBe(true);
    expect((await readResource(ports, colleague, 'Observation', 'bp-p1')).id).toBe('bp-p1');
  });

  it("searches one patient's records at a time, and finds patients only by identifier", async () => {
    expect((await refusal(searchResources(ports, drChan, 'Observation', query({ code: 'http://loinc.org|4548-4' })))).code).toBe(
      'patient_required',
    );
    expect((await refusal(searchResources(ports, drChan, 'Patient', query({})))).code).toBe('patient_required');
    const page = await searchResources(ports, drChan, 'Observation', query({ patient: 'p1', code: 'http://loinc.org|4548-4' }));
    expect(page.items.map((o) => o.id)).toEqual(['hba1c-p1']);
    expect((await refusal(searchResources(ports, clerk, 'Observation', query({ patient: 'p1' })))).code).toBe('consent_practitioners_only');
    expect((await refusal(searchResources(ports, drChan, 'AuditEvent', query({ patient: 'p1' })))).code).toBe('consent_audit_review_only');
  });

  it('lets a provider record its own sharing consent, not one to another provider, nor one longer than 12 months', async () => {
    expect((await refusal(createResource(ports, drChan, 'Consent', sharingConsent('Patient/p3', 'harbour-clinic'), undefined))).code).toBe(
      'consent_other_provider',
    );
    const tooLong = await refusal(
      createResource(ports, drChan, 'Consent', sharingConsent('Patient/p3', 'qmh', '2027-05-02T00:00:00Z'), undefined),
    );
    expect([tooLong.status, tooLong.code]).toEqual([422, 'invalid_resource']);
    const year = await createResource(ports, drChan, 'Consent', sharingConsent('Patient/p3', 'qmh', '2027-05-01T00:00:00Z'), undefined);
    expect(year.created).toBe(true);
    // Within the term QMH may record for p3; once it lapses, not.
    const observation = {
      resourceType: 'Observation' as const,
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '8310-5' }] },
      subject: { reference: 'Patient/p3' },
    };
    expect((await createResource(ports, drChan, 'Observation', observation, undefined)).created).toBe(true);
    now = new Date('2027-05-01T00:00:00Z');
    expect((await refusal(createResource(ports, drChan, 'Observation', observation, undefined))).code).toBe('consent_no_sharing_consent');
    now = new Date('2026-05-01T00:00:00Z');
  });

  it('breaks the glass for the declared reason, marks every access under it, and lets it lapse after 4 hours', async () => {
    const glassAt = new Date('2026-05-02T10:00:00Z');
    now = glassAt;
    expect((await refusal(readResource(ports, drWong, 'Observation', 'hba1c-p3'))).status).toBe(403);
    const grant = await breakGlass(ports, drWong, 'p3', 'Unconscious in the emergency room, history of diabetes');
    expect(grant).toMatchObject({ resourceType: 'Consent', status: 'active', provision: { period: { end: '2026-05-02T14:00:00.000Z' } } });
    now = new Date(glassAt.getTime() + 3 * HOUR);
    expect((await readResource(ports, drWong, 'Observation', 'hba1c-p3')).id).toBe('hba1c-p3');
    const since = (await auditOf('Patient/p3')).filter((e) => e.outcome === '0' && JSON.stringify(e.agent).includes('dr-wong'));
    const [read, granted] = since.sort((a, b) => String(b.recorded).localeCompare(String(a.recorded)));
    expect(read.purposeOfEvent).toEqual([expect.objectContaining({ coding: [expect.objectContaining({ code: 'BTG' })] })]);
    expect(granted.subtype).toEqual([expect.objectContaining({ code: 'break-glass' })]);
    // The grant is dr-wong's alone, and lapses.
    const nurse = as('dr-ho', { kind: 'practitioner', practitioner: 'dr-ho', provider: 'harbour-clinic' });
    expect((await refusal(readResource(ports, nurse, 'Observation', 'hba1c-p3'))).status).toBe(403);
    now = new Date(glassAt.getTime() + 4 * HOUR);
    expect((await refusal(readResource(ports, drWong, 'Observation', 'hba1c-p3'))).status).toBe(403);
    // Nobody writes or changes a grant except by the operation.
    const forged = await refusal(updateResource(ports, drWong, 'Consent', grant.id, { ...grant, status: 'active' }, undefined));
    expect(forged.status).toBe(422);
    now = new Date('2026-05-01T00:00:00Z');
  });

  it('shows a patient their own records and access log, and nobody else’s', async () => {
    const own = await searchResources(ports, patientP1, 'Observation', query({}));
    expect(own.items.map((o) => o.id).sort()).toEqual(['bp-p1', 'hba1c-p1']);
    expect((await refusal(searchResources(ports, patientP1, 'Observation', query({ patient: 'p2' })))).code).toBe(
      'consent_own_records_only',
    );
    expect((await refusal(readResource(ports, patientP1, 'Observation', 'bp-p2'))).code).toBe('consent_own_records_only');
    const log = await searchResources(ports, patientP1, 'AuditEvent', query({ _count: 100 }));
    expect(log.items.some((e) => JSON.stringify(e.agent).includes('dr-chan'))).toBe(true);
    const patients = await searchResources(ports, patientP1, 'Patient', query({}));
    expect(patients.items.map((p) => p.id)).toEqual(['p1']);
  });

  it('lets the patient revoke a sharing consent, with effect at once and for good', async () => {
    expect((await readResource(ports, drChan, 'Observation', 'bp-p1')).id).toBe('bp-p1');
    const consent = await readResource(ports, patientP1, 'Consent', 'sharing-p1-qmh');
    const revoked = await updateResource(ports, patientP1, 'Consent', consent.id, { ...consent, status: 'inactive' }, 'W/"1"');
    expect(revoked.resource.meta.versionId).toBe('2');
    expect((await refusal(readResource(ports, drChan, 'Observation', 'bp-p1'))).code).toBe('consent_no_sharing_consent');
    const again = await refusal(updateResource(ports, patientP1, 'Consent', consent.id, { ...consent, status: 'active' }, undefined));
    expect(again.status).toBe(422);
    expect((await resourceHistory(ports, patientP1, 'Consent', consent.id)).map((v) => v.status)).toEqual(['inactive', 'active']);
    // A new consent restores sharing.
    await createResource(ports, patientP1, 'Consent', sharingConsent('Patient/p1', 'qmh'), undefined);
    expect((await readResource(ports, drChan, 'Observation', 'bp-p1')).id).toBe('bp-p1');
    expect((await refusal(createResource(ports, patientP1, 'Consent', sharingConsent('Patient/p2', 'qmh'), undefined))).code).toBe(
      'consent_other_patient',
    );
  });

  it('keeps a record with its patient, and a patient to consent alone', async () => {
    const moved = await refusal(
      updateResource(
        ports,
        drChan,
        'Observation',
        'bp-p1',
        { ...(await readResource(ports, drChan, 'Observation', 'bp-p1')), subject: { reference: 'Patient/p3' } },
        undefined,
      ),
    );
    expect(moved.status).toBe(422);
    const clinical = { resourceType: 'Observation' as const, status: 'final', code: { text: 'x' }, subject: { reference: 'Patient/p1' } };
    expect((await refusal(createResource(ports, patientP1, 'Observation', clinical, undefined))).code).toBe(
      'consent_patients_record_consent_only',
    );
    const orphan = { resourceType: 'Observation' as const, status: 'final', code: { text: 'x' } };
    expect((await refusal(createResource(ports, drChan, 'Observation', orphan, undefined))).status).toBe(422);
  });
});
