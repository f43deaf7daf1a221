import type { PlatformCatalogue } from './domain/catalogue';

/** What the catalogue's use cases need. */
export interface PlatformPorts {
  /** The catalogue built from the config at synth. */
  readonly catalogue: PlatformCatalogue;
}
