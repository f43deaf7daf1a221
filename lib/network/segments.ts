/**
 * Segments of the Transit Gateway. Each has its own route table; every attachment is associated
 * with exactly one (where its traffic is routed from) and propagated into some (who may route
 * back to it). Default association and propagation are off, so nothing is reachable unless
 * listed here.
 *
 * | route table (associated)       | routes                                                                    |
 * | ------------------------------ | ------------------------------------------------------------------------- |
 * | departments (department VPCs)  | 0.0.0.0/0 → inspection; endpoints VPC (propagated); data centre → VPN/DX;  |
 * |                                | `deny`: platform range blackholed, shared services → inspection           |
 * | sharedServices (its VPC)       | 0.0.0.0/0 → inspection; endpoints VPC (propagated); data centre → VPN/DX  |
 * | inspection (inspection VPC)    | 0.0.0.0/0 → egress; departments and shared services (propagated)          |
 * | egress (egress VPC)            | platform range → inspection, so replies from the internet are inspected   |
 * | endpoints (endpoints VPC)      | departments and shared services (propagated); data centre → VPN/DX        |
 * | onPremises (VPN, DX)           | departments, shared services, endpoints VPC (propagated)                   |
 *
 * So a department reaches the internet and every other platform VPC only through the firewall,
 * never another department directly; it reaches AWS APIs through the endpoints VPC and the data
 * centre over the VPN (or Direct Connect) for the configured on-premises ranges.
 */
export const SEGMENTS = ['sharedServices', 'departments', 'inspection', 'egress', 'endpoints', 'onPremises'] as const;
export type Segment = (typeof SEGMENTS)[number];

/** A segment's name in SSM paths and resource names: `onPremises` → `on-premises`. */
export function segmentSlug(segment: Segment): string {
  return segment.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** Route tables that learn the routes of a spoke (a department or the shared-services VPC). */
export const SPOKE_PROPAGATIONS: readonly Segment[] = ['inspection', 'endpoints', 'onPremises'];

/** Route tables that learn the routes of the endpoints VPC. */
export const ENDPOINTS_PROPAGATIONS: readonly Segment[] = ['departments', 'sharedServices', 'onPremises'];

/** Route tables whose traffic to the data centre goes over the hybrid links. */
export const ON_PREMISES_ROUTED: readonly Segment[] = ['departments', 'sharedServices', 'endpoints'];

/** Route tables whose default route leads to the inspection VPC. */
export const INSPECTED: readonly Segment[] = ['departments', 'sharedServices'];
