import { pick } from '../domain/language';
import { LICENSES } from '../domain/licenses';
import type { HelpShowParams } from '../domain/params';
import { notFound } from '../errors';
import type { OpenDataPorts } from '../ports';
import { CKAN_ACTIONS, isCkanAction } from '../routes';
import { langOf, type RequestContext } from './actions';

export interface StatusShowResult {
  readonly site_title: string;
  readonly site_description: string;
  readonly site_url: string;
  readonly ckan_version: string;
  readonly error_emails_to: null;
  readonly locale_default: string;
  readonly extensions: readonly string[];
}

/** status_show: what CKAN clients read to learn the site and its API version. */
export async function statusShow(ports: OpenDataPorts, ctx: RequestContext): Promise<StatusShowResult> {
  const lang = langOf(ctx);
  return {
    site_title: pick(ports.site.title, lang),
    site_description: pick(ports.site.description, lang),
    site_url: ports.site.siteUrl,
    ckan_version: ports.site.ckanVersion,
    error_emails_to: null,
    locale_default: lang === 'en' ? 'en' : lang === 'tc' ? 'zh_Hant_TW' : 'zh_Hans_CN',
    extensions: ['fluent', 'dcat', 'historical-archive'],
  };
}

/** site_read: whether the site may be read; it always may. */
export async function siteRead(): Promise<true> {
  return true;
}

/** A licence as CKAN's license_list gives it (ckan/model/license.py). */
export interface CkanLicense {
  readonly id: string;
  readonly title: string;
  readonly url: string;
  readonly status: 'active';
  readonly maintainer: string;
  readonly family: string;
  readonly is_generic: boolean;
  readonly domain_content: boolean;
  readonly domain_data: boolean;
  readonly domain_software: boolean;
  readonly od_conformance: 'approved' | 'not reviewed';
  readonly osd_conformance: 'not reviewed';
}

/** license_list: the licences datasets may carry. */
export async function licenseList(): Promise<CkanLicense[]> {
  return LICENSES.map((license) => ({
    id: license.id,
    title: license.title,
    url: license.url,
    status: 'active',
    maintainer: '',
    family: '',
    is_generic: false,
    domain_content: true,
    domain_data: true,
    domain_software: false,
    od_conformance: license.isOpen ? 'approved' : 'not reviewed',
    osd_conformance: 'not reviewed',
  }));
}

/** vocabulary_list: tags here are free tags, in no vocabulary. */
export async function vocabularyList(): Promise<never[]> {
  return [];
}

/**
 * help_show: what an action does and the parameters it reads, the page an action's `help` link
 * names. CKAN answers an action's docstring; this answers the summary routes.ts declares.
 */
export async function helpShow(_ports: OpenDataPorts, _ctx: RequestContext, params: HelpShowParams): Promise<string> {
  if (!isCkanAction(params.name)) throw notFound('Action function not found');
  const action = CKAN_ACTIONS[params.name];
  // A schema that reshapes its input (package_revise's) names its parameters on its input side.
  const schema = action.params as unknown as { shape?: object; in?: { shape?: object } };
  const names = Object.keys(schema.shape ?? schema.in?.shape ?? {});
  const how = (action.methods as readonly string[]).includes('GET') ? 'GET or POST' : 'POST, on the publishers’ site';
  return [
    `${params.name}: ${action.summary}.`,
    `Called by ${how}.`,
    names.length > 0 ? `Parameters: ${names.join(', ')}.` : 'No parameters.',
  ].join('\n\n');
}
