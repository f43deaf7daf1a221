import type { PlatformConfig } from './schema';

/** Whether Amazon Macie runs: as `security.macie` says, else on in production and off in dev. */
export function macieEnabled(config: Pick<PlatformConfig, 'platform' | 'security'>): boolean {
  return config.security.macie ?? config.platform.profile === 'production';
}
