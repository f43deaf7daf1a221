import { createHash } from 'node:crypto';
import type { SeedLocal } from '../shared/seed';
import { createOpenDataPorts } from './compose';
import type { StoredPackage, StoredResource } from './domain/entities';
import { DEFAULT_LICENSE_ID } from './domain/licenses';
import { formatOf, safeFileName, uploadObjectKey } from './domain/upload-policy';
import type { OpenDataPorts } from './ports';
import { SEED_DATASETS, SEED_GROUPS, SEED_ORGANIZATIONS, type SeedDataset } from './store/seed-data';

/** A stable UUID-shaped id from a name, so seeding twice writes the same records. */
function stableId(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('/')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function sha256(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

interface SeedVersion {
  readonly resourceId: string;
  readonly objectKey: string;
  readonly body: string;
  readonly contentType: string;
  readonly at: string;
}

/** A seed dataset as stored, with the file versions to write to S3 and the archive. */
export function seedPackage(dataset: SeedDataset, downloadBaseUrl: string): { pkg: StoredPackage; versions: SeedVersion[] } {
  const id = stableId('dataset', dataset.name);
  const versions: SeedVersion[] = [];
  const resources: StoredResource[] = dataset.files.map((file, position) => {
    const resourceId = stableId('resource', dataset.name, String(position));
    if (file.kind === 'link') {
      return {
        id: resourceId,
        url: file.url,
        name: file.name,
        description: { en: '' },
        format: file.format,
        mimetype: null,
        size: null,
        hash: '',
        created: dataset.created,
        last_modified: null,
        url_type: null,
      };
    }
    for (const version of file.versions) {
      const uploadId = stableId('upload', dataset.name, String(position), version.at);
      versions.push({
        resourceId,
        objectKey: uploadObjectKey(id, resourceId, uploadId, file.fileName),
        body: version.body,
        contentType: file.contentType,
        at: version.at,
      });
    }
    const latest = versions[versions.length - 1];
    return {
      id: resourceId,
      url: `${downloadBaseUrl}/dataset/${id}/resource/${resourceId}/download/${safeFileName(file.fileName)}`,
      name: file.name,
      description: { en: '' },
      format: formatOf(file.contentType),
      mimetype: file.contentType,
      size: Buffer.byteLength(latest.body),
      hash: sha256(latest.body),
      created: dataset.created,
      last_modified: latest.at,
      url_type: 'upload',
      object_key: latest.objectKey,
    };
  });
  const modified = [dataset.created, ...versions.map((version) => version.at)].sort().pop()!;
  const org = SEED_ORGANIZATIONS.find((o) => o.name === dataset.org)!;
  return {
    pkg: {
      id,
      name: dataset.name,
      title: dataset.title,
      notes: dataset.notes,
      owner_org: org.id,
      private: dataset.private ?? false,
      state: dataset.state ?? 'active',
      license_id: DEFAULT_LICENSE_ID,
      tags: [...dataset.tags],
      groups: [...dataset.groups],
      resources,
      extras: [{ key: 'update_frequency', value: 'daily' }],
      author: null,
      author_email: null,
      maintainer: org.title.en,
      maintainer_email: org.email,
      url: null,
      version: null,
      metadata_created: dataset.created,
      metadata_modified: modified,
      creator: `officer:${org.department}`,
      revision: 1,
    },
    versions,
  };
}

/**
 * Writes the demo catalogue: organizations, groups, datasets, their files in S3 and every file
 * version in the archive. Datasets that already exist are left alone, so it may run on every
 * start of local mode.
 */
export async function seedOpenData(ports: OpenDataPorts): Promise<{ datasets: number; created: number }> {
  for (const org of SEED_ORGANIZATIONS) await ports.registry.putOrganization(org);
  for (const group of SEED_GROUPS) await ports.registry.putGroup(group);
  let created = 0;
  for (const dataset of SEED_DATASETS) {
    const { pkg, versions } = seedPackage(dataset, ports.site.downloadBaseUrl);
    if (await ports.packages.get(pkg.id)) continue;
    for (const version of versions) {
      await ports.objects.put(version.objectKey, version.body, version.contentType);
      const resource = pkg.resources.find((r) => r.id === version.resourceId)!;
      await ports.archive.record({
        url: resource.url,
        packageId: pkg.id,
        resourceId: version.resourceId,
        archivedAt: version.at,
        objectKey: version.objectKey,
        size: Buffer.byteLength(version.body),
        sha256: sha256(version.body),
        mimetype: version.contentType,
      });
    }
    if ((await ports.packages.create(pkg)) === 'created') created++;
  }
  ports.catalog.reset();
  return { datasets: SEED_DATASETS.length, created };
}

/** Local mode's entry: seeds the storage the environment points at and says what it did. */
export const seedLocal: SeedLocal = async () => {
  const { datasets, created } = await seedOpenData(createOpenDataPorts());
  return {
    notes:
      created > 0
        ? [
            `Open data: seeded ${created} of ${datasets} demo datasets from ${SEED_ORGANIZATIONS.length} departments (some private or draft).`,
          ]
        : [],
  };
};
