import fc from 'fast-check';
import type * as z from 'zod';
import {
  DAY_PATTERN,
  daysInPeriod,
  type FileActivity,
  fileVersions,
  getFileParams,
  hongKongTime,
  isCalendarDay,
  isCalendarMinute,
  listFiles,
  listFilesParams,
  listFileVersionsParams,
  MAX_PERIOD_DAYS,
  MINUTE_PATTERN,
  monthsBetween,
  versionAt,
} from '../../../../lambda/open-data/domain/archive';
import { API_HELP, formatError, requestError } from '../../../../lambda/open-data/errors';

describe('archive dates', () => {
  it('reads UTC instants in Hong Kong time', () => {
    expect(hongKongTime('2024-05-31T16:05:09.123Z')).toEqual({ day: '20240601', minute: '20240601-0005', precise: '20240601-000509.123' });
  });

  it('knows real calendar days', () => {
    expect(['20240229', '20230228', '20241231'].map(isCalendarDay)).toEqual([true, true, true]);
    expect(['20230229', '20241301', '2024-01-01', '202401011'].map(isCalendarDay)).toEqual([false, false, false, false]);
    expect(['00000229', '00040229', '19000229', '20000229', '21000229'].map(isCalendarDay)).toEqual([true, true, false, true, false]);
  });

  it('states calendar days and minutes as patterns that accept exactly the real ones', () => {
    const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
    const days = fc.oneof(
      digits(8),
      fc
        .date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10).replace(/-/g, '')),
      fc.constantFrom('00000229', '19000229', '20000229', '21000229', '20240229', '20230229', '20240431', '20241231'),
    );
    fc.assert(
      fc.property(days, (day) => expect(DAY_PATTERN.test(day)).toBe(isCalendarDay(day))),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(days, digits(4), (day, time) => {
        const minute = `${day}-${time}`;
        expect(MINUTE_PATTERN.test(minute)).toBe(isCalendarMinute(minute));
      }),
      { numRuns: 2000 },
    );
  });

  it('lists the months of a period', () => {
    expect(monthsBetween('20231130', '20240201')).toEqual(['202311', '202312', '202401', '202402']);
  });

  it('covers every day of a period with its months', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2015-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.nat(800),
        (start, days) => {
          const end = new Date(start.getTime() + days * 86_400_000);
          const day = (d: Date) => d.toISOString().slice(0, 10).replace(/-/g, '');
          const months = monthsBetween(day(start), day(end));
          expect(months[0]).toBe(day(start).slice(0, 6));
          expect(months[months.length - 1]).toBe(day(end).slice(0, 6));
          expect(new Set(months).size).toBe(months.length);
        },
      ),
    );
  });
});

/** How an archive route refuses a query: its schema checks it, errors.ts words the refusal. */
function refusal(schema: z.ZodType, query: Record<string, unknown>) {
  const parsed = schema.safeParse(query);
  return parsed.success ? undefined : requestError({ routeId: 'listArchivedFiles', where: 'query', error: parsed.error, input: query });
}

/** One message for each field named, and none for any other. */
const oneMessageEach = (...fields: string[]) => Object.fromEntries(fields.map((field) => [field, [expect.any(String)]]));

describe('archive parameters', () => {
  it('needs start and end as YYYYMMDD, end not before start', () => {
    expect(refusal(listFilesParams, { start: '20240101', end: '20240131' })).toBeUndefined();
    const missing = refusal(listFilesParams, {});
    expect(missing).toMatchObject({ status: 400 });
    expect(missing?.details).toEqual(oneMessageEach('start', 'end'));
    expect(Object.keys(missing?.details as object)).toEqual(['start', 'end']);
    expect(refusal(listFilesParams, { start: '20240131', end: '20240101' })?.details).toEqual({
      end: ['Must be the same day as start or later'],
    });
    expect(refusal(listFilesParams, { start: '2024-01-01', end: '20240230' })?.details).toEqual(oneMessageEach('start', 'end'));
  });

  it('answers for a period of at most a year, and refuses a longer one naming the limit', () => {
    expect(refusal(listFilesParams, { start: '20240101', end: '20241231' })).toBeUndefined();
    expect(refusal(listFilesParams, { start: '20230101', end: '20240101' })).toBeUndefined();
    expect(daysInPeriod('20240101', '20241231')).toBe(MAX_PERIOD_DAYS);
    for (const [schema, extra] of [
      [listFilesParams, {}],
      [listFileVersionsParams, { url: 'https://files.example/a.csv' }],
    ] as const) {
      for (const [start, end] of [
        ['19000101', '29991231'],
        ['20230101', '20240102'],
      ]) {
        const refused = refusal(schema, { ...extra, start, end });
        expect(refused).toMatchObject({ status: 400, details: { end: [expect.stringMatching(/at most 366 days/)] } });
        expect(Object.keys(refused?.details as object)).toEqual(['end']);
      }
    }
  });

  it('needs the URL of a file for its versions', () => {
    expect(refusal(listFileVersionsParams, { url: 'rain.csv', start: '20240101', end: '20240101' })?.details).toEqual(
      oneMessageEach('url'),
    );
  });

  it('caps max and refuses unknown parameters', () => {
    expect(refusal(listFilesParams, { start: '20240101', end: '20240101', max: '5000' })?.details).toEqual(oneMessageEach('max'));
    expect(
      refusal(listFileVersionsParams, { url: 'https://files.example/a.csv', start: '20240101', end: '20240101', page: '2' })?.details,
    ).toEqual(oneMessageEach('page'));
  });

  it("reports failures in CKAN's envelope, as the archive routes answer them", () => {
    const error = refusal(listFilesParams, { end: '20240101' });
    expect(error && formatError(error, 'req-1')).toEqual({
      help: API_HELP,
      success: false,
      error: {
        __type: 'Validation Error',
        message: 'start: Missing value: give the first day as YYYYMMDD, e.g. 20240131',
        start: ['Missing value: give the first day as YYYYMMDD, e.g. 20240131'],
      },
    });
  });

  it('needs get-file time as YYYYMMDD-HHMM', () => {
    expect(refusal(getFileParams, { url: 'https://files.example/a.csv', time: '20240101-0930' })).toBeUndefined();
    expect(refusal(getFileParams, { url: 'https://files.example/a.csv', time: '20240101-2460' })).toMatchObject({ status: 400 });
  });
});

