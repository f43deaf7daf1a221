import { type CkanError, errorBody, errorStatus, type Result } from './errors';

/** CKAN's answer to a successful action. */
export interface SuccessEnvelope<T> {
  readonly help: string;
  readonly success: true;
  readonly result: T;
}

/** CKAN's answer to a failed action. */
export interface ErrorEnvelope {
  readonly help: string;
  readonly success: false;
  readonly error: Record<string, unknown>;
}

export interface EnvelopedResponse<T> {
  readonly status: number;
  readonly body: SuccessEnvelope<T> | ErrorEnvelope;
}

/** CKAN points `help` at the action's documentation: `<site>/api/3/action/help_show?name=<action>`. */
export function helpUrl(siteUrl: string, action: string): string {
  return `${siteUrl.replace(/\/+$/, '')}/api/3/action/help_show?name=${encodeURIComponent(action)}`;
}

export function successEnvelope<T>(siteUrl: string, action: string, result: T): EnvelopedResponse<T> {
  return { status: 200, body: { help: helpUrl(siteUrl, action), success: true, result } };
}

export function errorEnvelope(siteUrl: string, action: string, error: CkanError): EnvelopedResponse<never> {
  return { status: errorStatus(error), body: { help: helpUrl(siteUrl, action), success: false, error: errorBody(error) } };
}

/** The HTTP status and body of an action's outcome. */
export function envelope<T>(siteUrl: string, action: string, outcome: Result<T>): EnvelopedResponse<T> {
  return outcome.ok ? successEnvelope(siteUrl, action, outcome.value) : errorEnvelope(siteUrl, action, outcome.error);
}
