import type { SeedLocal } from '../shared/seed';
import { type Requester, readResource, updateResource } from './app/resources';
import { ehrPorts } from './compose';
import { HKID_SYSTEM, hkidCheckDigit } from './domain/hkid';
import type { ResourceType } from './domain/resource-types';
import type { ResourceInput } from './domain/schemas';

const SEEDER: Requester = { who: 'seed', sourceIp: '127.0.0.1', requestId: 'seed' };
const hkid = (prefix: string) => `${prefix}${hkidCheckDigit(prefix)}`;
const loinc = (code: string, display: string) => ({ coding: [{ system: 'http://loinc.org', code, display }] });

/** The demo records: two providers, their practitioners, three patients and their encounters and results. */
export const SEED_RESOURCES: readonly ResourceInput[] = [
  {
    resourceType: 'Organization',
    id: 'qmh',
    name: 'Queen Mary Hospital',
    identifier: [{ system: 'https://www.ehealth.gov.hk/provider', value: 'HA-QMH' }],
  },
  {
    resourceType: 'Organization',
    id: 'harbour-clinic',
    name: 'Harbour Medical Clinic',
    identifier: [{ system: 'https://www.ehealth.gov.hk/provider', value: 'PR-0001' }],
  },
  {
    resourceType: 'Practitioner',
    id: 'dr-chan',
    name: [{ family: 'Chan', given: ['Tai Man'] }],
    identifier: [{ system: 'https://www.mchk.org.hk/registration', value: 'M12345' }],
  },
  {
    resourceType: 'Practitioner',
    id: 'dr-wong',
    name: [{ family: 'Wong', given: ['Siu Ling'] }],
    identifier: [{ system: 'https://www.mchk.org.hk/registration', value: 'M23456' }],
  },
  ...[
    ['p1', 'Lee', 'Ka Yan', 'A123456', '1980-04-02', 'female'],
    ['p2', 'Cheung', 'Chi Keung', 'B234567', '1955-11-20', 'male'],
    ['p3', 'Ho', 'Wing Sze', 'C345678', '2001-07-15', 'female'],
  ].map(([id, family, given, hkidPrefix, birthDate, gender]) => ({
    resourceType: 'Patient' as const,
    id,
    name: [{ family, given: [given] }],
    identifier: [{ system: HKID_SYSTEM, value: hkid(hkidPrefix) }],
    birthDate,
    gender,
  })),
  ...['p1', 'p2'].map((patient, i) => ({
    resourceType: 'Encounter' as const,
    id: `enc-${patient}`,
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
    subject: { reference: `Patient/${patient}` },
    serviceProvider: { reference: i === 0 ? 'Organization/qmh' : 'Organization/harbour-clinic' },
    participant: [{ individual: { reference: i === 0 ? 'Practitioner/dr-chan' : 'Practitioner/dr-wong' } }],
    period: { start: `2026-0${i + 3}-10T09:00:00+08:00`, end: `2026-0${i + 3}-10T09:30:00+08:00` },
  })),
  ...['p1', 'p2', 'p3'].flatMap((patient, i) => [
    {
      resourceType: 'Observation' as const,
      id: `bp-${patient}`,
      status: 'final',
      code: loinc('85354-9', 'Blood pressure panel'),
      subject: { reference: `Patient/${patient}` },
      effectiveDateTime: `2026-0${i + 3}-10T09:10:00+08:00`,
      component: [
        { code: loinc('8480-6', 'Systolic blood pressure'), valueQuantity: { value: 120 + 10 * i, unit: 'mmHg' } },
        { code: loinc('8462-4', 'Diastolic blood pressure'), valueQuantity: { value: 80 + 5 * i, unit: 'mmHg' } },
      ],
    },
    {
      resourceType: 'Observation' as const,
      id: `hba1c-${patient}`,
      status: 'final',
      code: loinc('4548-4', 'Hemoglobin A1c/Hemoglobin.total in Blood'),
      subject: { reference: `Patient/${patient}` },
      effectiveDateTime: `2026-0${i + 3}-11T08:00:00+08:00`,
      valueQuantity: { value: 5.6 + i, unit: '%' },
    },
  ]),
  {
    resourceType: 'Condition',
    id: 'dm-p2',
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
    code: { coding: [{ system: 'http://snomed.info/sct', code: '44054006', display: 'Diabetes mellitus type 2' }] },
    subject: { reference: 'Patient/p2' },
    recordedDate: '2026-04-10',
  },
  {
    resourceType: 'Consent',
    id: 'sharing-p1-qmh',
    status: 'active',
    scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
    category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }],
    patient: { reference: 'Patient/p1' },
    performer: [{ reference: 'Patient/p1' }],
    organization: [{ reference: 'Organization/qmh' }],
  },
];

/** Writes the demo records that are not there yet. */
export async function seedEhr(): Promise<number> {
  const ports = await ehrPorts();
  let written = 0;
  for (const resource of SEED_RESOURCES) {
    const type = resource.resourceType as ResourceType;
    const id = resource.id as string;
    const exists = await readResource(ports, SEEDER, type, id).then(
      () => true,
      () => false,
    );
    if (exists) continue;
    await updateResource(ports, SEEDER, type, id, resource, undefined);
    written++;
  }
  return written;
}

/** Local mode's seeding: the demo records, and a practitioner's token for each provider's department. */
export const seedLocal: SeedLocal = async (context) => {
  const written = await seedEhr();
  const notes = [
    `ehr: seeded ${written} FHIR resources (2 providers, 2 practitioners, 3 patients, encounters, observations) at /ehr/fhir.`,
  ];
  const credentials: Record<string, string> = {};
  const department = context.departments[0];
  const token = await context.staffToken?.('dr-chan', department, ['practitioner', 'registration:M12345']);
  if (token) {
    credentials.EHR_PRACTITIONER_TOKEN = token;
    notes.push(`ehr: EHR_PRACTITIONER_TOKEN (Practitioner/dr-chan, ${department}) ${token}`);
  }
  return { notes, credentials };
};
