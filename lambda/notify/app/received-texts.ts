import type { NotifyCaller } from '../domain/auth';
import type { ReceivedTextListResponse } from '../domain/response-schemas';
import { receivedTextListResponse } from '../domain/responses';
import type { ListReceivedTextsQuery } from '../domain/schemas';
import type { RequestOptions, ServiceResult } from '../ports';

/**
 * `GET /v2/received-text-messages`: the text messages people sent to the service. A service
 * receives them only on an inbound number of its own, and no service here has one (text
 * messages go out through SNS, which receives none), so every page is empty: Notify's answer
 * for a service without an inbound number, `older_than` or not.
 */
export function listReceivedTexts(
  _query: ListReceivedTextsQuery,
  _caller: NotifyCaller,
  options: RequestOptions,
): ServiceResult<ReceivedTextListResponse> {
  return { statusCode: 200, body: receivedTextListResponse([], options.baseUrl) };
}
