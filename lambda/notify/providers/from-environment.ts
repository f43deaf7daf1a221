import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import type { DeliveryProvider } from '../domain/provider';
import { AWS_DELIVERY, NOTIFY_ENVIRONMENT } from '../environment';
import { RecordingProvider } from './recording';
import { sendWithSes } from './ses-email';
import { sendWithSns } from './sns-sms';

/**
 * SES for e-mail and SNS for text messages where the stack says so; otherwise (local mode) a
 * recording provider that reports every message delivered at once.
 */
export function deliveryProviderFromEnvironment(env: NodeJS.ProcessEnv = process.env): DeliveryProvider {
  if (env[NOTIFY_ENVIRONMENT.deliveryProvider] !== AWS_DELIVERY) return new RecordingProvider({ deliverImmediately: true });
  const ses = new SESv2Client({ region: env[NOTIFY_ENVIRONMENT.emailRegion] || undefined });
  const sns = new SNSClient({});
  const configurationSet = env[NOTIFY_ENVIRONMENT.emailConfigurationSet] || undefined;
  return {
    sendEmail: (message) => sendWithSes(ses, message, { configurationSet }),
    sendSms: (message) => sendWithSns(sns, message),
  };
}
