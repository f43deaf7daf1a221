import type { Caller } from '../../shared/identity';
import { type AccessDecision, consentRecordOf, decideAccess, isRelationship, type PractitionerAtProvider } from '../domain/consent';
import { CITIZEN_ACCOUNT_SYSTEM } from '../domain/hkid';
import { CLINICAL_TYPES, DIRECTORY_TYPES, type ResourceType } from '../domain/resource-types';
import { PRACTITIONER_ROLE_PREFIX, PRIVACY_OFFICER_ROLE, PROVIDER_ROLE_PREFIX } from '../domain/roles';
import { accessRefused, noPatientRecord, notForPatients, notStaff, patientRequired } from '../errors';
import type { EhrPorts, SearchFilter, StoredResource } from '../ports';

/**
 * Who is acting, as the consent rules see them: a practitioner of a provider (from the staff
 * token's `practitioner:` and `provider:` roles), a privacy officer reviewing accesses, other
 * staff (the directory only), or a patient (a citizen at the verified level) on their own record.
 */
export type Actor =
  | ({ readonly kind: 'practitioner' } & PractitionerAtProvider)
  | { readonly kind: 'privacy-officer' }
  | { readonly kind: 'staff' }
  | { readonly kind: 'patient'; readonly citizen: string };

/** Why an access was allowed, recorded in its AuditEvent. */
export type AccessBasis = 'directory' | 'registration' | 'sharing-consent' | 'break-glass' | 'own-record' | 'review';

const roleValue = (roles: readonly string[], prefix: string) => roles.find((r) => r.startsWith(prefix))?.slice(prefix.length);

/** The actor a caller is: staff by the roles their token carries, a citizen as a patient on their own record. */
export function actorOfCaller(caller: Caller): Actor {
  if (caller.kind === 'citizen') return { kind: 'patient', citizen: caller.subject };
  if (caller.kind !== 'staff') throw notStaff();
  const practitioner = roleValue(caller.roles, PRACTITIONER_ROLE_PREFIX);
  const provider = roleValue(caller.roles, PROVIDER_ROLE_PREFIX);
  if (practitioner && provider) return { kind: 'practitioner', practitioner, provider };
  if (caller.roles.includes(PRIVACY_OFFICER_ROLE)) return { kind: 'privacy-officer' };
  return { kind: 'staff' };
}

const PAGE = 100;

/** Every resource of a type matching a filter, page by page. */
async function all(ports: EhrPorts, type: ResourceType, filter: SearchFilter, until?: (r: StoredResource) => boolean) {
  const found: StoredResource[] = [];
  let after: string | undefined;
  do {
    const page = await ports.resources.search(type, filter, { after, limit: PAGE });
    found.push(...page.items);
    if (until && page.items.some(until)) break;
    after = page.next;
  } while (after);
  return found;
}

/** The patient (`Patient/<id>`) whose registration carries a citizen's sign-in account. */
export async function patientOfCitizen(ports: EhrPorts, citizen: string): Promise<string> {
  const page = await ports.resources.search('Patient', { identifier: `${CITIZEN_ACCOUNT_SYSTEM}|${citizen}` }, { limit: 1 });
  const patient = page.items[0];
  if (!patient) throw noPatientRecord();
  return `Patient/${patient.id}`;
}

/** The decision the consent rules give a practitioner on a patient, reading the patient's consents and encounters now. */
export async function consentDecision(
  ports: EhrPorts,
  asking: PractitionerAtProvider,
  patient: string,
  purpose: 'record' | 'read',
): Promise<AccessDecision> {
  // A clinical read needs both: the consents and the encounters are read together.
  const [consentResources, encounters] = await Promise.all([
    all(ports, 'Consent', { patient }),
    purpose === 'read' ? all(ports, 'Encounter', { patient }, (e) => isRelationship(e, asking)) : Promise.resolve([]),
  ]);
  const consents = consentResources.map(consentRecordOf).filter((c) => c !== undefined);
  return decideAccess(
    consents,
    asking,
    purpose,
    encounters.some((e) => isRelationship(e, asking)),
    ports.clock(),
  );
}

/**
 * Whether an actor may read (or, with `record`, write) a resource of a type about a patient,
 * and on what basis; a refusal is thrown as a 403 OperationOutcome saying why.
 */
export async function authorize(
  ports: EhrPorts,
  actor: Actor,
  type: ResourceType,
  patient: string | undefined,
  purpose: 'record' | 'read',
): Promise<AccessBasis> {
  if (DIRECTORY_TYPES.has(type)) {
    if (actor.kind === 'patient') throw notForPatients();
    return 'directory';
  }
  if (actor.kind === 'patient') {
    if (patient !== (await patientOfCitizen(ports, actor.citizen))) throw accessRefused('own-records-only');
    if (purpose === 'record' && type !== 'Consent') throw accessRefused('patients-record-consent-only');
    return 'own-record';
  }
  if (type === 'AuditEvent') {
    if (actor.kind !== 'privacy-officer') throw accessRefused('audit-review-only');
    return 'review';
  }
  if (actor.kind !== 'practitioner') throw accessRefused('practitioners-only');
  if (!patient) throw patientRequired(type);
  const decision = await consentDecision(ports, actor, patient, CLINICAL_TYPES.has(type) ? purpose : 'record');
  if (!decision.allowed) throw accessRefused(decision.reason);
  return decision.basis;
}
