import * as z from 'zod';
import type { HttpError } from '../shared/errors';
import type { Caller } from '../shared/identity';
import { defineService } from '../shared/route';
import {
  notificationListResponseSchema,
  notificationResponseSchema,
  postEmailResponseSchema,
  postSmsResponseSchema,
  receivedTextListResponseSchema,
  templateListResponseSchema,
  templatePreviewResponseSchema,
  templateResponseSchema,
} from './domain/response-schemas';
import {
  idempotencyKeySchema,
  listNotificationsQuerySchema,
  listReceivedTextsQuerySchema,
  listTemplatesQuerySchema,
  notificationIdSchema,
  previewTemplateRequestSchema,
  sendEmailRequestSchema,
  sendLetterRequestSchema,
  sendSmsRequestSchema,
  templateIdSchema,
  templateVersionSchema,
} from './domain/schemas';
import { SMS_CHARACTER_LIMIT } from './domain/sms-length';
import { authError, formatError, requestError } from './errors';

/** Notify's own credentials: an HS256 JWT made from a department's API key, checked by the service's authorizer. */
export const NOTIFY_AUTH_SCHEME = 'notify-jwt';

/**
 * Context keys with which the authorizer passes on a refused token (Notify's message and
 * status), so the runtime answers Notify's AuthError body rather than API Gateway's.
 */
export const REFUSED_TOKEN_CONTEXT = { message: 'authError', status: 'authStatus' } as const;

/**
 * The refusal the authorizer passed on with the caller, as Notify's AuthError (401 or 403 with
 * Notify's message); undefined for a caller whose token was accepted.
 */
export function refusedToken(caller: Caller): HttpError | undefined {
  if (caller.kind !== 'client' || caller.scheme !== NOTIFY_AUTH_SCHEME) return undefined;
  const refused = caller.attributes[REFUSED_TOKEN_CONTEXT.message];
  if (!refused) return undefined;
  return authError(refused, Number(caller.attributes[REFUSED_TOKEN_CONTEXT.status]) === 401 ? 401 : 403);
}

/**
 * Environment of the service's functions, written by its stack (and local mode) and read by
 * compose.ts. Without the AWS settings the functions run as in local mode.
 */
export const NOTIFY_ENVIRONMENT = {
  /** The secret box key itself, base64: local mode and tests. */
  secretBoxKey: 'NOTIFY_SECRET_BOX_KEY',
  /** ARN of the Secrets Manager secret holding the secret box key: AWS. */
  secretBoxKeySecretArn: 'NOTIFY_SECRET_BOX_KEY_SECRET_ARN',
  /** `aws` sends e-mail through SES and text messages through SNS; unset, messages are only recorded. */
  deliveryProvider: 'NOTIFY_DELIVERY_PROVIDER',
  /** SES configuration set named on every e-mail, for its delivery events. @default - none */
  emailConfigurationSet: 'NOTIFY_EMAIL_CONFIGURATION_SET',
  /** Region whose SES sends e-mail. @default - the function's region */
  emailRegion: 'NOTIFY_EMAIL_REGION',
} as const;

/** The value of `NOTIFY_ENVIRONMENT.deliveryProvider` that sends through SES and SNS. */
export const AWS_DELIVERY = 'aws';

const auth = { scheme: NOTIFY_AUTH_SCHEME } as const;

/** The sending routes' Idempotency-Key, and what they answer when it is reused with another body. */
const idempotent = {
  headers: ['idempotency-key'],
  headerSchemas: { 'idempotency-key': idempotencyKeySchema },
  responses: { 409: 'The Idempotency-Key was used with another body, or its first request is still being sent (ConflictError)' },
} as const;

/**
 * What a send's body schema cannot say: the rules that depend on the service's templates and
 * settings, each answered with Notify's 400 BadRequestError.
 */
const sendRules = (type: 'email' | 'sms', other: 'email' | 'sms', extra: string) =>
  `What the body's schema cannot say, each answered 400 BadRequestError: \`template_id\` names one of the service's ${type} templates ` +
  `("Template not found"; a template of the other kind is "${other} template is not suitable for ${type} notification"); ` +
  `${PERSONALISATION_RULE}; ${extra}. A team key, or any key of a service in trial mode, sends only to the service's team and guest list.`;

const PERSONALISATION_RULE =
  '`personalisation` gives a value other than null for each placeholder of the template (as GET /v2/template/{id} lists them, ' +
  'matched whatever their case, spaces, hyphens and underscores), else "Missing personalisation: " and the names';

const notificationId = z.strictObject({ id: notificationIdSchema });
const templateId = z.strictObject({ id: templateIdSchema });

/**
 * Notifications, with GOV.UK Notify's v2 API. Notify's clients join `/v2/...` to the root of
 * the base URL they are given (the Python client does), so the service is served at the root of
 * a host of its own (local mode: its own port) as well as under `/notify` on the platform's
 * shared host; its links are built from the root the caller reached, and Notify's own clients
 * work unchanged.
 */
