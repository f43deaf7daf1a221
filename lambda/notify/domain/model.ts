/** The records the notifications service keeps. Times are ISO-8601 strings in UTC. */

export type NotificationType = 'email' | 'sms';
export const TEMPLATE_TYPES = ['sms', 'email', 'letter'] as const;
export type TemplateType = (typeof TEMPLATE_TYPES)[number];

/** live sends to anyone, team only to the service's team and guest list, test never delivers. */
export type ApiKeyType = 'live' | 'team' | 'test';

export interface TeamMember {
  readonly name: string;
  readonly emailAddress: string;
  readonly mobileNumber?: string;
}

/** Where a department wants delivery receipts, and the bearer token Notify presents there. */
export interface CallbackConfig {
  readonly url: string;
  /** Sealed with the service's secret box; opened only to call the department. */
  readonly sealedBearerToken: string;
}

/** A department's sending service: the unit that owns keys, templates and notifications. */
export interface NotifyService {
  readonly id: string;
  readonly name: string;
  readonly departmentCode: string;
  readonly active: boolean;
  /** Trial mode: even live keys send only to the team and guest list. */
  readonly restricted: boolean;
  readonly emailFrom: string;
  /** Reply-to addresses by id; the first is the default. */
  readonly emailReplyTo: readonly { readonly id: string; readonly emailAddress: string; readonly isDefault: boolean }[];
  /** Text message senders by id; the first default one is used when none is named. */
  readonly smsSenders: readonly { readonly id: string; readonly sender: string; readonly isDefault: boolean }[];
  readonly teamMembers: readonly TeamMember[];
  /** Extra e-mail addresses and phone numbers a team key may send to. */
  readonly guestList: readonly string[];
  readonly canSendInternationalSms: boolean;
  /** Messages per day across live and team keys; test keys are unlimited. */
  readonly dailyLimit: number;
  /** Requests per rolling minute per API key. */
  readonly rateLimitPerMinute: number;
  readonly deliveryStatusCallback?: CallbackConfig;
  /** Days a notification stays readable through the API. */
  readonly retentionDays: number;
  readonly createdAt: string;
}

export interface ApiKeyRecord {
  readonly id: string;
  readonly serviceId: string;
  readonly name: string;
  readonly type: ApiKeyType;
  /** The key's secret sealed with the secret box: HS256 verification needs the secret itself. */
  readonly sealedSecret: string;
  /** SHA-256 of the secret, to recognise a key without opening any secret. */
  readonly secretHash: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly revokedAt?: string;
}

export interface TemplateVersion {
  readonly id: string;
  readonly serviceId: string;
  readonly type: NotificationType;
  readonly name: string;
  readonly version: number;
  readonly subject?: string;
  readonly body: string;
  readonly createdAt: string;
  readonly updatedAt: string | null;
  /** E-mail address of the team member who saved this version. */
  readonly createdBy: string;
  readonly archived: boolean;
}

export const EMAIL_STATUSES = ['created', 'sending', 'delivered', 'permanent-failure', 'temporary-failure', 'technical-failure'] as const;
export const SMS_STATUSES = [...EMAIL_STATUSES, 'pending', 'sent'] as const;
export type NotificationStatus = (typeof SMS_STATUSES)[number];

/** Every status a list may be filtered by: Notify's full list, so filters written for Notify still validate. */
export const FILTERABLE_STATUSES = [
  'cancelled',
  'created',
  'sending',
  'sent',
  'delivered',
  'pending',
  'failed',
  'technical-failure',
  'temporary-failure',
  'permanent-failure',
  'pending-virus-check',
  'validation-failed',
  'virus-scan-failed',
  'returned-letter',
  'accepted',
  'received',
] as const;
export type FilterableStatus = (typeof FILTERABLE_STATUSES)[number];

export interface Notification {
  readonly id: string;
  readonly serviceId: string;
  readonly departmentCode: string;
  readonly apiKeyId: string;
  readonly keyType: ApiKeyType;
  readonly type: NotificationType;
  readonly templateId: string;
  readonly templateVersion: number;
  /** The recipient as the caller wrote it. */
  readonly to: string;
  /** The recipient in canonical form (lower-case e-mail, E.164 phone). */
  readonly normalisedTo: string;
  readonly reference: string | null;
  readonly body: string;
  readonly subject?: string;
  readonly fromEmail?: string;
  readonly replyTo?: string;
  readonly fromNumber?: string;
  readonly oneClickUnsubscribeUrl?: string;
  readonly status: NotificationStatus;
  readonly createdAt: string;
  readonly sentAt: string | null;
  readonly completedAt: string | null;
  readonly billableSmsFragments?: number;
  readonly providerReference?: string;
  /** Epoch seconds after which storage may delete the notification. */
  readonly expiresAt: number;
}
