import type { App } from 'aws-cdk-lib';
import type { PlatformConfig } from './config/schema';
import { SecurityBaselineStack } from './security/security-baseline-stack';

/** Every stack of the platform, by area. */
export interface Platform {
  readonly security: SecurityBaselineStack;
}

/** Builds every stack of the platform from a validated config. */
export function buildPlatform(app: App, config: PlatformConfig): Platform {
  const security = new SecurityBaselineStack(app, 'Security', { config });
  return { security };
}
