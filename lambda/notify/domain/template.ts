import { badRequest } from '../errors';
import type { NotificationType } from './model';

/**
 * Templates as Notify writes them: `((name))` placeholders, and `((name??text))` optional
 * content shown when the value is yes, true, show and the like. Names match whatever their
 * case, spaces, hyphens and underscores, as in Notify.
 */

export type PersonalisationValue = string | number | boolean | null | readonly (string | number | null)[];
export type Personalisation = Readonly<Record<string, PersonalisationValue>>;

export interface TemplateContent {
  readonly type: NotificationType;
  readonly subject?: string;
  readonly body: string;
}

export interface RenderedTemplate {
  readonly body: string;
  readonly subject?: string;
  /** Placeholder names the personalisation did not supply, in order of first use. */
  readonly missing: readonly string[];
}

const PLACEHOLDER = /\(\(([^()]+)\)\)/g;
const SHOW_VALUES = new Set(['yes', 'y', 'true', 't', '1', 'include', 'show']);

interface Placeholder {
  readonly name: string;
  /** Text shown for a conditional placeholder. */
  readonly conditionalText?: string;
}

function readPlaceholder(inner: string): Placeholder {
  const split = inner.indexOf('??');
  if (split < 0) return { name: inner };
  return { name: inner.slice(0, split), conditionalText: inner.slice(split + 2) };
}

/** The key two spellings of a placeholder name share. */
export function placeholderKey(name: string): string {
  return name.replace(/[\s_-]/g, '').toLowerCase();
}

/** The placeholder names of a template, subject first, each once. */
export function placeholderNames(template: TemplateContent): string[] {
  const seen = new Map<string, string>();
  for (const text of [template.subject ?? '', template.body]) {
    for (const match of text.matchAll(PLACEHOLDER)) {
      const { name } = readPlaceholder(match[1]);
      if (!seen.has(placeholderKey(name))) seen.set(placeholderKey(name), name);
    }
  }
  return [...seen.values()];
}

/** Fills the placeholders it has values for and reports the rest as missing. */
export function renderTemplate(template: TemplateContent, personalisation: Personalisation = {}): RenderedTemplate {
  const values = new Map(Object.entries(personalisation).map(([k, v]) => [placeholderKey(k), v]));
  const missing = new Map<string, string>();
  const fill = (text: string) =>
    text.replace(PLACEHOLDER, (whole, inner: string) => {
      const placeholder = readPlaceholder(inner);
      const value = values.get(placeholderKey(placeholder.name));
      if (value === undefined || value === null) {
        if (!missing.has(placeholderKey(placeholder.name))) missing.set(placeholderKey(placeholder.name), placeholder.name);
        return whole;
      }
      if (placeholder.conditionalText !== undefined)
        return SHOW_VALUES.has(String(value).trim().toLowerCase()) ? placeholder.conditionalText : '';
      return formatValue(value, template.type);
    });
  const subject = template.subject === undefined ? undefined : fill(template.subject);
  const body = fill(template.body);
  return { body, subject, missing: [...missing.values()] };
}

/** Like renderTemplate, but a missing value is Notify's 400 naming every missing placeholder. */
export function renderStrict(template: TemplateContent, personalisation: Personalisation = {}): RenderedTemplate {
  const rendered = renderTemplate(template, personalisation);
  if (rendered.missing.length > 0) throw badRequest(`Missing personalisation: ${rendered.missing.join(', ')}`);
  return rendered;
}

function formatValue(value: Exclude<PersonalisationValue, null>, type: NotificationType): string {
  if (!Array.isArray(value)) return String(value);
  const items = value.map((item) => (item === null ? '' : String(item).trim())).filter((item) => item !== '');
  if (items.length === 0) return '';
  // E-mail renders Markdown, where a list becomes bullets; a text message gets a sentence.
  if (type === 'email') return `\n\n${items.map((item) => `* ${item}`).join('\n')}\n`;
  return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
