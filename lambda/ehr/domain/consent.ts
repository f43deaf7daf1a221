/**
 * Consent as eHRSS works, as pure decisions over a patient's Consent resources.
 *
 * - A patient joins once (a joining consent), then gives each healthcare provider a sharing
 *   consent, indefinite or for at most 12 months; either can be revoked at once.
 * - A provider's practitioner reads a patient's records only while the provider holds a
 *   sharing consent in force and the practitioner has a relationship with the patient.
 * - In an emergency, a practitioner may break the glass: a declared reason gives that
 *   practitioner, at that provider, access for a few hours, with no consent.
 */

/** The code system of the kinds of consent this service decides by (`Consent.category`). */
export const CONSENT_CATEGORY_SYSTEM = 'https://www.ehealth.gov.hk/fhir/CodeSystem/consent-category';
/** HL7 v3 ActReason, whose `BTG` is "break the glass". */
export const ACT_REASON_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ActReason';
export const BREAK_THE_GLASS = 'BTG';
/** The extension carrying a break-glass grant's declared reason. */
export const BREAK_GLASS_REASON_URL = 'https://www.ehealth.gov.hk/fhir/StructureDefinition/break-glass-reason';

/** The rule a consent follows (R4 asks for a policy or a rule): the patient opted in. */
export const OPT_IN_POLICY = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN', display: 'opt-in' }] };

/** How long a break-glass grant lasts. */
export const BREAK_GLASS_HOURS = 4;
/** The longest a sharing consent given for a fixed term may last. */
export const SHARING_TERM_MONTHS = 12;

export type ConsentKind = 'joining' | 'sharing' | 'break-glass';
export const CONSENT_KINDS: readonly ConsentKind[] = ['joining', 'sharing', 'break-glass'];

