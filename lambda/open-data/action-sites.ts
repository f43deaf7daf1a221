import { LANGUAGES, type Lang } from './domain/language';

/**
 * Where the Action API answers. Like DATA.GOV.HK, a language site per language
 * (`/tc-data/api/3/action/...`) picks the language of titles and descriptions; the publishers'
 * site answers every action with the calling officer's identity. Each answers at CKAN's
 * versioned path and at its unversioned one (`/api/action/...`), which ckanapi calls.
 */

export const OPEN_DATA_BASE = '/open-data';

/** Where publishing officers call the Action API, under the base path. */
export const PUBLISHER_PATH = '/publisher';

type SiteKey = '' | Capitalize<Lang> | 'Publisher';

export interface ActionSite {
  /** Part of its route ids, like `Tc`. */
  readonly key: SiteKey;
  /** Its path under the base path, like `/tc-data`; empty for the main site. */
  readonly path: string;
  /** Language of titles and descriptions in its answers. */
  readonly lang: Lang;
  /** The publishers' site: every action, as the calling officer; behind the staff pool and an API key. */
  readonly publisher: boolean;
}

const capitalize = <L extends Lang>(lang: L) => `${lang[0].toUpperCase()}${lang.slice(1)}` as Capitalize<L>;

export const ACTION_SITES: readonly ActionSite[] = [
  { key: '', path: '', lang: 'en', publisher: false },
  ...LANGUAGES.map((lang) => ({ key: capitalize(lang), path: `/${lang}-data`, lang, publisher: false })),
  { key: 'Publisher', path: PUBLISHER_PATH, lang: 'en', publisher: true },
];

/** CKAN's action paths: with the API version, and without it (the latest version). */
export const ACTION_PATHS = [
  { key: '', path: '/api/3/action/{action}' },
  { key: 'Unversioned', path: '/api/action/{action}' },
] as const;

type ActionPath = (typeof ACTION_PATHS)[number];
export type ActionMethod = 'GET' | 'POST';
export type ActionRouteId<M extends ActionMethod = ActionMethod> = `${Lowercase<M>}${SiteKey}Action${ActionPath['key']}`;

/** The route id of one method of one action path of one site, like `getTcAction` or `postPublisherActionUnversioned`. */
export function actionRouteId<M extends ActionMethod>(method: M, site: ActionSite, path: ActionPath): ActionRouteId<M> {
  return `${method.toLowerCase()}${site.key}Action${path.key}` as ActionRouteId<M>;
}

/** Every action route: site, path and method. */
export const ACTION_ROUTES = ACTION_SITES.flatMap((site) =>
  ACTION_PATHS.flatMap((path) =>
    (['GET', 'POST'] as const).map((method) => ({ site, path, method, id: actionRouteId(method, site, path) })),
  ),
);
