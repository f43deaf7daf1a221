/**
 * The FHIR R4 resource types the service serves, and the search parameters of each. The routes,
 * the store's search attributes and the CapabilityStatement are all read from here, so the
 * statement says exactly what is supported.
 */
export const RESOURCE_TYPES = [
  'Patient',
  'Practitioner',
  'PractitionerRole',
  'Organization',
  'Consent',
  'Encounter',
  'Observation',
  'Condition',
  'AllergyIntolerance',
  'MedicationStatement',
  'AuditEvent',
] as const;

export type ResourceType = (typeof RESOURCE_TYPES)[number];

/** Types no client writes: the service writes each AuditEvent itself, and never changes one. */
export const READ_ONLY_TYPES: ReadonlySet<ResourceType> = new Set(['AuditEvent']);

/** The directory of providers and practitioners: no patient's record, open to every member of staff. */
export const DIRECTORY_TYPES: ReadonlySet<ResourceType> = new Set(['Practitioner', 'PractitionerRole', 'Organization']);

/** A patient's clinical records: read only with a relationship with the patient as well as consent. */
export const CLINICAL_TYPES: ReadonlySet<ResourceType> = new Set([
  'Encounter',
  'Observation',
  'Condition',
  'AllergyIntolerance',
  'MedicationStatement',
]);

/** Types that are about one patient and must name them. */
export const PATIENT_RECORD_TYPES: ReadonlySet<ResourceType> = new Set([...CLINICAL_TYPES, 'Consent']);

/** A search parameter the service supports, with its R4 type. */
export interface SearchParameter {
  readonly name: 'identifier' | 'patient' | 'subject' | 'status' | 'code' | 'date';
  readonly type: 'token' | 'reference' | 'date';
}

const IDENTIFIER: SearchParameter = { name: 'identifier', type: 'token' };
const PATIENT: SearchParameter = { name: 'patient', type: 'reference' };
const SUBJECT: SearchParameter = { name: 'subject', type: 'reference' };
const STATUS: SearchParameter = { name: 'status', type: 'token' };
const CODE: SearchParameter = { name: 'code', type: 'token' };
const DATE: SearchParameter = { name: 'date', type: 'date' };

/** Search parameters by type, beyond `_lastUpdated` and `_count`, which every type takes. */
export const SEARCH_PARAMETERS: Readonly<Record<ResourceType, readonly SearchParameter[]>> = {
  Patient: [IDENTIFIER],
  Practitioner: [IDENTIFIER],
  PractitionerRole: [IDENTIFIER],
  Organization: [IDENTIFIER],
  Consent: [PATIENT, STATUS],
  Encounter: [IDENTIFIER, PATIENT, SUBJECT, STATUS, DATE],
  Observation: [IDENTIFIER, PATIENT, SUBJECT, STATUS, CODE, DATE],
  Condition: [IDENTIFIER, PATIENT, SUBJECT, CODE],
  AllergyIntolerance: [IDENTIFIER, PATIENT, CODE, DATE],
  MedicationStatement: [IDENTIFIER, PATIENT, SUBJECT, STATUS, CODE],
  AuditEvent: [PATIENT, DATE],
};
