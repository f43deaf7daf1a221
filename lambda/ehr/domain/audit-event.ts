import type { ResourceType } from './resource-types';

/** One access to record: who, what, with which outcome. */
export interface Access {
  readonly interaction: 'read' | 'vread' | 'history' | 'search' | 'create' | 'update';
  readonly who: string;
  /** The caller's department, as the provider they act for. */
  readonly provider?: string;
  readonly type: ResourceType;
  /** The resource read or written, when one is. */
  readonly id?: string;
  /** The patient the access concerned, as `Patient/<id>`, when known. */
  readonly patient?: string;
  /** The HTTP status answered. */
  readonly status: number;
  readonly sourceIp: string;
  readonly requestId: string;
}

const ACTIONS = { read: 'R', vread: 'R', history: 'R', search: 'E', create: 'C', update: 'U' } as const;

/** An access as an R4 AuditEvent (a RESTful interaction: DICOM's rest type, FHIR's interaction subtype). */
export function auditEventOf(access: Access, at: string): Record<string, unknown> {
  const entity: Record<string, unknown>[] = [];
  if (access.id) entity.push({ what: { reference: `${access.type}/${access.id}` }, type: { code: '2', display: 'System Object' } });
  if (access.patient && access.patient !== `${access.type}/${access.id}`)
    entity.push({ what: { reference: access.patient }, type: { code: '1', display: 'Person' } });
  if (access.type === 'Patient' && access.id)
    entity[0] = { what: { reference: `Patient/${access.id}` }, type: { code: '1', display: 'Person' } };
  return {
    resourceType: 'AuditEvent',
    type: { system: 'http://terminology.hl7.org/CodeSystem/audit-event-type', code: 'rest', display: 'RESTful Operation' },
    subtype: [{ system: 'http://hl7.org/fhir/restful-interaction', code: access.interaction }],
    action: ACTIONS[access.interaction],
    recorded: at,
    outcome: access.status < 400 ? '0' : access.status < 500 ? '4' : '8',
    outcomeDesc: `HTTP ${access.status}`,
    agent: [
      {
        who: { identifier: { value: access.who } },
        requestor: true,
        ...(access.provider ? { policy: [`provider:${access.provider}`] } : {}),
        network: { address: access.sourceIp || 'unknown', type: '2' },
      },
    ],
    source: { observer: { display: 'eHR sharing service' }, site: access.requestId },
    entity: entity.length ? entity : undefined,
  };
}
