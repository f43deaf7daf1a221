import { randomUUID } from 'node:crypto';
import { builtOnce } from '../shared/once';
import type { EhrPorts } from './ports';
import { DynamoResourceStore } from './store/resource-store';

/** The eHR's ports over DynamoDB. */
export function dynamoPorts(overrides: Partial<EhrPorts> = {}): EhrPorts {
  return { resources: new DynamoResourceStore(), clock: () => new Date(), ids: randomUUID, ...overrides };
}

/** The ports of this process, built on first use. */
export const ehrPorts = /* @__PURE__ */ builtOnce(async () => dynamoPorts());
