import { builtOnce } from '../shared/once';
import type { UsagePorts } from './ports';
import { usageService } from './routes';
import { ObjectEventSink, ObjectEventSource } from './store/event-objects';
import { DynamoFigureStore } from './store/figure-store';
import { FirehoseEventSink } from './store/firehose-sink';
import { DynamoReportStore } from './store/report-store';
import { DynamoReviewStore } from './store/review-store';
import { DynamoSaltStore } from './store/salt-store';
import { DynamoMeasuredServiceStore } from './store/service-store';

/** Events to Firehose when the stack names a stream (AWS), else straight to the events bucket (local mode). */
function sinkFor(env: NodeJS.ProcessEnv) {
  const stream = env[usageService.environment.eventStream];
  return stream ? new FirehoseEventSink(stream) : new ObjectEventSink();
}

export function dynamoPorts(overrides: Partial<UsagePorts> = {}): UsagePorts {
  return {
    services: new DynamoMeasuredServiceStore(),
    reports: new DynamoReportStore(),
    figures: new DynamoFigureStore(),
    reviews: new DynamoReviewStore(),
    salts: new DynamoSaltStore(),
    sink: sinkFor(process.env),
    source: new ObjectEventSource(),
    clock: () => new Date(),
    ...overrides,
  };
}

/** The ports of this process, built on first use. */
export const usagePorts = /* @__PURE__ */ builtOnce(async () => dynamoPorts());
