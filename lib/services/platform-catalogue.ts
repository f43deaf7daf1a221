import { CATALOGUE_FILE } from '../../lambda/platform/storage';
import type { PlatformConfig } from '../config/schema';
import { buildCatalogue } from '../departments/provisioning';

/** The platform catalogue, built from the config and bundled with the catalogue's function: too large for environment variables. */
export function platformCatalogueFiles(config: PlatformConfig): Readonly<Record<string, string>> {
  return { [CATALOGUE_FILE]: JSON.stringify(buildCatalogue(config)) };
}
