/**
 * DATA.GOV.HK publishes every title and description in English, Traditional Chinese and
 * Simplified Chinese; the language of a request picks which one CKAN's `title` and `notes` carry.
 */
export const LANGUAGES = ['en', 'tc', 'sc'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** A text in the three languages; English is always present, the Chinese versions may be missing. */
export interface Trilingual {
  readonly en: string;
  readonly tc?: string;
  readonly sc?: string;
}

/** BCP 47 tags of the three languages, as DCAT and HTTP expect them. */
export const LANGUAGE_TAGS: Readonly<Record<Lang, string>> = { en: 'en', tc: 'zh-Hant', sc: 'zh-Hans' };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The text in the wanted language, falling back to English, then to whichever Chinese text exists. */
export function pick(text: Trilingual | undefined, lang: Lang): string {
  if (!text) return '';
  return text[lang] || text.en || text.tc || text.sc || '';
}

/** All non-empty versions of a text, for indexing and export. */
export function allVersions(text: Trilingual | undefined): string[] {
  if (!text) return [];
  return LANGUAGES.map((lang) => text[lang] ?? '').filter((value) => value.length > 0);
}

/** A text with English only. */
export function english(en: string): Trilingual {
  return { en };
}
