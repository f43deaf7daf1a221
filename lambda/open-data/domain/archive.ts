import * as z from 'zod';
import type { Trilingual } from './language';

/**
 * The historical archive API of DATA.GOV.HK (`/v1/historical-archive/...`): every upload of a
 * file is kept, and listed by the minute it arrived. Days and minutes are Hong Kong time
 * (UTC+8), as DATA.GOV.HK states them: days as YYYYMMDD, versions as YYYYMMDD-HHMM.
 */

const HKT_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
export const MAX_FILES_PER_PAGE = 1000;
export const DEFAULT_FILES_PER_PAGE = 100;
/**
 * The longest period list-files and list-file-versions answer for, in days: a year, leap years
 * included (DATA.GOV.HK's own example asks for 20160101 to 20161231). A period is read month by
 * month, so this bounds the reads one call makes; longer histories are asked for a year at a time.
 */
export const MAX_PERIOD_DAYS = 366;

/** Hong Kong day (YYYYMMDD) and minute (YYYYMMDD-HHMM) of a UTC instant. */
export function hongKongTime(iso: string): { day: string; minute: string; precise: string } {
  const shifted = new Date(new Date(iso).getTime() + HKT_OFFSET_MS).toISOString();
  const day = shifted.slice(0, 10).replace(/-/g, '');
  const minute = `${day}-${shifted.slice(11, 13)}${shifted.slice(14, 16)}`;
  return { day, minute, precise: `${minute}${shifted.slice(17, 19)}.${shifted.slice(20, 23)}` };
}

/** Whether YYYYMMDD names a real calendar day. */
export function isCalendarDay(value: string): boolean {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, takes years 0 to 99 as they are rather than as 1900 to 1999.
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Whether YYYYMMDD-HHMM names a real minute. */
export function isCalendarMinute(value: string): boolean {
  const match = /^(\d{8})-(\d{2})(\d{2})$/.exec(value);
  return match !== null && isCalendarDay(match[1]) && Number(match[2]) < 24 && Number(match[3]) < 60;
}

/** Days from `startDay` to `endDay` (both YYYYMMDD), counting both. */
export function daysInPeriod(startDay: string, endDay: string): number {
  const utc = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8)));
  return Math.round((utc(endDay) - utc(startDay)) / DAY_MS) + 1;
}

