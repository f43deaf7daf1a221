import {
  type ArchivedFileInfo,
  type ArchiveError,
  type FileVersionsResult,
  fileVersions,
  type GetFileParams,
  getFileParams,
  type ListFilesParams,
  type ListFilesResult,
  type ListFileVersionsParams,
  listFiles,
  listFilesParams,
  listFileVersionsParams,
  monthsBetween,
  parseArchiveParams,
  versionAt,
} from '../domain/archive';
import { isPublic, type StoredPackage } from '../domain/entities';
import type { SearchIndex } from '../domain/search-index';
import type { OpenDataPorts } from '../ports';

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

export async function archiveListFiles(deps: OpenDataPorts, query: Record<string, unknown>): Promise<ArchiveOutcome<ListFilesResult>> {
  const params = parseArchiveParams(listFilesParams, query);
  return params.ok ? listArchivedFiles(deps, params.value) : params;
}

/** list-files with parameters already validated by `listFilesParams`. */
export async function listArchivedFiles(deps: OpenDataPorts, params: ListFilesParams): Promise<ArchiveOutcome<ListFilesResult>> {
  const [activity, index] = await Promise.all([deps.archive.activity(monthsBetween(params.start, params.end)), deps.catalog.current()]);
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
  return { ok: true, value: listFiles(activity, describe, params) };
}

export async function archiveListFileVersions(
  deps: OpenDataPorts,
  query: Record<string, unknown>,
): Promise<ArchiveOutcome<FileVersionsResult>> {
  const params = parseArchiveParams(listFileVersionsParams, query);
  return params.ok ? listArchivedFileVersions(deps, params.value) : params;
}

/** list-file-versions with parameters already validated by `listFileVersionsParams`. */
export async function listArchivedFileVersions(
  deps: OpenDataPorts,
  params: ListFileVersionsParams,
): Promise<ArchiveOutcome<FileVersionsResult>> {
  const [versions, index] = await Promise.all([deps.archive.versions(params.url, params.start, params.end), deps.catalog.current()]);
  return {
    ok: true,
    value: fileVersions(
      versions.filter((version) => published(index, version.packageId)),
      params,
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
export async function archiveGetFile(deps: OpenDataPorts, query: Record<string, unknown>): Promise<ArchiveOutcome<ArchivedFileLocation>> {
  const params = parseArchiveParams(getFileParams, query);
  return params.ok ? getArchivedFile(deps, params.value) : params;
}

/** get-file with parameters already validated by `getFileParams`. */
export async function getArchivedFile(deps: OpenDataPorts, params: GetFileParams): Promise<ArchiveOutcome<ArchivedFileLocation>> {
  const day = params.time.slice(0, 8);
  const [versions, index] = await Promise.all([deps.archive.versions(params.url, day, day), deps.catalog.current()]);
  const version = versionAt(
    versions.filter((v) => published(index, v.packageId)),
    params.time,
  );
  if (!version) return notFound(`No version of ${params.url} was archived at ${params.time}: list them with list-file-versions`);
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
