import type { SeedLocal } from '../shared/seed';
import { createAccount, issuePayApiKey } from './app/accounts';
import { payPorts, useLocalSecretBoxKey } from './compose';
import type { PayPorts } from './ports';

/**
 * Demo data for local mode: a test (sandbox) payment account of the Digital Policy Office and
 * an API key for it. Only a key's hash is stored, so each run issues a fresh key to print;
 * keys from earlier runs keep working against the same sandbox account.
 */
export const DEMO_PAY_ACCOUNT_ID = 'dpo0demo0account0000000001';

/** Test card numbers the sandbox answers, from GOV.UK Pay's published list. */
export const SANDBOX_CARDS = {
  success: '4444333322221111',
  declined: '4000000000000002',
  error: '4000000000000119',
} as const;

export interface PaySeed {
  readonly accountId: string;
  readonly apiKey: string;
  readonly cards: typeof SANDBOX_CARDS;
}

/** Local mode's seed: the demo account, a fresh key, and how to take a payment with it. */
export const seedLocal: SeedLocal = async () => {
  useLocalSecretBoxKey();
  const seed = await seedPay(await payPorts());
  const body = JSON.stringify({ amount: 14500, reference: 'DEMO-1', description: 'Licence fee', return_url: 'http://127.0.0.1:3000/' });
  return {
    notes: [
      `pay: sandbox account ${seed.accountId} (DPO), API key ${seed.apiKey}`,
      `pay: curl -H 'Authorization: Bearer ${seed.apiKey}' -H 'Content-Type: application/json' -d '${body}' <local url>/pay/v1/payments`,
      `pay: open _links.next_url and pay with test card ${seed.cards.success} (declined: ${seed.cards.declined}, error: ${seed.cards.error})`,
    ],
    credentials: { PAY_API_KEY: seed.apiKey, PAY_ACCOUNT_ID: seed.accountId },
  };
};

export async function seedPay(ports: PayPorts): Promise<PaySeed> {
  if (!(await ports.store.getAccount(DEMO_PAY_ACCOUNT_ID))) {
    await createAccount(
      { id: DEMO_PAY_ACCOUNT_ID, departmentCode: 'DPO', name: 'DPO licence fees (sandbox)', live: false, motoEnabled: true },
      ports,
    );
  }
  const { token } = await issuePayApiKey({ accountId: DEMO_PAY_ACCOUNT_ID, name: 'local demo', createdBy: 'local-mode' }, ports);
  return { accountId: DEMO_PAY_ACCOUNT_ID, apiKey: token, cards: SANDBOX_CARDS };
}
