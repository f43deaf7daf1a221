import { payBearerToken, payKeyHash } from '../domain/api-keys';
import type { PayAccount } from '../domain/model';
import { invalidCredentials } from '../errors';
import type { PayPorts } from '../ports';

/** Who is calling: the department's payment account a handler acts for, and the key it used. */
export interface PayCaller {
  readonly account: PayAccount;
  readonly apiKey: { readonly id: string; readonly name: string };
}

/** The caller of `Authorization: Bearer api_…`, found by the hash of the token; undefined for a missing, unknown or revoked key. */
export async function findPayCaller(authorization: string | undefined, ports: Pick<PayPorts, 'store'>): Promise<PayCaller | undefined> {
  const token = payBearerToken(authorization);
  if (!token) return undefined;
  const key = await ports.store.findApiKey(payKeyHash(token));
  if (!key || key.revokedAt) return undefined;
  const account = await ports.store.getAccount(key.accountId);
  if (!account) return undefined;
  return { account, apiKey: { id: key.id, name: key.name } };
}

/** The caller of `Authorization: Bearer api_…`; throws Pay's 401 for a missing, unknown or revoked key. */
export async function authenticatePayRequest(authorization: string | undefined, ports: Pick<PayPorts, 'store'>): Promise<PayCaller> {
  const caller = await findPayCaller(authorization, ports);
  if (!caller) throw invalidCredentials();
  return caller;
}

/** The caller as a Lambda authorizer passes it on (a flat map of strings). */
export type PayCallerContext = { readonly accountId: string; readonly apiKeyId: string; readonly apiKeyName: string };

export function payCallerContext(caller: PayCaller): PayCallerContext {
  return { accountId: caller.account.id, apiKeyId: caller.apiKey.id, apiKeyName: caller.apiKey.name };
}

/** The caller the service's authorizer let through, by the context it passed on; Pay's 401 if its account is gone. */
export async function payCallerFromContext(context: Partial<PayCallerContext>, ports: Pick<PayPorts, 'store'>): Promise<PayCaller> {
  const account = context.accountId ? await ports.store.getAccount(context.accountId) : undefined;
  if (!account || !context.apiKeyId) throw invalidCredentials();
  return { account, apiKey: { id: context.apiKeyId, name: context.apiKeyName ?? '' } };
}
