import type { StorageDefinition } from '../shared/storage-definition';

/** Logical names of the identity service's tables. */
export const IDENTITY_TABLES = { register: 'card-register', audit: 'identity-audit', people: 'people' } as const;

/**
 * The identity service's storage.
 * - `card-register`: each card's status, keyed by a keyed hash of its number (the number itself
 *   is never stored);
 * - `identity-audit`: every card status query and registration, and every signature, per
 *   department or person, newest last; the per-minute query counters beside them expire;
 * - `people`: each person's profile and the relying services they signed in to.
 */
export const storage: StorageDefinition = {
  tables: [
    { name: IDENTITY_TABLES.register, partitionKey: { name: 'pk', type: 'S' } },
    { name: IDENTITY_TABLES.audit, partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'sk', type: 'S' }, ttlAttribute: 'expiresAt' },
    { name: IDENTITY_TABLES.people, partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'sk', type: 'S' } },
  ],
  buckets: [],
};
