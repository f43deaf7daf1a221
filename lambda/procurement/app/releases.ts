import type { Release } from '../domain/ocds';
import type { ProcurementPorts } from '../ports';

const ATTEMPTS = 5;

/**
 * Publishes a stage's release as the next of its ocid: numbered after those stored, and put only
 * if the number is still free, so two stages at once never share an id.
 */
export async function publishRelease(ports: ProcurementPorts, ocid: string, build: (sequence: number) => Release): Promise<Release> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const sequence = (await ports.releases.ofOcid(ocid)).length + 1;
    const release = build(sequence);
    if (await ports.releases.append(release, sequence)) return release;
  }
  throw new Error(`Could not number a release of ${ocid} after ${ATTEMPTS} attempts.`);
}
