import type { StorageDefinition } from '../../lambda/shared/storage-definition';
import { EmbeddedStorage } from '../../lib/local/embedded-storage';

/**
 * Starts embedded DynamoDB and S3 for one test file, creates a service's declared storage and
 * points the handlers' SDK clients at it through process.env. Call at the top of a describe.
 */
export function useEmbeddedStorage(service: string, storage: StorageDefinition): { readonly current: EmbeddedStorage } {
  const holder: { current: EmbeddedStorage } = { current: undefined as unknown as EmbeddedStorage };
  beforeAll(async () => {
    holder.current = await EmbeddedStorage.start();
    Object.assign(process.env, holder.current.clientEnvironment(), await holder.current.provision(service, storage));
  });
  afterAll(async () => {
    await holder.current?.stop();
  });
  return holder;
}
