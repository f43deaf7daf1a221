import type { App } from 'aws-cdk-lib';
import type { PlatformConfig } from './config/schema';
import { SecurityBaselineStack } from './security/security-baseline-stack';
import { SharedServicesStack } from './shared-services/shared-services-stack';

/** Every stack of the platform, by area. */
export interface Platform {
  readonly security: SecurityBaselineStack;
  readonly sharedServices: SharedServicesStack;
}

/** Builds every stack of the platform from a validated config. */
export function buildPlatform(app: App, config: PlatformConfig): Platform {
  const security = new SecurityBaselineStack(app, 'Security', { config });
  const sharedServices = new SharedServicesStack(app, 'SharedServices', { config });
  return { security, sharedServices };
}
