import {
  type ArchivedFileInfo,
  type FileVersionsResult,
  fileVersions,
  type GetFileParams,
  type ListFilesParams,
  type ListFilesResult,
  type ListFileVersionsParams,
  listFiles,
  monthsBetween,
  versionAt,
} from '../domain/archive';
import { isPublic, type StoredPackage } from '../domain/entities';
import type { SearchIndex } from '../domain/search-index';
import { noArchivedVersion } from '../errors';
import type { OpenDataPorts } from '../ports';

/**
 * The historical archive API (`/v1/historical-archive/list-files`, `list-file-versions`,
 * `get-file`), its parameters checked by the routes' query schemas. It answers with its own
 * JSON, not CKAN's envelope, and its errors with CKAN's. Files of unpublished datasets are never
 * listed or served.
 */

/** How long a get-file redirect stays usable, in seconds. */
const ARCHIVED_FILE_URL_SECONDS = 300;

function published(index: SearchIndex, packageId: string): StoredPackage | undefined {
  const pkg = index.get(packageId);
  return pkg && isPublic(pkg) ? pkg : undefined;
}

/** list-files: files with versions between two days, by category, provider, format or words. */
export async function listArchivedFiles(ports: OpenDataPorts, params: ListFilesParams): Promise<ListFilesResult> {
  const [activity, index] = await Promise.all([ports.archive.activity(monthsBetween(params.start, params.end)), ports.catalog.current()]);
  const describe = (file: { url: string; packageId: string; resourceId: string }): ArchivedFileInfo | undefined => {
    const pkg = published(index, file.packageId);
    const resource = pkg?.resources.find((r) => r.id === file.resourceId);
    const org = pkg ? index.organization(pkg.owner_org) : undefined;
    if (!pkg || !org) return undefined;
    return {
      url: file.url,
      format: resource?.format ?? '',
      datasetName: pkg.name,
      datasetTitle: pkg.title,
      resourceName: resource?.name ?? { en: '' },
      providerId: org.name,
      providerName: org.title,
      categories: pkg.groups,
    };
  };
  return listFiles(activity, describe, params);
}

/** list-file-versions: the versions of one file between two days. */
export async function listArchivedFileVersions(ports: OpenDataPorts, params: ListFileVersionsParams): Promise<FileVersionsResult> {
  const [versions, index] = await Promise.all([ports.archive.versions(params.url, params.start, params.end), ports.catalog.current()]);
  return fileVersions(
    versions.filter((version) => published(index, version.packageId)),
    params,
  );
}

export interface ArchivedFileLocation {
  /** Where the bytes are: a time-limited URL to redirect to. */
  readonly location: string;
  readonly objectKey: string;
  readonly contentType: string;
  readonly size: number;
}

/** get-file: the version of a file archived in a given minute, as a URL to redirect to. */
export async function getArchivedFile(ports: OpenDataPorts, params: GetFileParams): Promise<ArchivedFileLocation> {
  const day = params.time.slice(0, 8);
  const [versions, index] = await Promise.all([ports.archive.versions(params.url, day, day), ports.catalog.current()]);
  const version = versionAt(
    versions.filter((v) => published(index, v.packageId)),
    params.time,
  );
  if (!version) throw noArchivedVersion(params.url, params.time);
  const fileName = version.objectKey.split('/').pop() ?? 'file';
  return {
    location: await ports.objects.presignDownload(version.objectKey, fileName, ARCHIVED_FILE_URL_SECONDS),
    objectKey: version.objectKey,
    contentType: version.mimetype,
    size: version.size,
  };
}
