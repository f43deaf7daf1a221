/** What the platform measures: each e-service, government app and website, with its launch date. */
export const SERVICE_KINDS = ['e-service', 'app', 'website'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** A measured service's id: lower-case words joined by hyphens, chosen by its department, like `td-vehicle-licence`. */
export const MEASURED_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export interface Names {
  readonly en: string;
  readonly 'zh-hk': string;
  readonly 'zh-cn': string;
}

export interface MeasuredService {
  readonly id: string;
  readonly department: string;
  readonly kind: ServiceKind;
  readonly names: Names;
  /** Where the public reaches it: a page, or an app's store listing. @default - none */
  readonly url?: string;
  /** The day it launched (Hong Kong); its post-implementation review falls due six months later. */
  readonly launchDate: string;
  readonly registeredAt: string;
  readonly registeredBy: string;
}
