import { aggregateDownloads, type DatasetDownloads } from '../domain/downloads';
import { isPublic } from '../domain/entities';
import { mayRead } from '../domain/visibility';
import { notFound } from '../errors';
import type { OpenDataPorts } from '../ports';
import type { RequestContext } from './actions';

/** Where a download goes: a stored file (by key) or a publisher's own URL. */
export type DownloadTarget =
  | { readonly kind: 'object'; readonly objectKey: string; readonly fileName: string; readonly contentType: string | null }
  | { readonly kind: 'link'; readonly url: string };

/**
 * Resolves `/dataset/{package}/resource/{resource}/download/...` and counts the download
 * against the dataset. Unknown resources and datasets the caller may not read are not found,
 * and not counted.
 */
export async function resolveDownload(
  ports: OpenDataPorts,
  ctx: RequestContext,
  ids: { packageId: string; resourceId: string },
): Promise<DownloadTarget> {
  const [pkg, index] = await Promise.all([ports.packages.get(ids.packageId), ports.catalog.current()]);
  const resource = pkg?.resources.find((r) => r.id === ids.resourceId);
  const unavailable = !pkg || !resource || !mayRead(pkg, index.departmentOf(pkg), ctx.caller);
  if (unavailable || (resource.url_type === 'upload' && !resource.object_key)) {
    throw notFound('Resource was not found, or its dataset is not published.');
  }
  await ports.downloads.record({ packageId: pkg.id, resourceId: resource.id, at: ports.clock.now().toISOString() });
  if (resource.object_key) {
    return {
      kind: 'object',
      objectKey: resource.object_key,
      fileName: resource.object_key.split('/').pop() ?? 'file',
      contentType: resource.mimetype,
    };
  }
  return { kind: 'link', url: resource.url };
}

/** Downloads per published dataset over an optional range of Hong Kong days (YYYYMMDD). */
export async function downloadStatistics(ports: OpenDataPorts, range: { from?: string; to?: string } = {}): Promise<DatasetDownloads[]> {
  const [counts, index] = await Promise.all([ports.downloads.counts(), ports.catalog.current()]);
  return aggregateDownloads(counts, range).filter((entry) => {
    const pkg = index.get(entry.packageId);
    return pkg !== undefined && isPublic(pkg);
  });
}

/** How long a presigned download URL stays usable, in seconds. */
export const PRESIGNED_DOWNLOAD_SECONDS = 300;

/**
 * Where to send a caller for a download: the publisher's own URL for a link; for a stored file,
 * its address under the file delivery URL (CloudFront in AWS: objects are immutable, so any
 * cache of them stays right), or else a presigned S3 URL valid for five minutes.
 */
export async function downloadLocation(ports: OpenDataPorts, target: DownloadTarget): Promise<string> {
  if (target.kind === 'link') return target.url;
  if (ports.site.fileDeliveryUrl) {
    return `${ports.site.fileDeliveryUrl}/${target.objectKey.split('/').map(encodeURIComponent).join('/')}`;
  }
  return ports.objects.presignDownload(target.objectKey, target.fileName, PRESIGNED_DOWNLOAD_SECONDS);
}
