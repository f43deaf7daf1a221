import {
  type ArchivedFileInfo,
  type ArchiveError,
  type FileVersionsResult,
  fileVersions,
  getFileParams,
  type ListFilesResult,
  listFiles,
  listFilesParams,
  listFileVersionsParams,
  monthsBetween,
  parseArchiveParams,
  versionAt,
} from '../domain/archive';
import { isPublic, type StoredPackage } from '../domain/entities';
import type { SearchIndex } from '../domain/search-index';
import type { OpenDataDeps } from './context';

/**
 * The historical archive API (`/v1/historical-archive/list-files`, `list-file-versions`,
 * `get-file`). Its parameters arrive as query strings; it answers with its own JSON, not CKAN's
 * envelope. Files of unpublished datasets are never listed or served.
 */
export type ArchiveOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ArchiveError };

function published(index: SearchIndex, packageId: string): StoredPackage | undefined {
  const pkg = index.get(packageId);
  return pkg && isPublic(pkg) ? pkg : undefined;
}

function notFound(message: string): ArchiveOutcome<never> {
  return { ok: false, error: { status: 404, message, details: [] } };
}

export async function archiveListFiles(deps: OpenDataDeps, query: Record<string, unknown>): Promise<ArchiveOutcome<ListFilesResult>> {
  const params = parseArchiveParams(listFilesParams, query);
  if (!params.ok) return params;
  const [activity, index] = await Promise.all([
    deps.archive.activity(monthsBetween(params.value.start, params.value.end)),
    deps.catalog.current(),
  ]);
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
  return { ok: true, value: listFiles(activity, describe, params.value) };
}

export async function archiveListFileVersions(
  deps: OpenDataDeps,
  query: Record<string, unknown>,
): Promise<ArchiveOutcome<FileVersionsResult>> {
  const params = parseArchiveParams(listFileVersionsParams, query);
  if (!params.ok) return params;
  const [versions, index] = await Promise.all([
    deps.archive.versions(params.value.url, params.value.start, params.value.end),
    deps.catalog.current(),
  ]);
  return {
    ok: true,
    value: fileVersions(
      versions.filter((version) => published(index, version.packageId)),
      params.value,
    ),
  };
}

export interface ArchivedFileLocation {
  /** Where the bytes are: a time-limited URL to redirect to. */
  readonly location: string;
  readonly objectKey: string;
  readonly contentType: string;
  readonly size: number;
}

/** get-file: the version of a file archived in a given minute, as a URL to redirect to. */
export async function archiveGetFile(deps: OpenDataDeps, query: Record<string, unknown>): Promise<ArchiveOutcome<ArchivedFileLocation>> {
  const params = parseArchiveParams(getFileParams, query);
  if (!params.ok) return params;
  const day = params.value.time.slice(0, 8);
  const [versions, index] = await Promise.all([deps.archive.versions(params.value.url, day, day), deps.catalog.current()]);
  const version = versionAt(
    versions.filter((v) => published(index, v.packageId)),
    params.value.time,
  );
  if (!version)
    return notFound(`No version of ${params.value.url} was archived at ${params.value.time}: list them with list-file-versions`);
  const fileName = version.objectKey.split('/').pop() ?? 'file';
  return {
    ok: true,
    value: {
      location: await deps.objects.presignDownload(version.objectKey, fileName, 300),
      objectKey: version.objectKey,
      contentType: version.mimetype,
      size: version.size,
    },
  };
}
