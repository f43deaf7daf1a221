import type { ResourceType } from './resource-types';

/** One access to record: who, what, with which outcome. */
export interface Access {
  readonly interaction: 'read' | 'vread' | 'history' | 'search' | 'create' | 'update' | 'break-glass';
  readonly who: string;
  /** The caller's department, as the provider they act for. */
  readonly provider?: string;
  readonly type: ResourceType;
  /** The resource read or written, when one is. */
  readonly id?: string;
  /** The patient the access concerned, as `Patient/<id>`, when known. */
  readonly patient?: string;
  /** Why it was allowed (none when refused): `break-glass` marks the event for the patient and for review. */
  readonly basis?: string;
  /** The HTTP status answered. */
  readonly status: number;
  readonly sourceIp: string;
  readonly requestId: string;
}

const ACTIONS = { read: 'R', vread: 'R', history: 'R', search: 'E', create: 'C', update: 'U', 'break-glass': 'E' } as const;

/** HL7 v3 ActReason codes of the purposes of use the bases stand for. */
const PURPOSES: Readonly<Record<string, { code: string; display: string }>> = {
  'sharing-consent': { code: 'TREAT', display: 'treatment' },
  'break-glass': { code: 'BTG', display: 'break the glass' },
  'own-record': { code: 'PATRQT', display: 'patient requested' },
  review: { code: 'HOPERAT', display: 'healthcare operations' },
};

/** An access as an R4 AuditEvent (a RESTful interaction: DICOM's rest type, FHIR's interaction subtype). */
export function auditEventOf(access: Access, at: string): Record<string, unknown> {
  const entity: Record<string, unknown>[] = [];
  if (access.id) entity.push({ what: { reference: `${access.type}/${access.id}` }, type: { code: '2', display: 'System Object' } });
  if (access.patient && access.patient !== `${access.type}/${access.id}`)
    entity.push({ what: { reference: access.patient }, type: { code: '1', display: 'Person' } });
  if (access.type === 'Patient' && access.id)
    entity[0] = { what: { reference: `Patient/${access.id}` }, type: { code: '1', display: 'Person' } };
  const purpose = access.basis ? PURPOSES[access.basis] : undefined;
  const policy = [...(access.provider ? [`provider:${access.provider}`] : []), ...(access.basis ? [`basis:${access.basis}`] : [])];
  return {
    resourceType: 'AuditEvent',
    type: { system: 'http://terminology.hl7.org/CodeSystem/audit-event-type', code: 'rest', display: 'RESTful Operation' },
    subtype: [
      access.interaction === 'break-glass'
        ? { system: 'https://www.ehealth.gov.hk/fhir/CodeSystem/operation', code: 'break-glass' }
        : { system: 'http://hl7.org/fhir/restful-interaction', code: access.interaction },
    ],
    action: ACTIONS[access.interaction],
    recorded: at,
    outcome: access.status < 400 ? '0' : access.status < 500 ? '4' : '8',
    outcomeDesc: `HTTP ${access.status}`,
    ...(purpose ? { purposeOfEvent: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', ...purpose }] }] } : {}),
    agent: [
      {
        who: { identifier: { value: access.who } },
        requestor: true,
        ...(policy.length ? { policy } : {}),
        network: { address: access.sourceIp || 'unknown', type: '2' },
      },
    ],
    source: { observer: { display: 'eHR sharing service' }, site: access.requestId },
    entity: entity.length ? entity : undefined,
  };
}
