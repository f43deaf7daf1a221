import autocannon from 'autocannon';
import { SERVICES } from '../lambda/registry';
import { loadConfig } from '../lib/config/load';
import { type LocalPlatform, NOOP_PATH, startLocalPlatform } from '../lib/local/server';
import { round } from './stats';

export interface LatencyCase {
  readonly name: string;
  readonly kind: 'baseline' | 'read' | 'write';
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

export interface LatencyResult {
  readonly name: string;
  readonly kind: LatencyCase['kind'];
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requestsPerSecond: number;
  readonly non2xx: number;
}

const createNotifyToken: (
  method: string,
  path: string,
  secret: string,
  serviceId: string,
) => string = require('notifications-node-client/client/authentication.js');

/** A credential local mode's seeds made. */
function seeded(platform: LocalPlatform, name: string): string {
  const value = platform.credentials[name];
  if (!value) throw new Error(`local mode's seeds made no ${name}`);
  return value;
}

/** Representative read and write routes of every service, with valid requests. */
export function latencyCases(platform: LocalPlatform): LatencyCase[] {
  const officer = (code: string) => ({ authorization: `Bearer ${platform.tokens.officers[code]}`, 'x-api-key': platform.apiKeys[code] });
  const notifyKey = seeded(platform, 'NOTIFY_API_KEY');
  // A Notify token is good for 30 seconds, longer than each run.
  const notify = (method: string, path: string) => ({
    authorization: `Bearer ${createNotifyToken(method, path, notifyKey.slice(-36), notifyKey.slice(-73, -37))}`,
  });
  const pay = { authorization: `Bearer ${seeded(platform, 'PAY_API_KEY')}` };
  return [
    { name: 'no-op (baseline)', kind: 'baseline', method: 'GET', path: NOOP_PATH },
    { name: 'platform: list services', kind: 'read', method: 'GET', path: '/platform/services' },
    { name: 'platform: department (officer)', kind: 'read', method: 'GET', path: '/platform/departments/TD', headers: officer('TD') },
    { name: 'cert: advisories', kind: 'read', method: 'GET', path: '/cert/advisories' },
    {
      name: 'cert: incidents (officer)',
      kind: 'read',
      method: 'GET',
      path: '/cert/incidents',
      headers: { authorization: `Bearer ${platform.tokens.officers.TD}` },
    },
    {
      name: 'cert: report an incident',
      kind: 'write',
      method: 'POST',
      path: '/cert/incidents',
      headers: { authorization: `Bearer ${platform.tokens.officers.TD}` },
      body: JSON.stringify({ title: 'Benchmark report', description: 'Load test', severity: 'low', category: 'other' }),
    },
    { name: 'open-data: package_search', kind: 'read', method: 'GET', path: '/open-data/api/3/action/package_search?q=traffic&rows=10' },
    { name: 'open-data: package_list', kind: 'read', method: 'GET', path: '/open-data/api/3/action/package_list' },
    { name: 'notify: templates', kind: 'read', method: 'GET', path: '/notify/v2/templates', headers: notify('GET', '/v2/templates') },
    { name: 'pay: search payments', kind: 'read', method: 'GET', path: '/pay/v1/payments', headers: pay },
    {
      name: 'identity: profile (citizen)',
      kind: 'read',
      method: 'GET',
      path: '/identity/v1/profile',
      headers: { authorization: `Bearer ${platform.tokens.citizen}` },
    },
    { name: 'records: file plan (officer)', kind: 'read', method: 'GET', path: '/records/v1/file-plan', headers: officer('TD') },
    {
      name: 'records: records of a class (officer)',
      kind: 'read',
      method: 'GET',
      path: '/records/v1/records?classCode=ADM-01-001',
      headers: officer('TD'),
    },
    {
      name: 'records: declare a record',
      kind: 'write',
      method: 'POST',
      path: '/records/v1/records',
      headers: officer('TD'),
      body: JSON.stringify({
        classCode: 'ADM-01-001',
        metadata: { title: 'Benchmark record' },
        content: { fileName: 'bench.pdf', contentType: 'application/pdf', size: 1024, sha256: 'a'.repeat(64) },
      }),
    },
    { name: 'procurement: published tenders', kind: 'read', method: 'GET', path: '/procurement/v1/tenders?limit=25' },
    { name: 'procurement: OCDS release package', kind: 'read', method: 'GET', path: '/procurement/ocds/releases?limit=100' },
    {
      name: 'procurement: OCDS record package',
      kind: 'read',
      method: 'GET',
      path: `/procurement/ocds/records/${seeded(platform, 'PROCUREMENT_OPEN_OCID')}`,
    },
    {
      name: 'procurement: submit a sealed bid (supplier)',
      kind: 'write',
      method: 'PUT',
      path: `/procurement/v1/tenders/${seeded(platform, 'PROCUREMENT_OPEN_TENDER_ID')}/bid`,
      headers: { authorization: `Bearer ${seeded(platform, 'PROCUREMENT_SUPPLIER_TOKEN_2')}` },
      body: JSON.stringify({ price: { amount: 1_500_000, currency: 'HKD' }, proposal: 'Benchmark bid' }),
    },
    { name: 'exchange: data services', kind: 'read', method: 'GET', path: '/exchange/v1/services?limit=25', headers: officer('TD') },
    {
      name: 'exchange: query under a grant (logged)',
      kind: 'write',
      method: 'POST',
      path: `/exchange/v1/requests/${seeded(platform, 'EXCHANGE_GRANT_ID')}/query`,
      headers: officer('TD'),
      body: JSON.stringify({ columns: ['district', 'score'], filters: [{ column: 'score', op: 'gte', value: 80 }], limit: 20 }),
    },
    {
      name: "usage: a day's figures (public)",
      kind: 'read',
      method: 'GET',
      path: `/usage/v1/days/${seeded(platform, 'USAGE_DAY')}/figures`,
    },
    {
      // Ten events a request: events per second are ten times the requests.
      name: 'usage: beacon of 10 events (public)',
      kind: 'write',
      method: 'POST',
      path: '/usage/v1/beacon',
      body: JSON.stringify({
        events: Array.from({ length: 10 }, (_, i) => ({
          service: seeded(platform, 'USAGE_SERVICE_ID'),
          kind: i === 0 ? 'service_start' : 'page_view',
          page: `/en/renew/step-${i}`,
        })),
      }),
    },
    {
      name: 'ehr: read a record under consent (practitioner)',
      kind: 'read',
      method: 'GET',
      path: '/ehr/fhir/Observation/bp-p1',
      headers: { authorization: `Bearer ${seeded(platform, 'EHR_PRACTITIONER_TOKEN')}` },
    },
    {
      name: "ehr: search a patient's observations (practitioner)",
      kind: 'read',
      method: 'GET',
      path: '/ehr/fhir/Observation?patient=p1&_count=20',
      headers: { authorization: `Bearer ${seeded(platform, 'EHR_PRACTITIONER_TOKEN')}` },
    },
    {
      name: 'ehr: own access log (patient)',
      kind: 'read',
      method: 'GET',
      path: '/ehr/me/fhir/AuditEvent?_count=20',
      headers: { authorization: `Bearer ${seeded(platform, 'EHR_PATIENT_TOKEN')}` },
    },
    {
      name: 'ehr: record an observation under consent (practitioner)',
      kind: 'write',
      method: 'POST',
      path: '/ehr/fhir/Observation',
      headers: { authorization: `Bearer ${seeded(platform, 'EHR_PRACTITIONER_TOKEN')}`, 'content-type': 'application/fhir+json' },
      body: JSON.stringify({
        resourceType: 'Observation',
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '8867-4', display: 'Heart rate' }] },
        subject: { reference: 'Patient/p1' },
        valueQuantity: { value: 72, unit: '/min' },
      }),
    },
    {
      name: 'pay: create a payment',
      kind: 'write',
      method: 'POST',
      path: '/pay/v1/payments',
      headers: pay,
      body: JSON.stringify({ amount: 1200, reference: 'BENCH-1', description: 'Licence fee', return_url: 'https://example.gov.hk/done' }),
    },
  ];
}

function run(url: string, c: LatencyCase, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url: `${url}${c.path}`,
    method: c.method,
    headers: { 'content-type': 'application/json', ...c.headers },
    body: c.body,
    connections: 50,
    duration: seconds,
  });
}

/** p50/p99 and throughput of each case at 50 connections against local mode in memory. */
export async function benchLatency(seconds: number, log: (line: string) => void): Promise<LatencyResult[]> {
  const platform = await startLocalPlatform({ config: loadConfig(), services: SERVICES, port: 0, dataDirectory: undefined });
  try {
    const results: LatencyResult[] = [];
    for (const c of latencyCases(platform)) {
      await run(platform.url, c, 1); // warm-up
      const r = await run(platform.url, c, seconds);
      results.push({
        name: c.name,
        kind: c.kind,
        p50Ms: r.latency.p50,
        p99Ms: r.latency.p99,
        requestsPerSecond: round(r.requests.average, 0),
        non2xx: r.non2xx,
      });
      log(`  latency ${c.name}: p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${round(r.requests.average, 0)} req/s`);
    }
    return results;
  } finally {
    await platform.stop();
  }
}
