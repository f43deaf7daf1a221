import type { SeedLocal } from '../shared/seed';
import { writeSeed } from './app/resources';
import { ehrPorts, useLocalIdentifierKey } from './compose';
import { CONSENT_CATEGORY_SYSTEM, OPT_IN_POLICY } from './domain/consent';
import { CITIZEN_ACCOUNT_SYSTEM, HKID_SYSTEM, hkidCheckDigit } from './domain/hkid';
import { PRACTITIONER_ROLE_PREFIX, PRIVACY_OFFICER_ROLE, PROVIDER_ROLE_PREFIX, REGISTRATION_ROLE_PREFIX } from './domain/roles';
import type { ResourceInput } from './domain/schemas';

/** The sign-in account of the demo patient p1, whose citizen token local mode prints. */
export const SEED_PATIENT_ACCOUNT = 'citizen-p1';
const hkid = (prefix: string) => `${prefix}${hkidCheckDigit(prefix)}`;
const loinc = (code: string, display: string) => ({ coding: [{ system: 'http://loinc.org', code, display }] });

function consent(id: string, patient: string, kind: 'joining' | 'sharing', provider?: string): ResourceInput {
  return {
    resourceType: 'Consent',
    id,
    status: 'active',
    scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
    policyRule: OPT_IN_POLICY,
    category: [{ coding: [{ system: CONSENT_CATEGORY_SYSTEM, code: kind }] }],
    patient: { reference: `Patient/${patient}` },
    dateTime: '2026-01-05T09:00:00+08:00',
    performer: [{ reference: `Patient/${patient}` }],
    ...(provider ? { organization: [{ reference: `Organization/${provider}` }] } : {}),
    provision: { type: 'permit', period: { start: '2026-01-05T09:00:00+08:00' } },
  };
}

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
    identifier: [
      { system: HKID_SYSTEM, value: hkid(hkidPrefix) },
      ...(id === 'p1' ? [{ system: CITIZEN_ACCOUNT_SYSTEM, value: SEED_PATIENT_ACCOUNT }] : []),
    ],
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
    resourceType: 'PractitionerRole',
    id: 'dr-chan-qmh',
    active: true,
    practitioner: { reference: 'Practitioner/dr-chan' },
    organization: { reference: 'Organization/qmh' },
    code: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/practitioner-role', code: 'doctor' }] }],
  },
  {
    resourceType: 'AllergyIntolerance',
    id: 'penicillin-p1',
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
    code: { coding: [{ system: 'http://snomed.info/sct', code: '764146007', display: 'Penicillin' }] },
    patient: { reference: 'Patient/p1' },
    recordedDate: '2026-03-10',
  },
  {
    resourceType: 'MedicationStatement',
    id: 'metformin-p2',
    status: 'active',
    medicationCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '109081006', display: 'Metformin' }] },
    subject: { reference: 'Patient/p2' },
    effectiveDateTime: '2026-04-10',
  },
  // Every patient has joined; p1 shares with Queen Mary Hospital, p2 with Harbour Medical
  // Clinic, and p3 with no provider yet.
  ...['p1', 'p2', 'p3'].map((patient) => consent(`joining-${patient}`, patient, 'joining')),
  consent('sharing-p1-qmh', 'p1', 'sharing', 'qmh'),
  consent('sharing-p2-harbour-clinic', 'p2', 'sharing', 'harbour-clinic'),
];

/** Writes the demo records that are not there yet. */
export async function seedEhr(): Promise<number> {
  useLocalIdentifierKey();
  const ports = await ehrPorts();
  let written = 0;
  for (const resource of SEED_RESOURCES) if (await writeSeed(ports, resource)) written++;
  return written;
}

const practitioner = (id: string, provider: string, registration: string) => [
  `${PRACTITIONER_ROLE_PREFIX}${id}`,
  `${PROVIDER_ROLE_PREFIX}${provider}`,
  `${REGISTRATION_ROLE_PREFIX}${registration}`,
];

/** Local mode's seeding: the demo records, and tokens for two practitioners, a privacy officer and the patient p1. */
export const seedLocal: SeedLocal = async (context) => {
  const written = await seedEhr();
  const notes = [
    `ehr: seeded ${written} FHIR resources (2 providers, 2 practitioners, 3 patients with consents, encounters, observations, an allergy, a medication) at /ehr/fhir.`,
  ];
  const department = context.departments[0];
  const tokens: Record<string, string | undefined> = {
    EHR_PRACTITIONER_TOKEN: await context.staffToken?.('dr-chan', department, practitioner('dr-chan', 'qmh', 'M12345')),
    EHR_PRACTITIONER_TOKEN_2: await context.staffToken?.('dr-wong', department, practitioner('dr-wong', 'harbour-clinic', 'M23456')),
    EHR_PRIVACY_OFFICER_TOKEN: await context.staffToken?.('privacy-officer', department, [PRIVACY_OFFICER_ROLE]),
    EHR_PATIENT_TOKEN: await context.citizenToken?.(SEED_PATIENT_ACCOUNT, 'verified'),
  };
  const who: Record<string, string> = {
    EHR_PRACTITIONER_TOKEN: 'Practitioner/dr-chan at Organization/qmh',
    EHR_PRACTITIONER_TOKEN_2: 'Practitioner/dr-wong at Organization/harbour-clinic',
    EHR_PRIVACY_OFFICER_TOKEN: 'a privacy officer, who reviews the access log',
    EHR_PATIENT_TOKEN: 'the patient Patient/p1, under /ehr/me/fhir',
  };
  const credentials: Record<string, string> = {};
  for (const [name, token] of Object.entries(tokens)) {
    if (!token) continue;
    credentials[name] = token;
    notes.push(`ehr: ${name} (${who[name]}) ${token}`);
  }
  return { notes, credentials };
};
