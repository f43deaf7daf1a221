import type { Pricing } from '../pricing';
import { NETWORK_PRICING } from './network';
import { OPERATIONS_PRICING } from './operations';
import { SECURITY_PRICING } from './security';
import { SERVICES_PRICING } from './services';

/** How every resource type the estimate knows is priced. */
export const PRICING: Readonly<Record<string, Pricing>> = {
  ...NETWORK_PRICING,
  ...SECURITY_PRICING,
  ...OPERATIONS_PRICING,
  ...SERVICES_PRICING,
};

/** Custom resources run a function at deploy time only: no standing charge. */
export function pricingOf(type: string): Pricing | undefined {
  if (type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource') {
    return { kind: 'free', why: 'a custom resource runs only while a stack deploys' };
  }
  return PRICING[type];
}
