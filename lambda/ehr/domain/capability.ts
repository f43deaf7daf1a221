import { READ_ONLY_TYPES, RESOURCE_TYPES, SEARCH_PARAMETERS } from './resource-types';

/** The canonical URL of the break-glass operation's definition (not served here). */
const BREAK_GLASS_OPERATION = 'https://www.ehealth.gov.hk/fhir/OperationDefinition/Patient-break-glass';

const READ = ['read', 'vread', 'history-instance', 'search-type'] as const;
const WRITE = ['create', 'update'] as const;

/** The R4 CapabilityStatement of the service, from the same type and parameter lists the routes and store use. */
export function capabilityStatement(baseUrl: string, software: { name: string; version: string }, date: string): Record<string, unknown> {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date,
    kind: 'instance',
    software,
    implementation: { description: 'Hong Kong electronic health record sharing', url: baseUrl },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json'],
    rest: [
      {
        mode: 'server',
        interaction: [{ code: 'batch' }],
        security: {
          cors: false,
          description:
            "Staff bearer tokens of the platform: a practitioner's carries provider: and practitioner: roles, and sees a patient's records under the patient's sharing consent to the provider, or by $break-glass. Patients use citizen tokens at the verified level under /ehr/me/fhir. The CapabilityStatement is public.",
        },
        resource: RESOURCE_TYPES.map((type) => ({
          type,
          interaction: [...READ, ...(READ_ONLY_TYPES.has(type) ? [] : WRITE)].map((code) => ({ code })),
          versioning: 'versioned-update',
          readHistory: true,
          updateCreate: !READ_ONLY_TYPES.has(type),
          conditionalCreate: !READ_ONLY_TYPES.has(type),
          conditionalUpdate: false,
          conditionalDelete: 'not-supported',
          searchParam: [
            ...SEARCH_PARAMETERS[type].map(({ name, type: paramType }) => ({ name, type: paramType })),
            { name: '_lastUpdated', type: 'date' },
          ],
          ...(type === 'Patient' ? { operation: [{ name: 'break-glass', definition: BREAK_GLASS_OPERATION }] } : {}),
        })),
      },
    ],
  };
}
