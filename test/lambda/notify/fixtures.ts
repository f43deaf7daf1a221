import { randomBytes, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { createService, issueApiKey, saveTemplate } from '../../../lambda/notify/app/admin';
import { authenticateRequest } from '../../../lambda/notify/app/authenticate';
import { createNotifyPorts } from '../../../lambda/notify/compose';
import { parseApiKey } from '../../../lambda/notify/domain/api-key';
import type { NotifyCaller } from '../../../lambda/notify/domain/auth';
import type { ApiKeyType, NotifyService } from '../../../lambda/notify/domain/model';
import { formatError, type NotifyErrorBody } from '../../../lambda/notify/errors';
import type { HttpSender, NotifyPorts } from '../../../lambda/notify/ports';
import { RecordingProvider } from '../../../lambda/notify/store/recording-provider';
import { HttpError, isHttpError } from '../../../lambda/shared/errors';
import type { StorageDefinition } from '../../../lambda/shared/storage-definition';

/** A controllable clock and a service with one key of each type and two templates, on the given storage. */
export class NotifyWorld {
  now = new Date('2026-03-02T01:00:00Z');
  readonly provider: RecordingProvider;
  readonly posted: { url: string; headers: Record<string, string>; body: string }[] = [];
  httpStatus = 204;
  readonly ports: NotifyPorts;

  /** `realTime`: follow the system clock, for clients that stamp tokens with it. */
  constructor(providerOptions: ConstructorParameters<typeof RecordingProvider>[0] = {}, realTime = false) {
    this.provider = new RecordingProvider(providerOptions);
    if (realTime) Object.defineProperty(this, 'now', { get: () => new Date(), set: () => {} });
    const http: HttpSender = async (request) => {
      this.posted.push({ ...request, headers: { ...request.headers } });
      return { status: this.httpStatus };
    };
    this.ports = createNotifyPorts({ secretBoxKey: randomBytes(32), provider: this.provider, http, clock: () => this.now });
  }

  advance(seconds: number): void {
    this.now = new Date(this.now.getTime() + seconds * 1000);
  }

  async service(overrides: Partial<NotifyService> = {}): Promise<DemoService> {
    const service = await createService(
      {
        id: randomUUID(),
        name: 'Transport Department',
        departmentCode: 'TD',
        active: true,
        restricted: false,
        emailFrom: 'td@notify.example.gov.hk',
        emailReplyTo: [{ id: randomUUID(), emailAddress: 'enquiry@td.example.gov.hk', isDefault: true }],
        smsSenders: [{ id: randomUUID(), sender: 'TD', isDefault: true }],
        teamMembers: [{ name: 'Officer', emailAddress: 'officer@td.example.gov.hk', mobileNumber: '+85291234567' }],
        guestList: ['guest@example.com', '6123 4567'],
        canSendInternationalSms: false,
        dailyLimit: 1000,
        rateLimitPerMinute: 3000,
        retentionDays: 7,
        ...overrides,
      },
      this.ports,
    );
    const keys = {} as Record<ApiKeyType, string>;
    for (const type of ['live', 'team', 'test'] as const) {
      keys[type] = (
        await issueApiKey({ serviceId: service.id, name: `${type} key`, type, createdBy: 'officer@td.example.gov.hk' }, this.ports)
      ).text;
    }
    const email = await saveTemplate(
      {
        serviceId: service.id,
        type: 'email',
        name: 'Renewal',
        subject: 'Renew your ((licence))',
        body: 'Dear ((name)), renew your ((licence)).',
        createdBy: 'officer@td.example.gov.hk',
      },
      this.ports,
    );
    const sms = await saveTemplate(
      { serviceId: service.id, type: 'sms', name: 'Appointment', body: 'Appointment on ((date)).', createdBy: 'officer@td.example.gov.hk' },
      this.ports,
    );
    return { service, keys, emailTemplateId: email.id, smsTemplateId: sms.id, caller: (type) => this.caller(keys[type]) };
  }

  /** Authenticates with a token made from the key text, exactly as a client would. */
  async caller(keyText: string): Promise<NotifyCaller> {
    return authenticateRequest(`Bearer ${await this.token(keyText)}`, this.ports);
  }

  token(keyText: string): Promise<string> {
    const { serviceId, secret } = parseApiKey(keyText);
    return new SignJWT({ iss: serviceId, iat: Math.floor(this.now.getTime() / 1000) })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .sign(new TextEncoder().encode(secret));
  }
}

export interface DemoService {
  readonly service: NotifyService;
  readonly keys: Record<ApiKeyType, string>;
  readonly emailTemplateId: string;
  readonly smsTemplateId: string;
  caller(type: ApiKeyType): Promise<NotifyCaller>;
}

/** The Notify error body an error thrown by the service is answered with. */
export function notifyBody(err: HttpError): NotifyErrorBody {
  return formatError(err, 'test') as NotifyErrorBody;
}

/** What anything thrown by the service is answered with: its errors as they are, the rest as a 500. */
export function toNotifyErrorResponse(err: unknown): { readonly statusCode: number; readonly body: NotifyErrorBody } {
  const error = isHttpError(err) ? err : new HttpError(500, 'internal_error', 'Internal server error');
  return { statusCode: error.status, body: notifyBody(error) };
}

/** The Notify error body a promise rejects with. */
export async function rejection(promise: Promise<unknown>): Promise<{ status_code: number; errors: { error: string; message: string }[] }> {
  try {
    await promise;
  } catch (err) {
    if (isHttpError(err)) return notifyBody(err) as never;
    throw err;
  }
  throw new Error('expected the call to fail');
}

/**
 * The storage declaration for embedded storage. dynalite has no UpdateTimeToLive, which the
 * embedded storage calls for TTL tables, so TTL is left off here; the service never relies
 * on TTL deletion (it checks expiry times itself), so nothing under test changes.
 */
export function embeddedDefinition(definition: StorageDefinition): StorageDefinition {
  return { ...definition, tables: definition.tables.map(({ ttlAttribute: _ttl, ...table }) => table) };
}
