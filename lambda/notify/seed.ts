import type { SeedLocal } from '../shared/seed';
import { createService, issueApiKey, saveTemplate } from './app/admin';
import { createNotifyPorts, localSecretBoxKey } from './compose';
import type { NotifyPorts } from './ports';
import { RecordingProvider } from './store/recording-provider';

/**
 * Demo data for local mode: a service of the Digital Policy Office with one team member, an
 * e-mail and a text message template, and a live API key; it may send text messages abroad, as
 * Notify's services with the international permission do. Running it again keeps what exists
 * and hands back the same key text, so the printed instructions stay true across restarts
 * (as long as the secret box key is kept with the data).
 */
export const DEMO_SERVICE_ID = '6f1c2b7e-4d3a-4e8b-9c5d-1a2b3c4d5e6f';
export const DEMO_EMAIL_TEMPLATE_ID = '0b6f4c6e-2f1d-4a4e-8d9b-3c2e1f0a9b8c';
export const DEMO_SMS_TEMPLATE_ID = '7a9d8c6b-5e4f-4a3b-9c2d-1e0f9a8b7c6d';
export const DEMO_KEY_ID = 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f';
export const DEMO_TEAM_MEMBER = { name: 'Chan Tai Man', emailAddress: 'tai-man.chan@dpo.example.gov.hk', mobileNumber: '+85291234567' };
export const DEMO_EMAIL_REPLY_TO_ID = '3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b';
export const DEMO_SMS_SENDER_ID = '9b8a7c6d-5e4f-4b3a-8c1d-0e9f8a7b6c5d';

export interface NotifySeed {
  readonly serviceId: string;
  readonly apiKey: string;
  readonly emailTemplateId: string;
  readonly smsTemplateId: string;
  readonly teamMember: typeof DEMO_TEAM_MEMBER;
}

/**
 * Local mode's seed: the demo data and how to use it. The handlers, running in the same
 * process, find the secret box key this sets (one per start unless NOTIFY_SECRET_BOX_KEY is
 * given; with a new key the demo key is issued afresh).
 */
export const seedLocal: SeedLocal = async () => {
  const ports = createNotifyPorts({ secretBoxKey: localSecretBoxKey(), provider: new RecordingProvider({ deliverImmediately: true }) });
  const seed = await seedNotify(ports);
  return {
    notes: [
      `notify: demo service ${seed.serviceId} (DPO), live API key ${seed.apiKey}`,
      `notify: e-mail template ${seed.emailTemplateId}, text message template ${seed.smsTemplateId}; team member ${seed.teamMember.emailAddress}`,
      `notify: new NotifyClient('<local url>/notify', '${seed.apiKey}').sendEmail('${seed.emailTemplateId}', '${seed.teamMember.emailAddress}', { personalisation: { name: 'Chan', licence_type: 'hawker', expiry_date: '1 May 2026', has_fee_waiver: 'yes' } })`,
    ],
    credentials: {
      NOTIFY_API_KEY: seed.apiKey,
      NOTIFY_EMAIL_TEMPLATE_ID: seed.emailTemplateId,
      NOTIFY_SMS_TEMPLATE_ID: seed.smsTemplateId,
      NOTIFY_TEAM_EMAIL: seed.teamMember.emailAddress,
      NOTIFY_TEAM_MOBILE: seed.teamMember.mobileNumber,
      NOTIFY_EMAIL_REPLY_TO_ID: DEMO_EMAIL_REPLY_TO_ID,
      NOTIFY_SMS_SENDER_ID: DEMO_SMS_SENDER_ID,
    },
  };
};

export async function seedNotify(ports: NotifyPorts): Promise<NotifySeed> {
  if (!(await ports.directory.getService(DEMO_SERVICE_ID))) {
    await createService(
      {
        id: DEMO_SERVICE_ID,
        name: 'DPO Demo Service',
        departmentCode: 'DPO',
        active: true,
        restricted: false,
        emailFrom: 'demo.service@notify.example.gov.hk',
        emailReplyTo: [{ id: DEMO_EMAIL_REPLY_TO_ID, emailAddress: 'enquiries@dpo.example.gov.hk', isDefault: true }],
        smsSenders: [{ id: DEMO_SMS_SENDER_ID, sender: 'DPO', isDefault: true }],
        teamMembers: [DEMO_TEAM_MEMBER],
        guestList: [],
        canSendInternationalSms: true,
        dailyLimit: 250_000,
        rateLimitPerMinute: 3000,
        retentionDays: 7,
      },
      ports,
    );
  }
  if (!(await ports.directory.getTemplate(DEMO_SERVICE_ID, DEMO_EMAIL_TEMPLATE_ID))) {
    await saveTemplate(
      {
        serviceId: DEMO_SERVICE_ID,
        id: DEMO_EMAIL_TEMPLATE_ID,
        type: 'email',
        name: 'Licence renewal reminder',
        subject: 'Your ((licence_type)) licence is due for renewal',
        body: 'Dear ((name)),\n\nYour ((licence_type)) licence expires on ((expiry_date)).\n\n((has_fee_waiver??You do not need to pay a renewal fee this year.))\n\nDigital Policy Office',
        createdBy: DEMO_TEAM_MEMBER.emailAddress,
      },
      ports,
    );
  }
  if (!(await ports.directory.getTemplate(DEMO_SERVICE_ID, DEMO_SMS_TEMPLATE_ID))) {
    await saveTemplate(
      {
        serviceId: DEMO_SERVICE_ID,
        id: DEMO_SMS_TEMPLATE_ID,
        type: 'sms',
        name: 'Appointment confirmation',
        body: 'Your appointment at ((office)) is confirmed for ((date)). Reference ((reference_number)).',
        createdBy: DEMO_TEAM_MEMBER.emailAddress,
      },
      ports,
    );
  }
  return {
    serviceId: DEMO_SERVICE_ID,
    apiKey: await demoKey(ports),
    emailTemplateId: DEMO_EMAIL_TEMPLATE_ID,
    smsTemplateId: DEMO_SMS_TEMPLATE_ID,
    teamMember: DEMO_TEAM_MEMBER,
  };
}

async function demoKey(ports: NotifyPorts): Promise<string> {
  const existing = await ports.directory.getApiKey(DEMO_SERVICE_ID, DEMO_KEY_ID);
  if (existing && !existing.revokedAt) {
    try {
      return `${existing.name}-${DEMO_SERVICE_ID}-${ports.box.open(existing.sealedSecret)}`;
    } catch {
      // Sealed under another key (the secret box key was not kept): issue it afresh below.
    }
  }
  const issued = await issueApiKey(
    { serviceId: DEMO_SERVICE_ID, id: DEMO_KEY_ID, name: 'local demo', type: 'live', createdBy: DEMO_TEAM_MEMBER.emailAddress },
    ports,
  );
  return issued.text;
}
