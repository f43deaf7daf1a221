/**
 * The few places where the fuzzer's general rules do not hold by design, each with its reason.
 * A name here that no longer exists fails the suite, so the list cannot go stale silently.
 */

/**
 * Routes whose users are people in a browser, not API clients: they answer an unknown payment
 * link with an HTML page (GOV.UK Pay's "Payment not found"), so an error there may be HTML
 * rather than the service's JSON error body. Errors the runtime raises before the page
 * (size, media type, form fields) are still JSON in Pay's shape.
 */
export const HTML_PAGE_ROUTES: Readonly<Record<string, readonly string[]>> = {
  pay: ['showPaymentPage', 'submitPaymentPage', 'cancelPaymentPage'],
};

/**
 * State that a request may change by design, by container (`table:<name>`) and a test on the
 * item (as JSON), left out of the "storage unchanged" check. Only the eHR's AuditEvents: the
 * service records every access, refusals included, by design. The counters that do move on
 * requests are not reached by what the fuzzer sends. Notify's per-key
 * rate counter (`COUNTER#RATE#…`) counts only sends its schemas accepted, which are never
 * generated; open data's download counts only count downloads of published resources, and the
 * fuzzer's identifiers are random.
 */
export const STATE_CHANGED_BY_DESIGN: readonly { readonly container: RegExp; readonly item: RegExp; readonly reason: string }[] = [
  {
    container: /^table:.*ehr.*resources/i,
    item: /"pk":\{"S":"RES#AuditEvent#/,
    reason: 'The eHR writes an AuditEvent for every read, search, write and refusal, before it answers.',
  },
];

export function changedByDesign(container: string, item: string): boolean {
  return STATE_CHANGED_BY_DESIGN.some((e) => e.container.test(container) && e.item.test(item));
}
