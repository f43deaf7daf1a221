import type { IdentityCaller, RequestContext } from '../domain/caller';
import { CARD_STATUS_QUERIES_PER_MINUTE, type CardStatus, IDENTITY_ROLES, rateWindow } from '../domain/card-status';
import { parseCardNumber } from '../domain/identity-card';
import type { CardRegistrationInput } from '../domain/schemas';
import { invalidCardNumber, refused, tooManyQueries } from '../errors';
import type { IdentityPorts } from '../ports';

type Officer = Extract<IdentityCaller, { kind: 'officer' }>;

function officerWithRole(caller: IdentityCaller, role: string): Officer {
  if (caller.kind !== 'officer' || !caller.roles.includes(role)) {
    throw refused(`This is for staff of a department with the ${role} role.`);
  }
  return caller;
}

function canonicalCard(text: string): string {
  const parsed = parseCardNumber(text);
  if ('problem' in parsed) throw invalidCardNumber(parsed.problem);
  return parsed.card.canonical;
}

/**
 * Whether a card is valid, reported lost or replaced, for a department officer entitled to ask;
 * nothing about its holder. Each query is counted against the department's minute and audited
 * (who, when, which department, the hashed number, the answer); a malformed number is refused
 * before anything is counted or stored.
 */
export async function checkCardStatus(
  ports: IdentityPorts,
  caller: IdentityCaller,
  input: { cardNumber: string },
  context: RequestContext,
): Promise<{ status: CardStatus; checkedAt: string }> {
  const officer = officerWithRole(caller, IDENTITY_ROLES.cardVerification);
  const card = canonicalCard(input.cardNumber);
  const now = ports.clock();
  const window = rateWindow(now);
  if (!(await ports.audit.countQuery(officer.department, window, CARD_STATUS_QUERIES_PER_MINUTE))) {
    throw tooManyQueries(Math.max(1, Math.ceil((window.endsAt.getTime() - now.getTime()) / 1000)));
  }
  const cardHash = await ports.cardHash(card);
  const status: CardStatus = (await ports.register.status(cardHash)) ?? 'not-issued';
  const checkedAt = now.toISOString();
  await ports.audit.append({
    kind: 'card-status',
    department: officer.department,
    principal: officer.subject,
    at: checkedAt,
    cardHash,
    answer: status,
    requestId: context.requestId,
  });
  return { status, checkedAt };
}

/** The registration office records a card's status; audited like a query. */
export async function registerCard(
  ports: IdentityPorts,
  caller: IdentityCaller,
  input: CardRegistrationInput,
  context: RequestContext,
): Promise<{ status: CardRegistrationInput['status']; updatedAt: string }> {
  const officer = officerWithRole(caller, IDENTITY_ROLES.cardRegistration);
  const cardHash = await ports.cardHash(canonicalCard(input.cardNumber));
  const at = ports.clock().toISOString();
  await ports.register.record({ cardHash, status: input.status, at, by: officer.subject });
  await ports.audit.append({
    kind: 'card-registration',
    department: officer.department,
    principal: officer.subject,
    at,
    cardHash,
    answer: input.status,
    requestId: context.requestId,
  });
  return { status: input.status, updatedAt: at };
}
