import type { ResourceType } from './resource-types';

/** What a resource is found by: the values of its search parameters, as the store indexes them. */
export interface SearchValues {
  /** `system|value` and `value` of each identifier. */
  readonly identifiers: readonly string[];
  /** The patient the resource is about, as `Patient/<id>`. */
  readonly patient?: string;
  readonly status?: string;
  /** `system|code` and `code` of each coding of `code`. */
  readonly codes: readonly string[];
  /** The resource's clinical date (start of the period, effective or recorded time). */
  readonly date?: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);

function tokens(pairs: readonly { system?: string; value?: string }[]): string[] {
  return pairs.flatMap(({ system, value }) => (value ? [value, ...(system ? [`${system}|${value}`] : [])] : []));
}

/** The reference of the patient a resource is about. */
function patientOf(type: ResourceType, r: Json): string | undefined {
  if (type === 'Patient') return undefined;
  if (type === 'AuditEvent') {
    const entity = list(r.entity).find((e) => str((e.what as Json | undefined)?.reference)?.startsWith('Patient/'));
    return str((entity?.what as Json | undefined)?.reference);
  }
  const ref = isObject(r.subject) ? str(r.subject.reference) : isObject(r.patient) ? str(r.patient.reference) : undefined;
  return ref?.startsWith('Patient/') ? ref : undefined;
}

function dateOf(r: Json): string | undefined {
  const period = isObject(r.period) ? str(r.period.start) : undefined;
  return period ?? str(r.effectiveDateTime) ?? str(r.recordedDate) ?? str(r.recorded) ?? str(r.dateTime);
}

/** The search values of a resource of the given type. */
export function searchValuesOf(type: ResourceType, resource: Json): SearchValues {
  const identifiers = tokens(list(resource.identifier).map((i) => ({ system: str(i.system), value: str(i.value) })));
  // A medication statement's code is its medication, when given as a concept.
  const concept = isObject(resource.code)
    ? resource.code
    : isObject(resource.medicationCodeableConcept)
      ? resource.medicationCodeableConcept
      : {};
  const code = list(concept.coding);
  return {
    identifiers,
    patient: patientOf(type, resource),
    status: str(resource.status),
    codes: tokens(code.map((c) => ({ system: str(c.system), value: str(c.code) }))),
    date: dateOf(resource),
  };
}

/** A reference search value as stored: `Patient/p1` for `p1` or `Patient/p1`. */
export const patientReference = (value: string) => (value.includes('/') ? value : `Patient/${value}`);

/** A FHIR date search (`ge2026-01-01`) as a comparison on ISO strings. */
export function dateComparison(search: string): { readonly op: '=' | '<>' | '>' | '<' | '>=' | '<='; readonly value: string } {
  const match = /^(eq|ne|gt|lt|ge|le)?(.*)$/.exec(search) as RegExpExecArray;
  const ops = { eq: '=', ne: '<>', gt: '>', lt: '<', ge: '>=', le: '<=' } as const;
  return { op: ops[(match[1] ?? 'eq') as keyof typeof ops], value: match[2] };
}