export const notifyService = defineService({
  name: 'notify',
  title: 'Notifications (GOV.UK Notify compatible)',
  version: '2.0.0',
  basePath: '/notify',
  formatError,
  requestError,
  refuseCaller: refusedToken,
  authorizers: { [NOTIFY_AUTH_SCHEME]: { entry: 'lambda/notify/handlers/authorizer.ts', header: 'authorization' } },
  functions: {
    api: 'lambda/notify/handlers/http.ts',
    scheduled: 'lambda/notify/handlers/dispatch-callbacks.ts',
    deliveryEvents: 'lambda/notify/handlers/delivery-events.ts',
  },
  environment: NOTIFY_ENVIRONMENT,
  schedules: {
    callbacks: {
      function: 'scheduled',
      expression: 'rate(1 minute)',
      description: "Posts due delivery receipts to departments' callback URLs, retrying failures with back-off",
    },
  },
  routes: {
    sendEmail: {
      method: 'POST',
      path: '/notify/v2/notifications/email',
      auth,
      summary: 'Send an e-mail from a template; an Idempotency-Key makes a retry return the first notification',
      description: sendRules('email', 'sms', "`email_reply_to_id` is one of the service's reply-to addresses"),
      body: sendEmailRequestSchema,
      ...idempotent,
      successStatus: 201,
      response: postEmailResponseSchema,
    },
    sendSms: {
      method: 'POST',
      path: '/notify/v2/notifications/sms',
      auth,
      summary: 'Send a text message from a template; an Idempotency-Key makes a retry return the first notification',
      description: sendRules(
        'sms',
        'email',
        `\`sms_sender_id\` is one of the service's text message senders; the message filled in is at most ${SMS_CHARACTER_LIMIT} characters; a number outside Hong Kong needs the service's permission for international text messages`,
      ),
      body: sendSmsRequestSchema,
      ...idempotent,
      successStatus: 201,
      response: postSmsResponseSchema,
    },
    sendLetter: {
      method: 'POST',
      path: '/notify/v2/notifications/letter',
      auth,
      summary:
        "Send a letter, from a template or a precompiled PDF: no service here sends letters, so Notify's 400 for a service without the letter permission",
      description:
        "No service here has Notify's letter permission (the platform prints and posts nothing), so a letter whose body is valid is " +
        'answered 400 BadRequestError "Service is not allowed to send letters", as Notify answers a service without it; a body its ' +
        "schemas refuse is Notify's ValidationError first. The 201 is Notify's answer to a service with the permission.",
      body: sendLetterRequestSchema,
      successStatus: 201,
      // A precompiled letter is a PDF in base64; the cap stays under Lambda's 6 MB request payload.
      maxBodyBytes: 5 * 1024 * 1024,
    },
    getNotification: {
      method: 'GET',
      path: '/notify/v2/notifications/{id}',
      auth,
      summary: "One of the service's notifications, with its status",
      params: notificationId,
      response: notificationResponseSchema,
    },
    listNotifications: {
      method: 'GET',
      path: '/notify/v2/notifications',
      auth,
      summary: "The service's notifications, newest first, 250 a page (older_than for the next)",
      query: listNotificationsQuerySchema,
      response: notificationListResponseSchema,
    },
    getTemplate: {
      method: 'GET',
      path: '/notify/v2/template/{id}',
      auth,
      summary: 'The latest version of a template',
      params: templateId,
      response: templateResponseSchema,
    },
    getTemplateVersion: {
      method: 'GET',
      path: '/notify/v2/template/{id}/version/{version}',
      auth,
      summary: 'One version of a template',
      params: z.strictObject({ id: templateIdSchema, version: templateVersionSchema }),
      response: templateResponseSchema,
    },
    previewTemplate: {
      method: 'POST',
      path: '/notify/v2/template/{id}/preview',
      auth,
      summary: 'A template filled in with personalisation, as it would be sent',
      description: `\`id\` names one of the service's templates (else 404 NoResultFound); ${PERSONALISATION_RULE} (400 BadRequestError).`,
      params: templateId,
      body: previewTemplateRequestSchema,
      response: templatePreviewResponseSchema,
    },
    listReceivedTexts: {
      method: 'GET',
      path: '/notify/v2/received-text-messages',
      auth,
      summary: 'Text messages sent to the service, newest first, 250 a page: none, as no service here has an inbound number',
      query: listReceivedTextsQuerySchema,
      response: receivedTextListResponseSchema,
    },
    listTemplates: {
      method: 'GET',
      path: '/notify/v2/templates',
      auth,
      summary: "The service's templates, optionally of one type",
      query: listTemplatesQuerySchema,
      response: templateListResponseSchema,
    },
  },
});
