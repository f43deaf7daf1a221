import { createApiKey } from '../domain/api-key';
import type { ApiKeyType, NotificationType, NotifyService, TemplateVersion } from '../domain/model';
import { placeholderNames } from '../domain/template';
import type { NotifyPorts } from '../ports';

/**
 * What a department's administrators do (through the platform's admin tooling, and local
 * mode's seed): set up a service, issue and revoke keys, save template versions.
 */

export type NewService = Omit<NotifyService, 'createdAt'>;

export async function createService(service: NewService, ports: NotifyPorts): Promise<NotifyService> {
  const stored: NotifyService = { ...service, id: service.id.toLowerCase(), createdAt: ports.clock().toISOString() };
  await ports.directory.putService(stored);
  return stored;
}

export interface IssuedKey {
  readonly id: string;
  /** Shown once; only its sealed secret and hash are kept. */
  readonly text: string;
}

export async function issueApiKey(
  input: {
    readonly serviceId: string;
    readonly name: string;
    readonly type: ApiKeyType;
    readonly createdBy: string;
    readonly id?: string;
    readonly secret?: string;
  },
  ports: NotifyPorts,
): Promise<IssuedKey> {
  const { record, text } = createApiKey({ ...input, now: ports.clock(), box: ports.box });
  await ports.directory.putApiKey(record);
  return { id: record.id, text };
}

export async function revokeApiKey(serviceId: string, keyId: string, ports: NotifyPorts): Promise<boolean> {
  const key = await ports.directory.getApiKey(serviceId, keyId);
  if (!key) return false;
  if (!key.revokedAt) await ports.directory.putApiKey({ ...key, revokedAt: ports.clock().toISOString() });
  return true;
}

export interface TemplateDraft {
  readonly serviceId: string;
  /** @default - a new template */
  readonly id?: string;
  readonly type: NotificationType;
  readonly name: string;
  readonly subject?: string;
  readonly body: string;
  readonly createdBy: string;
  readonly archived?: boolean;
}

/** Saves the draft as the template's next version (1 for a new template). */
export async function saveTemplate(draft: TemplateDraft, ports: NotifyPorts): Promise<TemplateVersion> {
  if (draft.type === 'email' && !draft.subject?.trim()) throw new Error('An e-mail template needs a subject');
  if (draft.type === 'sms' && draft.subject !== undefined) throw new Error('A text message template has no subject');
  for (const name of placeholderNames(draft)) {
    if (name.trim() === '') throw new Error('A placeholder needs a name: write ((name)), not (())');
  }
  const id = (draft.id ?? ports.newId()).toLowerCase();
  for (let attempt = 0; attempt < 5; attempt++) {
    const latest = await ports.directory.getTemplate(draft.serviceId, id);
    const now = ports.clock().toISOString();
    const version: TemplateVersion = {
      id,
      serviceId: draft.serviceId,
      type: latest?.type ?? draft.type,
      name: draft.name,
      version: (latest?.version ?? 0) + 1,
      subject: draft.subject,
      body: draft.body,
      createdAt: latest?.createdAt ?? now,
      updatedAt: latest ? now : null,
      createdBy: draft.createdBy,
      archived: draft.archived ?? false,
    };
    if (latest && latest.type !== draft.type) throw new Error(`Template ${id} is a ${latest.type} template; its type cannot change`);
    if (await ports.directory.saveTemplateVersion(version)) return version;
  }
  throw new Error(`Template ${id} was being changed by someone else; try again`);
}
