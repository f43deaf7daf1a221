import type { PlatformCatalogue } from './catalogue';

/** Replaced at bundling with the catalogue built from the config (esbuild `define`). */
declare const __PLATFORM_CATALOGUE__: string | undefined;

let cached: PlatformCatalogue | undefined;

/** The catalogue embedded at bundling, or in local mode the one passed in PLATFORM_CATALOGUE. */
export function loadCatalogue(): PlatformCatalogue {
  if (cached) return cached;
  const text = typeof __PLATFORM_CATALOGUE__ === 'string' ? __PLATFORM_CATALOGUE__ : process.env.PLATFORM_CATALOGUE;
  if (!text) throw new Error('No platform catalogue: bundle with __PLATFORM_CATALOGUE__ defined or set PLATFORM_CATALOGUE');
  cached = JSON.parse(text) as PlatformCatalogue;
  return cached;
}