/** What a Consent resource (its current version) means for access. */
export interface ConsentRecord {
  readonly kind: ConsentKind;
  /** `status` is `active`; a revoked consent is `inactive`. */
  readonly active: boolean;
  /** The healthcare provider's Organization id (sharing and break-glass). */
  readonly provider?: string;
  /** The practitioner's id (break-glass). */
  readonly practitioner?: string;
  /** When it takes effect, ISO 8601. */
  readonly start: string;
  /** When it lapses, ISO 8601 (exclusive); none for an indefinite consent. */
  readonly end?: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const idOf = (reference: unknown, type: string) => {
  const ref = isObject(reference) ? str(reference.reference) : undefined;
  return ref?.startsWith(`${type}/`) ? ref.slice(type.length + 1) : undefined;
};

/** The kind a Consent declares in its category, if it is one this service decides by. */
export function consentKindOf(resource: Json): ConsentKind | undefined {
  const codes = list(resource.category).flatMap((c) => list(c.coding));
  const code = codes.find((c) => c.system === CONSENT_CATEGORY_SYSTEM)?.code;
  return CONSENT_KINDS.find((k) => k === code);
}

/** A Consent resource as a record of consent; undefined for a Consent of another kind. */
export function consentRecordOf(resource: Json): ConsentRecord | undefined {
  const kind = consentKindOf(resource);
  if (!kind) return undefined;
  const provision = isObject(resource.provision) ? resource.provision : {};
  const period = isObject(provision.period) ? provision.period : {};
  const start = str(period.start) ?? str(resource.dateTime);
  if (!start) return undefined;
  const practitioner = list(provision.actor)
    .map((a) => idOf(a.reference, 'Practitioner'))
    .find(Boolean);
  return {
    kind,
    active: resource.status === 'active',
    provider: list(resource.organization)
      .map((o) => idOf(o, 'Organization'))
      .find(Boolean),
    practitioner,
    start,
    end: str(period.end),
  };
}

/** Whether a consent is in force at an instant: active, started, and not lapsed. */
export function inForce(consent: ConsentRecord, at: Date): boolean {
  const t = at.getTime();
  return consent.active && Date.parse(consent.start) <= t && (consent.end === undefined || t < Date.parse(consent.end));
}

/** Who is asking for a patient's records. */
export interface PractitionerAtProvider {
  readonly practitioner: string;
  readonly provider: string;
}

export type AccessDecision =
  | { readonly allowed: true; readonly basis: 'sharing-consent' | 'break-glass' }
  | { readonly allowed: false; readonly reason: 'not-joined' | 'no-sharing-consent' | 'no-relationship' };

/**
 * What a practitioner may do with a patient's records.
 * - `record`: write a record (and read the patient's registration and consents): the patient
 *   has joined and the provider holds a sharing consent.
 * - `read`: read the patient's clinical records: also a relationship with the patient.
 * Either is also allowed by the practitioner's own break-glass grant in force.
 */
export function decideAccess(
  consents: readonly ConsentRecord[],
  asking: PractitionerAtProvider,
  purpose: 'record' | 'read',
  relationship: boolean,
  at: Date,
): AccessDecision {
  const current = consents.filter((c) => inForce(c, at));
  const joined = current.some((c) => c.kind === 'joining');
  const sharing = joined && current.some((c) => c.kind === 'sharing' && c.provider === asking.provider);
  if (sharing && (purpose === 'record' || relationship)) return { allowed: true, basis: 'sharing-consent' };
  const brokeGlass = current.some(
    (c) => c.kind === 'break-glass' && c.provider === asking.provider && c.practitioner === asking.practitioner,
  );
  if (brokeGlass) return { allowed: true, basis: 'break-glass' };
  if (!joined) return { allowed: false, reason: 'not-joined' };
  return { allowed: false, reason: sharing ? 'no-relationship' : 'no-sharing-consent' };
}

/** The end of a fixed term of months from a start, by the calendar (UTC). */
export function addMonths(start: string, months: number): Date {
  const d = new Date(start);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}

/** Who is recording or changing a consent. */
export type ConsentAuthor =
  | { readonly kind: 'patient'; readonly patient: string }
  | { readonly kind: 'provider'; readonly provider: string };

export type ConsentRefusal =
  | 'not-a-consent-kind'
  | 'break-glass-by-operation'
  | 'sharing-needs-provider'
  | 'term-too-long'
  | 'ends-before-start'
  | 'other-provider'
  | 'other-patient'
  | 'revoked-stays-revoked';

/**
 * Whether an author may write this version of a patient's consent, given the version it
 * replaces (none for a new one). A patient records and revokes their own; a provider records
 * joining and its own sharing consent. A revoked consent is never made active again: the
 * patient gives a new one.
 */
export function consentWriteRefusal(
  next: ConsentRecord | undefined,
  patientOfNext: string | undefined,
  previous: ConsentRecord | undefined,
  author: ConsentAuthor,
): ConsentRefusal | undefined {
  if (!next) return 'not-a-consent-kind';
  if (next.kind === 'break-glass' || previous?.kind === 'break-glass') return 'break-glass-by-operation';
  if (author.kind === 'patient' && patientOfNext !== author.patient) return 'other-patient';
  if (next.kind === 'sharing' && !next.provider) return 'sharing-needs-provider';
  if (author.kind === 'provider' && next.kind === 'sharing' && next.provider !== author.provider) return 'other-provider';
  if (author.kind === 'provider' && previous?.kind === 'sharing' && previous.provider !== author.provider) return 'other-provider';
  if (next.end !== undefined && Date.parse(next.end) <= Date.parse(next.start)) return 'ends-before-start';
  if (next.kind === 'sharing' && next.end !== undefined && Date.parse(next.end) > addMonths(next.start, SHARING_TERM_MONTHS).getTime()) {
    return 'term-too-long';
  }
  if (previous && !previous.active && next.active) return 'revoked-stays-revoked';
  return undefined;
}

/** Whether a practitioner took part in an encounter at the provider: their relationship with its patient. */
export function isRelationship(encounter: Json, asking: PractitionerAtProvider): boolean {
  const atProvider = idOf(encounter.serviceProvider, 'Organization') === asking.provider;
  const participated = list(encounter.participant).some((p) => idOf(p.individual, 'Practitioner') === asking.practitioner);
  return atProvider && participated;
}

/** The Consent resource recording a break-glass grant, from its start. */
export function breakGlassConsent(patient: string, asking: PractitionerAtProvider, reason: string, start: Date): Json {
  const end = new Date(start.getTime() + BREAK_GLASS_HOURS * 3_600_000);
  return {
    resourceType: 'Consent',
    status: 'active',
    scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
    policyRule: OPT_IN_POLICY,
    category: [{ coding: [{ system: CONSENT_CATEGORY_SYSTEM, code: 'break-glass', display: 'Emergency access' }] }],
    patient: { reference: patient },
    dateTime: start.toISOString(),
    performer: [{ reference: `Practitioner/${asking.practitioner}` }],
    organization: [{ reference: `Organization/${asking.provider}` }],
    extension: [{ url: BREAK_GLASS_REASON_URL, valueString: reason }],
    provision: {
      type: 'permit',
      period: { start: start.toISOString(), end: end.toISOString() },
      actor: [
        {
          role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'PRCP' }] },
          reference: { reference: `Practitioner/${asking.practitioner}` },
        },
      ],
      purpose: [{ system: ACT_REASON_SYSTEM, code: BREAK_THE_GLASS, display: 'break the glass' }],
    },
  };
}
