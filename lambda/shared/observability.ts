import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

/**
 * Logger and metrics, one each per process. Logs are JSON with the request id on every line;
 * personal data and secrets are never logged: handlers log ids and outcomes, not bodies.
 * Tracing is Lambda's active X-Ray tracing of each invocation; the Powertools tracer is left
 * out because the X-Ray SDK it loads would add to every cold start (see `npm run bench`).
 */
const serviceName = process.env.POWERTOOLS_SERVICE_NAME ?? 'egov-platform';

export const logger = new Logger({ serviceName });

export const metrics = new Metrics({ namespace: 'EgovPlatform', serviceName });
