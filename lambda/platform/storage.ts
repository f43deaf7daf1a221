import type { StorageDefinition } from '../shared/storage-definition';

/** The catalogue is derived from the config and bundled with the function: no tables or buckets. */
export const storage: StorageDefinition = { tables: [], buckets: [] };

/** File the stack bundles next to the handler, built from the config at synth. */
export const CATALOGUE_FILE = 'catalogue.json';
