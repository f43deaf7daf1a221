import { MedplumClient } from '@medplum/core';
import type * as fhir from '@medplum/fhirtypes';
import { Client, type FhirResource } from 'fhir-kit-client';
import { call, useLocalPlatform } from '../helpers/local-platform';

/** A typed R4 resource as the client's untyped one. */
const asBody = (resource: fhir.Resource) => resource as unknown as FhirResource;

/** The eHR's FHIR API over HTTP in local mode, driven by a FHIR client from npm. */
describe('ehr FHIR API over HTTP in local mode', () => {
  const platform = useLocalPlatform(['ehr']);
  const token = () => platform.current.credentials.EHR_PRACTITIONER_TOKEN;
  const client = (bearerToken = token()) => new Client({ baseUrl: `${platform.current.url}/ehr/fhir`, bearerToken });
  const patientClient = () =>
    new Client({ baseUrl: `${platform.current.url}/ehr/me/fhir`, bearerToken: platform.current.credentials.EHR_PATIENT_TOKEN });
  const fhirJson = { 'content-type': 'application/fhir+json' };
  const consent = (patient: string, kind: 'joining' | 'sharing'): fhir.Consent => ({
    resourceType: 'Consent',
    status: 'active',
    scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
    policyRule: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN' }] },
    category: [{ coding: [{ system: 'https://www.ehealth.gov.hk/fhir/CodeSystem/consent-category', code: kind }] }],
    patient: { reference: patient },
    ...(kind === 'sharing' ? { organization: [{ reference: 'Organization/qmh' }] } : {}),
  });

  it('serves a CapabilityStatement listing each type, its interactions and search parameters', async () => {
    const capability = (await client().capabilityStatement()) as unknown as fhir.CapabilityStatement;
    expect(capability.fhirVersion).toBe('4.0.1');
    const resources = capability.rest?.[0].resource ?? [];
    const observation = resources.find((r) => r.type === 'Observation');
    expect(observation?.interaction?.map((i) => i.code)).toEqual(['read', 'vread', 'history-instance', 'search-type', 'create', 'update']);
    expect(observation?.searchParam?.map((p) => p.name)).toContain('code');
    expect(resources.find((r) => r.type === 'AuditEvent')?.interaction?.map((i) => i.code)).not.toContain('create');
  });

  it('creates, reads, updates with If-Match, refuses a stale If-Match with 412, and keeps the history', async () => {
    const fk = client();
    const body: fhir.Patient = {
      resourceType: 'Patient',
      name: [{ family: 'Yip', given: ['Hoi Ling'] }],
      identifier: [{ system: 'http://www.immd.gov.hk/hkid', value: 'G123456(A)' }],
    };
    const created = (await fk.create({ resourceType: 'Patient', body: asBody(body) })) as unknown as fhir.Patient;
    expect(created.meta?.versionId).toBe('1');
    expect(created.identifier?.find((i) => i.system === 'https://www.ehealth.gov.hk/ehr-number')?.value).toMatch(/^EHR\d{12}$/);
    const id = created.id as string;
    // Registered, the patient gives the provider joining and sharing consent, recorded by its practitioner.
    for (const kind of ['joining', 'sharing'] as const) {
      await fk.create({ resourceType: 'Consent', body: asBody(consent(`Patient/${id}`, kind)) });
    }
    const read = (await fk.read({ resourceType: 'Patient', id })) as unknown as fhir.Patient;
    expect(read.name?.[0].family).toBe('Yip');
    const updated = (await fk.update({
      resourceType: 'Patient',
      id,
      body: asBody({ ...read, gender: 'female' }),
      options: { headers: { 'If-Match': 'W/"1"' } },
    })) as unknown as fhir.Patient;
    expect([updated.meta?.versionId, updated.gender]).toEqual(['2', 'female']);
    const stale = await call(platform.current, 'PUT', `/ehr/fhir/Patient/${id}`, {
      token: token(),
      headers: { ...fhirJson, 'if-match': 'W/"1"' },
      body: { ...read, gender: 'male' },
    });
    expect(stale.status).toBe(412);
    expect(stale.json.resourceType).toBe('OperationOutcome');
    const v1 = (await fk.vread({ resourceType: 'Patient', id, version: '1' })) as unknown as fhir.Patient;
    expect(v1.gender).toBeUndefined();
    const history = (await fk.resourceHistory({ resourceType: 'Patient', id })) as unknown as fhir.Bundle;
    expect(history.entry?.map((e) => e.resource?.meta?.versionId)).toEqual(['2', '1']);
  });

  it('creates once under If-None-Exist, and refuses a wrong HKID check digit with 422', async () => {
    const fk = client();
    const body: fhir.Patient = { resourceType: 'Patient', identifier: [{ system: 'http://www.immd.gov.hk/hkid', value: 'Z683365(A)' }] };
    const ifNoneExist = { headers: { 'If-None-Exist': 'identifier=http://www.immd.gov.hk/hkid|Z683365(A)' } };
    const first = (await fk.create({ resourceType: 'Patient', body: asBody(body), options: ifNoneExist })) as unknown as fhir.Patient;
    const second = (await fk.create({ resourceType: 'Patient', body: asBody(body), options: ifNoneExist })) as unknown as fhir.Patient;
    expect(second.id).toBe(first.id);
    const wrong = await call(platform.current, 'POST', '/ehr/fhir/Patient', {
      token: token(),
      headers: fhirJson,
      body: { resourceType: 'Patient', identifier: [{ system: 'http://www.immd.gov.hk/hkid', value: 'A123456(4)' }] },
    });
    expect([wrong.status, wrong.json.issue[0].details.text]).toEqual([422, 'invalid_resource']);
    const notR4 = await call(platform.current, 'POST', '/ehr/fhir/Patient', {
      token: token(),
      headers: fhirJson,
      body: { resourceType: 'Patient', birthDate: 'last spring', name: [{ family: 7 }] },
    });
    expect([notR4.status, notR4.json.issue[0].diagnostics]).toEqual([422, expect.stringContaining('Patient.birthDate')]);
  });

  it("searches a patient's records by code, and pages by the next link", async () => {
    const fk = client();
    const byPatient = (await fk.search({ resourceType: 'Observation', searchParams: { patient: 'p1' } })) as unknown as fhir.Bundle;
    expect(byPatient.entry?.map((e) => e.resource?.id).sort()).toEqual(['bp-p1', 'hba1c-p1']);
    const byCode = (await fk.search({
      resourceType: 'Observation',
      searchParams: { patient: 'p1', code: 'http://loinc.org|4548-4' },
    })) as unknown as fhir.Bundle;
    expect(byCode.entry?.map((e) => e.resource?.id)).toEqual(['hba1c-p1']);
    const seen: string[] = [];
    let page = (await fk.search({ resourceType: 'Observation', searchParams: { patient: 'p1', _count: 1 } })) as unknown as
      | fhir.Bundle
      | undefined;
    while (page) {
      expect(page.entry?.length ?? 0).toBeLessThanOrEqual(1);
      seen.push(...(page.entry ?? []).map((e) => e.resource?.id as string));
      page = (await fk.nextPage({ bundle: page as unknown as FhirResource & { link: { relation: string; url: string }[] } })) as unknown as
        | fhir.Bundle
        | undefined;
    }
    expect(seen.sort()).toEqual(['bp-p1', 'hba1c-p1']);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('records every read as an AuditEvent the privacy officer reviews, and refuses to create one with 405', async () => {
    const fk = client();
    await fk.read({ resourceType: 'Patient', id: 'p1' });
    const events = (await client(platform.current.credentials.EHR_PRIVACY_OFFICER_TOKEN).search({
      resourceType: 'AuditEvent',
      searchParams: { patient: 'p1', _count: 100 },
    })) as unknown as fhir.Bundle;
    const reads = (events.entry ?? []).filter((e) => (e.resource as fhir.AuditEvent).subtype?.[0].code === 'read');
    expect(reads.length).toBeGreaterThanOrEqual(1);
    const refused = await call(platform.current, 'POST', '/ehr/fhir/AuditEvent', {
      token: token(),
      headers: fhirJson,
      body: { resourceType: 'AuditEvent' },
    });
    expect([refused.status, refused.json.resourceType]).toEqual([405, 'OperationOutcome']);
  });

  it("refuses a provider without the patient's consent with a 403 OperationOutcome, until it breaks the glass", async () => {
    const refused = await call(platform.current, 'GET', '/ehr/fhir/Observation/bp-p3', { token: token() });
    expect([refused.status, refused.json.resourceType, refused.json.issue[0].code]).toEqual([403, 'OperationOutcome', 'forbidden']);
    expect(refused.json.issue[0].details.text).toBe('consent_no_sharing_consent');
    const glass = await call(platform.current, 'POST', '/ehr/fhir/Patient/p3/$break-glass', {
      token: token(),
      headers: fhirJson,
      body: { resourceType: 'Parameters', parameter: [{ name: 'reason', valueString: 'Collapsed at the clinic, unresponsive' }] },
    });
    expect([glass.status, glass.json.resourceType]).toEqual([201, 'Consent']);
    const observation = (await client().read({ resourceType: 'Observation', id: 'bp-p3' })) as unknown as fhir.Observation;
    expect(observation.subject?.reference).toBe('Patient/p3');
    const vague = await call(platform.current, 'POST', '/ehr/fhir/Patient/p3/$break-glass', {
      token: token(),
      headers: fhirJson,
      body: { resourceType: 'Parameters', parameter: [{ name: 'reason', valueString: 'x' }] },
    });
    expect(vague.status).toBe(400);
  });

  it("shows a patient their own access log, through a FHIR client on the patient's base", async () => {
    const log = (await patientClient().search({ resourceType: 'AuditEvent', searchParams: { _count: 100 } })) as unknown as fhir.Bundle;
    const events = (log.entry ?? []).map((e) => e.resource as fhir.AuditEvent);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.entity?.some((x) => x.what?.reference?.startsWith('Patient/p1')))).toBe(true);
    const other = await call(platform.current, 'GET', '/ehr/me/fhir/Observation?patient=p2', {
      token: platform.current.credentials.EHR_PATIENT_TOKEN,
    });
    expect([other.status, other.json.resourceType]).toEqual([403, 'OperationOutcome']);
  });

  it("works with a second FHIR client, Medplum's: read, search, create under consent and update with If-Match", async () => {
    const medplum = new MedplumClient({ baseUrl: `${platform.current.url}/ehr/`, fhirUrlPath: 'fhir', fetch });
    medplum.setAccessToken(token());
    const patient = await medplum.readResource('Patient', 'p1');
    expect(patient.identifier?.some((i) => i.system === 'https://www.ehealth.gov.hk/ehr-number')).toBe(true);
    const allergies = await medplum.searchResources('AllergyIntolerance', { patient: 'p1' });
    expect(allergies.map((a) => a.id)).toEqual(['penicillin-p1']);
    const created = await medplum.createResource<fhir.Observation>({
      resourceType: 'Observation',
      status: 'preliminary',
      code: { coding: [{ system: 'http://loinc.org', code: '8867-4', display: 'Heart rate' }] },
      subject: { reference: 'Patient/p1' },
      valueQuantity: { value: 88, unit: '/min' },
    });
    const updated = await medplum.updateResource<fhir.Observation>({ ...created, status: 'final' });
    expect([updated.meta?.versionId, updated.status]).toEqual(['2', 'final']);
    await expect(medplum.readResource('Observation', 'bp-p2')).rejects.toThrow(/sharing consent/);
  });

  it('runs a batch entry by entry under the consent rules, and refuses a transaction with 422', async () => {
    const batch: fhir.Bundle = {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        { request: { method: 'GET', url: 'Observation/bp-p1' } },
        { request: { method: 'GET', url: 'Observation?patient=p1&code=http://loinc.org|4548-4' } },
        {
          resource: { resourceType: 'Observation', status: 'final', code: { text: 'Weight' }, subject: { reference: 'Patient/p1' } },
          request: { method: 'POST', url: 'Observation' },
        },
        { request: { method: 'GET', url: 'Observation/bp-p2' } },
      ],
    };
    const medplum = new MedplumClient({ baseUrl: `${platform.current.url}/ehr/`, fhirUrlPath: 'fhir', fetch });
    medplum.setAccessToken(token());
    const answer = (await medplum.executeBatch(batch as never)) as unknown as fhir.Bundle;
    expect(answer.type).toBe('batch-response');
    const entries = answer.entry ?? [];
    expect(entries.map((e) => e.response?.status.slice(0, 3))).toEqual(['200', '200', '201', '403']);
    expect((entries[1].resource as fhir.Bundle).entry?.map((e) => e.resource?.id)).toEqual(['hba1c-p1']);
    const outcome = entries[3].response?.outcome as fhir.OperationOutcome | undefined;
    expect(outcome?.issue[0].details?.text).toBe('consent_no_sharing_consent');
    const refused = await call(platform.current, 'POST', '/ehr/fhir', {
      token: token(),
      headers: fhirJson,
      body: { ...batch, type: 'transaction' },
    });
    expect([refused.status, refused.json.issue[0].details.text]).toEqual([422, 'transaction_not_supported']);
  });

  it('answers an unknown resource with a 404 OperationOutcome', async () => {
    const missing = await call(platform.current, 'GET', '/ehr/fhir/Patient/nobody', { token: token() });
    expect([missing.status, missing.json.issue[0].code]).toEqual([404, 'not-found']);
  });
});