/** Months (YYYYMM) from the month of `startDay` to that of `endDay`, both YYYYMMDD. */
export function monthsBetween(startDay: string, endDay: string): string[] {
  const months: string[] = [];
  let year = Number(startDay.slice(0, 4));
  let month = Number(startDay.slice(4, 6));
  const last = endDay.slice(0, 6);
  for (;;) {
    const key = `${year}${String(month).padStart(2, '0')}`;
    if (key > last) break;
    months.push(key);
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return months;
}

/**
 * A calendar day as YYYYMMDD, written as a pattern so that the OpenAPI document says exactly what
 * is accepted: months of 31 and of 30 days, February's 28, and the 29th in leap years (every
 * fourth, centuries only every fourth). Digits are ASCII digits, as in every engine's `[0-9]`.
 */
const CALENDAR_DAY =
  '([0-9]{4}((0[13578]|1[02])(0[1-9]|[12][0-9]|3[01])|(0[469]|11)(0[1-9]|[12][0-9]|30)|02(0[1-9]|1[0-9]|2[0-8]))|([0-9]{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)0229)';
export const DAY_PATTERN = new RegExp(`^${CALENDAR_DAY}$`);
/** YYYYMMDD-HHMM: a calendar day and a minute of it, 0000 to 2359. */
export const MINUTE_PATTERN = new RegExp(`^${CALENDAR_DAY}-([01][0-9]|2[0-3])[0-5][0-9]$`);

const dayParam = (field: string) =>
  z
    .string({ error: `Missing value: give the ${field} day as YYYYMMDD, e.g. 20240131` })
    .regex(DAY_PATTERN, { error: 'Must be a calendar day written as YYYYMMDD, e.g. 20240131' })
    .describe(`The ${field} day of the period (Hong Kong time), YYYYMMDD; a period spans at most ${MAX_PERIOD_DAYS} days`);

/** The longest file URL the archive takes: DATA.GOV.HK's file URLs are far shorter. */
export const MAX_FILE_URL_CHARS = 2048;

/** A file's URL, as list-files gives it. */
const fileUrl = z
  .url({
    error: (issue) =>
      issue.input === undefined ? 'Missing value: give the file URL' : 'Must be the URL of a file, as list-files gives it',
  })
  .max(MAX_FILE_URL_CHARS, { error: `Must be at most ${MAX_FILE_URL_CHARS} characters long` })
  .describe(`The file's URL, as list-files gives it; at most ${MAX_FILE_URL_CHARS} characters`);

const skipParam = z
  .string()
  .regex(/^[0-9]{1,9}$/, { error: 'Must be a whole number of zero or more' })
  .transform(Number)
  .optional()
  .describe('How many files to skip, to page');

const maxParam = z
  .string()
  // 1 to 1000, as a pattern the OpenAPI document states.
  .regex(/^(1000|[1-9][0-9]{0,2})$/, { error: `Must be a whole number from 1 to ${MAX_FILES_PER_PAGE}: page with skip` })
  .transform(Number)
  .optional()
  .describe(`How many files to answer, 1 to ${MAX_FILES_PER_PAGE}; ${DEFAULT_FILES_PER_PAGE} if not given`);

const period = <T extends { start: string; end: string }>(ctx: z.core.ParsePayload<T>) => {
  const { start, end } = ctx.value;
  if (!isCalendarDay(start) || !isCalendarDay(end)) return;
  if (end < start) {
    ctx.issues.push({ code: 'custom', path: ['end'], message: 'Must be the same day as start or later', input: end });
  } else if (daysInPeriod(start, end) > MAX_PERIOD_DAYS) {
    ctx.issues.push({
      code: 'custom',
      path: ['end'],
      message: `The period may span at most ${MAX_PERIOD_DAYS} days (like 20240101 to 20241231): ask for a longer history a year at a time`,
      input: end,
    });
  }
};

/** list-files: files with a version in [start, end], optionally of one category, provider or format. */
export const listFilesParams = z
  .strictObject({
    start: dayParam('first'),
    end: dayParam('last'),
    category: z.string().max(200).optional(),
    provider: z.string().max(200).optional(),
    format: z.string().max(100).optional(),
    search: z.string().max(200).optional(),
    order: z.enum(['asc', 'desc'], { error: 'Must be "asc" or "desc" (by dataset name)' }).optional(),
    skip: skipParam,
    max: maxParam,
  })
  .check(period);
export type ListFilesParams = z.output<typeof listFilesParams>;

/** list-file-versions: the versions of one file (its URL) in [start, end]. */
export const listFileVersionsParams = z.strictObject({ url: fileUrl, start: dayParam('first'), end: dayParam('last') }).check(period);
export type ListFileVersionsParams = z.output<typeof listFileVersionsParams>;

/** get-file: one version of a file, by the minute it was archived. */
export const getFileParams = z.strictObject({
  url: fileUrl,
  time: z
    .string({ error: 'Missing value: give the version time as YYYYMMDD-HHMM, e.g. 20240131-0930' })
    .regex(MINUTE_PATTERN, { error: 'Must be a time written as YYYYMMDD-HHMM, e.g. 20240131-0930' })
    .describe('The minute the version was archived, YYYYMMDD-HHMM in Hong Kong time, as list-file-versions gives it'),
});
export type GetFileParams = z.output<typeof getFileParams>;

/** One stored upload of a file. */
export interface ArchiveVersion {
  readonly url: string;
  readonly packageId: string;
  readonly resourceId: string;
  /** When it was archived, ISO 8601 UTC. */
  readonly archivedAt: string;
  readonly objectKey: string;
  readonly size: number;
  readonly sha256: string;
  readonly mimetype: string;
}

/** How many versions of a file were archived on each Hong Kong day (YYYYMMDD → count). */
export interface FileActivity {
  readonly url: string;
  readonly packageId: string;
  readonly resourceId: string;
  readonly days: Readonly<Record<string, number>>;
}

/** A file's catalogue description; only files of published datasets have one. */
export interface ArchivedFileInfo {
  readonly url: string;
  readonly format: string;
  readonly datasetName: string;
  readonly datasetTitle: Trilingual;
  readonly resourceName: Trilingual;
  readonly providerId: string;
  readonly providerName: Trilingual;
  readonly categories: readonly string[];
}

export interface ListedFile {
  readonly url: string;
  readonly format: string;
  readonly 'dataset-id': string;
  readonly 'dataset-name-en': string;
  readonly 'dataset-name-tc': string;
  readonly 'dataset-name-sc': string;
  readonly 'resource-name-en': string;
  readonly 'resource-name-tc': string;
  readonly 'resource-name-sc': string;
  readonly 'provider-id': string;
  readonly 'provider-name-en': string;
  readonly 'provider-name-tc': string;
  readonly 'provider-name-sc': string;
  readonly 'category-id': string | null;
  readonly 'version-count': number;
}

export interface ListFilesResult {
  readonly 'file-count': number;
  readonly files: readonly ListedFile[];
}

function contains(haystack: string | undefined, needle: string): boolean {
  return (haystack ?? '').toLowerCase().includes(needle);
}

/**
 * list-files over archived files: those with at least one version in the period, of a published
 * dataset, matching the filters; ordered by dataset then resource name, then paged.
 */
export function listFiles(
  activity: readonly FileActivity[],
  describe: (file: FileActivity) => ArchivedFileInfo | undefined,
  params: ListFilesParams,
): ListFilesResult {
  const counts = new Map<string, { file: FileActivity; count: number }>();
  for (const file of activity) {
    let count = 0;
    for (const [day, n] of Object.entries(file.days)) if (day >= params.start && day <= params.end) count += n;
    if (count > 0) counts.set(file.url, { file, count: (counts.get(file.url)?.count ?? 0) + count });
  }
  const search = params.search?.trim().toLowerCase();
  const matching = [...counts.values()]
    .map(({ file, count }) => ({ info: describe(file), count }))
    .filter((entry): entry is { info: ArchivedFileInfo; count: number } => entry.info !== undefined)
    .filter(({ info }) => !params.category || info.categories.includes(params.category))
    .filter(({ info }) => !params.provider || info.providerId === params.provider)
    .filter(({ info }) => !params.format || info.format.toLowerCase() === params.format.toLowerCase())
    .filter(
      ({ info }) =>
        !search ||
        contains(info.url, search) ||
        [info.datasetTitle, info.resourceName].some(
          (text) => contains(text.en, search) || contains(text.tc, search) || contains(text.sc, search),
        ),
    );
  const key = ({ info }: { info: ArchivedFileInfo }) => `${info.datasetTitle.en}\u0000${info.resourceName.en}\u0000${info.url}`;
  matching.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  if (params.order === 'desc') matching.reverse();
  const skip = params.skip ?? 0;
  const max = params.max ?? DEFAULT_FILES_PER_PAGE;
  return {
    'file-count': matching.length,
    files: matching.slice(skip, skip + max).map(({ info, count }) => ({
      url: info.url,
      format: info.format,
      'dataset-id': info.datasetName,
      'dataset-name-en': info.datasetTitle.en,
      'dataset-name-tc': info.datasetTitle.tc ?? '',
      'dataset-name-sc': info.datasetTitle.sc ?? '',
      'resource-name-en': info.resourceName.en,
      'resource-name-tc': info.resourceName.tc ?? '',
      'resource-name-sc': info.resourceName.sc ?? '',
      'provider-id': info.providerId,
      'provider-name-en': info.providerName.en,
      'provider-name-tc': info.providerName.tc ?? '',
      'provider-name-sc': info.providerName.sc ?? '',
      'category-id': info.categories[0] ?? null,
      'version-count': count,
    })),
  };
}

export interface FileVersionsResult {
  readonly 'version-count': number;
  readonly timestamps: readonly string[];
  readonly 'data-dictionary-dates': readonly string[];
  readonly 'schema-dates': readonly string[];
}

/** list-file-versions: the minutes (YYYYMMDD-HHMM) with a version in [start, end], oldest first. */
export function fileVersions(
  versions: readonly Pick<ArchiveVersion, 'archivedAt'>[],
  params: Pick<ListFileVersionsParams, 'start' | 'end'>,
): FileVersionsResult {
  const minutes = new Set<string>();
  for (const version of versions) {
    const { day, minute } = hongKongTime(version.archivedAt);
    if (day >= params.start && day <= params.end) minutes.add(minute);
  }
  const timestamps = [...minutes].sort();
  return { 'version-count': timestamps.length, timestamps, 'data-dictionary-dates': [], 'schema-dates': [] };
}

/** get-file: the version archived in that minute; the last one if there were several. */
export function versionAt<V extends Pick<ArchiveVersion, 'archivedAt'>>(versions: readonly V[], time: string): V | undefined {
  return versions
    .filter((version) => hongKongTime(version.archivedAt).minute === time)
    .sort((a, b) => (a.archivedAt < b.archivedAt ? -1 : a.archivedAt > b.archivedAt ? 1 : 0))
    .pop();
}
