import type { SeedLocal } from '../shared/seed';
import { registerCard } from './app/card-status';
import { putProfile } from './app/profile';
import { identityPorts, useLocalCardHashKey } from './compose';
import type { RegisteredCardStatus } from './domain/card-status';
import { checkDigit } from './domain/identity-card';

/** Demo cards of the register, one of each status, written as people write them. */
export const DEMO_CARDS: Readonly<Record<RegisteredCardStatus, string>> = {
  valid: card('A', '123456'),
  'reported-lost': card('B', '234567'),
  replaced: card('XA', '345678'),
};

function card(prefix: string, digits: string): string {
  return `${prefix}${digits}(${checkDigit(prefix, digits)})`;
}

/** Local mode's seed: the demo cards in the register and the demo citizen's profile. */
export const seedLocal: SeedLocal = async () => {
  useLocalCardHashKey();
  const ports = await identityPorts();
  const registrar = { kind: 'officer', subject: 'local-registration-office', department: 'ImmD', roles: ['card-registration'] } as const;
  for (const [status, number] of Object.entries(DEMO_CARDS) as [RegisteredCardStatus, string][]) {
    await registerCard(ports, registrar, { cardNumber: number, status }, { requestId: `seed-${status}` });
  }
  const citizen = { kind: 'citizen', subject: 'citizen-demo', assurance: 'basic' } as const;
  if (!(await ports.people.getProfile(citizen.subject))) {
    await putProfile(ports, citizen, { name: 'Chan Tai Man', preferredLanguage: 'tc', contact: { email: 'citizen@example.hk' } });
  }
  return {
    notes: [
      `identity: demo cards ${DEMO_CARDS.valid} (valid), ${DEMO_CARDS['reported-lost']} (reported lost), ${DEMO_CARDS.replaced} (replaced); officers' tokens carry the card-verification role`,
      "identity: curl -H 'Authorization: Bearer <officer token>' -H 'x-api-key: <API key>' -H 'Content-Type: application/json' -d '{\"cardNumber\":\"" +
        DEMO_CARDS.valid +
        '"}\' <local url>/identity/v1/card-status',
    ],
    credentials: { IDENTITY_DEMO_CARD_VALID: DEMO_CARDS.valid, IDENTITY_DEMO_CARD_LOST: DEMO_CARDS['reported-lost'] },
  };
};
