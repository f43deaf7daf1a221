import * as z from 'zod';
import { defineService } from '../shared/route';
import { NOTIFY_AUTH_SCHEME, refusedToken } from './auth-context';
import {
  listNotificationsQuerySchema,
  listTemplatesQuerySchema,
  notificationIdSchema,
  previewTemplateRequestSchema,
  sendEmailRequestSchema,
  sendSmsRequestSchema,
  templateIdSchema,
  templateVersionSchema,
} from './domain/schemas';
import { notifyErrorFormat, notifyRequestError } from './error-format';

const auth = { scheme: NOTIFY_AUTH_SCHEME } as const;

const notificationId = z.strictObject({ id: notificationIdSchema });
const templateId = z.strictObject({ id: templateIdSchema });

/**
 * Notifications, with GOV.UK Notify's v2 API under `/notify`: a client's base URL is the
 * platform's address followed by `/notify`, and Notify's own clients work unchanged.
 */
export const notifyService = defineService({
  name: 'notify',
  title: 'Notifications (GOV.UK Notify compatible)',
  version: '2.0.0',
  basePath: '/notify',
  formatError: notifyErrorFormat,
  requestError: notifyRequestError,
  refuseCaller: refusedToken,
  authorizers: { [NOTIFY_AUTH_SCHEME]: { entry: 'lambda/notify/authorizer.ts', header: 'authorization' } },
  functions: { api: 'lambda/notify/index.ts', scheduled: 'lambda/notify/scheduled.ts', deliveryEvents: 'lambda/notify/delivery-events.ts' },
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
      body: sendEmailRequestSchema,
      headers: ['idempotency-key'],
      successStatus: 201,
    },
    sendSms: {
      method: 'POST',
      path: '/notify/v2/notifications/sms',
      auth,
      summary: 'Send a text message from a template; an Idempotency-Key makes a retry return the first notification',
      body: sendSmsRequestSchema,
      headers: ['idempotency-key'],
      successStatus: 201,
    },
    getNotification: {
      method: 'GET',
      path: '/notify/v2/notifications/{id}',
      auth,
      summary: "One of the service's notifications, with its status",
      params: notificationId,
    },
    listNotifications: {
      method: 'GET',
      path: '/notify/v2/notifications',
      auth,
      summary: "The service's notifications, newest first, 250 a page (older_than for the next)",
      query: listNotificationsQuerySchema,
    },
    getTemplate: {
      method: 'GET',
      path: '/notify/v2/template/{id}',
      auth,
      summary: 'The latest version of a template',
      params: templateId,
    },
    getTemplateVersion: {
      method: 'GET',
      path: '/notify/v2/template/{id}/version/{version}',
      auth,
      summary: 'One version of a template',
      params: z.strictObject({ id: templateIdSchema, version: templateVersionSchema }),
    },
    previewTemplate: {
      method: 'POST',
      path: '/notify/v2/template/{id}/preview',
      auth,
      summary: 'A template filled in with personalisation, as it would be sent',
      params: templateId,
      body: previewTemplateRequestSchema,
    },
    listTemplates: {
      method: 'GET',
      path: '/notify/v2/templates',
      auth,
      summary: "The service's templates, optionally of one type",
      query: listTemplatesQuerySchema,
    },
  },
});
