import type { StorageDefinition } from '../shared/storage-definition';

export const EHR_TABLES = { resources: 'resources' } as const;
export const EHR_INDEXES = { byType: 'byType', byPatient: 'byPatient', byHkid: 'byHkid', byAccount: 'byAccount' } as const;

/**
 * The eHR's storage: one table. Each version of a resource under `RES#<type>#<id>` (sort key
 * `V#<version>`, never changed once written) and its current version (`CURRENT`), which alone
 * carries the index keys, so the type index lists each resource once, by last update, and the
 * patient index a patient's resources of a type (`<patient>#<type>`), so a consent check or a
 * search of one patient's records reads that patient's items only. A patient found by HKID or
 * by their sign-in account (on every request of a patient) is found by a sparse index of that
 * identifier, not by reading every patient. The resource is kept as its
 * JSON text (`body`), so any JSON number or depth a client sends is stored as sent.
 */
export const storage: StorageDefinition = {
  tables: [
    {
      name: EHR_TABLES.resources,
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
      indexes: [
        { name: EHR_INDEXES.byType, partitionKey: { name: 'listing', type: 'S' }, sortKey: { name: 'listingKey', type: 'S' } },
        { name: EHR_INDEXES.byPatient, partitionKey: { name: 'patientListing', type: 'S' }, sortKey: { name: 'listingKey', type: 'S' } },
        { name: EHR_INDEXES.byHkid, partitionKey: { name: 'hkid', type: 'S' }, sortKey: { name: 'listingKey', type: 'S' } },
        { name: EHR_INDEXES.byAccount, partitionKey: { name: 'citizenAccount', type: 'S' }, sortKey: { name: 'listingKey', type: 'S' } },
      ],
    },
  ],
  buckets: [],
};
