import { Tags } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { Classification } from './config/classification';

/** Tag keys the platform puts on everything: cost reports and access policies read them. */
export const TAG_KEYS = {
  platform: 'Platform',
  area: 'Area',
  classification: 'DataClassification',
  costCentre: 'CostCentre',
  department: 'Department',
} as const;

export interface OwnershipTags {
  readonly platform: string;
  readonly area: string;
  readonly classification: Classification;
  readonly costCentre: string;
  /** @default - the platform owns it; no Department tag */
  readonly department?: string;
}

/** Tags a construct and everything under it. */
export function applyOwnershipTags(scope: IConstruct, tags: OwnershipTags): void {
  const t = Tags.of(scope);
  t.add(TAG_KEYS.platform, tags.platform);
  t.add(TAG_KEYS.area, tags.area);
  t.add(TAG_KEYS.classification, tags.classification);
  t.add(TAG_KEYS.costCentre, tags.costCentre);
  if (tags.department) t.add(TAG_KEYS.department, tags.department);
}
