import type { StorageDefinition } from '../shared/storage-definition';

/** The catalogue is derived from the config and embedded in the function: no storage. */
export const storage: StorageDefinition = { tables: [], buckets: [] };
