import { payBearerToken, payKeyHash } from '../domain/api-keys';
import { PayAuthError } from '../domain/errors';
import type { PayAccount } from '../domain/model';
import type { PayPorts } from './ports';

/** Who is calling: the department's payment account a handler acts for, and the key it used. */
export interface PayCaller {
  readonly account: PayAccount;
  readonly apiKey: { readonly id: string; readonly name: string };
}

/** Checks `Authorization: Bearer api_…` by the hash of the token; throws Pay's 401. */
export async function authenticatePayRequest(authorization: string | undefined, ports: Pick<PayPorts, 'store'>): Promise<PayCaller> {
  const token = payBearerToken(authorization);
  if (!token) throw new PayAuthError();
  const key = await ports.store.findApiKey(payKeyHash(token));
  if (!key || key.revokedAt) throw new PayAuthError();
  const account = await ports.store.getAccount(key.accountId);
  if (!account) throw new PayAuthError();
  return { account, apiKey: { id: key.id, name: key.name } };
}

/** The caller as a Lambda authorizer passes it on (a flat map of strings). */
export type PayCallerContext = { readonly accountId: string; readonly apiKeyId: string; readonly apiKeyName: string };

export function payCallerContext(caller: PayCaller): PayCallerContext {
  return { accountId: caller.account.id, apiKeyId: caller.apiKey.id, apiKeyName: caller.apiKey.name };
}

export async function payCallerFromContext(context: Partial<PayCallerContext>, ports: PayPorts): Promise<PayCaller> {
  const account = context.accountId ? await ports.store.getAccount(context.accountId) : undefined;
  if (!account || !context.apiKeyId) throw new PayAuthError();
  return { account, apiKey: { id: context.apiKeyId, name: context.apiKeyName ?? '' } };
}
