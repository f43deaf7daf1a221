import { createPayApiKey } from '../domain/api-keys';
import type { PayAccount } from '../domain/model';
import { randomBase32 } from '../domain/secrets';
import type { WebhookEventType } from '../domain/webhooks';
import type { PayPorts } from '../ports';

/** What a department's administrators do: set up accounts, issue and revoke keys, configure webhooks. */

export async function createAccount(account: Omit<PayAccount, 'createdAt'>, ports: PayPorts): Promise<PayAccount> {
  const stored: PayAccount = { ...account, createdAt: ports.clock().toISOString() };
  await ports.store.putAccount(stored);
  return stored;
}

/** Issues a key; the token is answered once and only its hash is stored. */
export async function issuePayApiKey(
  input: { readonly accountId: string; readonly name: string; readonly createdBy: string; readonly token?: string },
  ports: PayPorts,
): Promise<{ readonly id: string; readonly token: string }> {
  const account = await ports.store.getAccount(input.accountId);
  if (!account) throw new Error(`No payment account ${input.accountId}`);
  const { record, token } = createPayApiKey({ ...input, live: account.live, now: ports.clock(), id: ports.newId() });
  await ports.store.putApiKey(record);
  return { id: record.id, token };
}

export async function revokePayApiKey(hash: string, ports: PayPorts): Promise<boolean> {
  const key = await ports.store.findApiKey(hash);
  if (!key) return false;
  if (!key.revokedAt) await ports.store.putApiKey({ ...key, revokedAt: ports.clock().toISOString() });
  return true;
}

/** Points an account's webhook at a URL; answers the new signing secret for the department to keep. */
export async function configureWebhook(
  accountId: string,
  url: string,
  subscriptions: readonly WebhookEventType[],
  ports: PayPorts,
): Promise<{ readonly signingSecret: string }> {
  const account = await ports.store.getAccount(accountId);
  if (!account) throw new Error(`No payment account ${accountId}`);
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) throw new Error(`A webhook URL must be http(s): ${url}`);
  if (account.live && !url.startsWith('https:')) throw new Error('A live account sends webhooks over https only');
  const signingSecret = `webhook_${account.live ? 'live' : 'test'}_${randomBase32(40)}`;
  await ports.store.putAccount({ ...account, webhook: { url, subscriptions, sealedSigningSecret: ports.box.seal(signingSecret) } });
  return { signingSecret };
}