describe('list-files', () => {
  const activity: FileActivity[] = [
    { url: 'https://d/a.csv', packageId: 'p1', resourceId: 'r1', days: { '20240101': 2, '20240205': 1 } },
    { url: 'https://d/b.json', packageId: 'p2', resourceId: 'r2', days: { '20240110': 1 } },
    { url: 'https://d/hidden.csv', packageId: 'private', resourceId: 'r3', days: { '20240101': 5 } },
  ];
  const describe_ = (file: FileActivity) =>
    file.packageId === 'private'
      ? undefined
      : {
          url: file.url,
          format: file.url.endsWith('csv') ? 'CSV' : 'JSON',
          datasetName: file.packageId,
          datasetTitle: { en: file.packageId === 'p1' ? 'Rainfall' : 'Air quality', tc: file.packageId === 'p1' ? '雨量' : '空氣質素' },
          resourceName: { en: 'File' },
          providerId: file.packageId === 'p1' ? 'hk-hko' : 'hk-epd',
          providerName: { en: 'Provider' },
          categories: [file.packageId === 'p1' ? 'climate-and-weather' : 'environment'],
        };
  const params = (extra: Record<string, string>) => {
    return listFilesParams.parse({ start: '20240101', end: '20240131', ...extra });
  };

  it('lists files with versions in the period, counting only those, never unpublished ones', () => {
    const result = listFiles(activity, describe_, params({}));
    expect(result['file-count']).toBe(2);
    expect(result.files.map((f) => [f.url, f['version-count']])).toEqual([
      ['https://d/b.json', 1],
      ['https://d/a.csv', 2],
    ]);
  });

  it('filters by provider, category, format and search, in either order, and pages', () => {
    expect(listFiles(activity, describe_, params({ provider: 'hk-hko' })).files.map((f) => f.url)).toEqual(['https://d/a.csv']);
    expect(listFiles(activity, describe_, params({ category: 'environment' })).files.map((f) => f.url)).toEqual(['https://d/b.json']);
    expect(listFiles(activity, describe_, params({ format: 'csv' })).files.map((f) => f.url)).toEqual(['https://d/a.csv']);
    expect(listFiles(activity, describe_, params({ search: '雨量' })).files.map((f) => f.url)).toEqual(['https://d/a.csv']);
    expect(listFiles(activity, describe_, params({ order: 'desc' })).files.map((f) => f.url)).toEqual([
      'https://d/a.csv',
      'https://d/b.json',
    ]);
    const paged = listFiles(activity, describe_, params({ skip: '1', max: '1' }));
    expect([paged['file-count'], paged.files.map((f) => f.url)]).toEqual([2, ['https://d/a.csv']]);
  });
});

describe('file versions', () => {
  const versions = [
    { archivedAt: '2024-01-01T01:30:10.000Z' },
    { archivedAt: '2024-01-01T01:30:50.000Z' },
    { archivedAt: '2024-01-02T02:00:00.000Z' },
    { archivedAt: '2024-01-05T02:00:00.000Z' },
  ];

  it('lists the Hong Kong minutes with a version, oldest first, once each', () => {
    expect(fileVersions(versions, { start: '20240101', end: '20240102' })).toEqual({
      'version-count': 2,
      timestamps: ['20240101-0930', '20240102-1000'],
      'data-dictionary-dates': [],
      'schema-dates': [],
    });
  });

  it('serves the last version archived in the minute asked for', () => {
    expect(versionAt(versions, '20240101-0930')).toEqual({ archivedAt: '2024-01-01T01:30:50.000Z' });
    expect(versionAt(versions, '20240101-0931')).toBeUndefined();
  });
});
