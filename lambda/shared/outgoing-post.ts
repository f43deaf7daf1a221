/** A POST to a department's endpoint: a status callback or a signed webhook. */
export interface OutgoingPost {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Sends a POST and answers its HTTP status; rejects when there is no answer. */
export type PostSender = (request: OutgoingPost) => Promise<{ readonly status: number }>;

/**
 * POSTs with a time limit and no redirects: a callback goes where the department configured it,
 * or nowhere. The response body is discarded unread.
 */
export function postSender(timeoutMs: number): PostSender {
  return async (request) => {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    return { status: response.status };
  };
}
