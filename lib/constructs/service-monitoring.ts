import { Duration } from 'aws-cdk-lib';
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { ServiceFunction } from './service-function';

export interface ServiceMonitoringProps {
  readonly serviceName: string;
  readonly api: apigateway.RestApi;
  readonly functions: readonly ServiceFunction[];
  readonly alarmTopic: sns.ITopic;
  /** Alarm when more than this share of requests fail with 5xx over 5 minutes. @default 1 (%) */
  readonly serverErrorPercent?: number;
  /** Alarm when the p99 latency exceeds this. @default Duration.seconds(2) */
  readonly p99Latency?: Duration;
}

/**
 * Alarms and a dashboard for one service: the API's 5xx rate and p99 latency, and for each
 * function its throttles, errors and dead letters. Every alarm notifies the platform topic.
 */
export class ServiceMonitoring extends Construct {
  public readonly alarms: cloudwatch.Alarm[] = [];
  public readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: ServiceMonitoringProps) {
    super(scope, id);
    const period = Duration.minutes(5);
    const requests = props.api.metricCount({ period, statistic: 'Sum' });
    const serverErrors = props.api.metricServerError({ period, statistic: 'Sum' });
    const errorRate = new cloudwatch.MathExpression({
      expression: 'IF(requests > 0, 100 * errors / requests, 0)',
      usingMetrics: { requests, errors: serverErrors },
      period,
      label: '5xx %',
    });
    const latencyP99 = props.api.metricLatency({ period, statistic: 'p99' });
    const threshold = props.p99Latency ?? Duration.seconds(2);

    this.alarm(
      'ServerErrorRate',
      errorRate,
      props.serverErrorPercent ?? 1,
      `${props.serviceName}: more than 1% of requests failed with 5xx`,
      2,
    );
    this.alarm(
      'LatencyP99',
      latencyP99,
      threshold.toMilliseconds(),
      `${props.serviceName}: p99 latency above ${threshold.toSeconds()} s`,
      3,
    );
    for (const fn of props.functions) {
      const name = fn.node.id;
      this.alarm(
        `${name}Throttles`,
        fn.function.metricThrottles({ period, statistic: 'Sum' }),
        0,
        `${props.serviceName}: ${name} was throttled`,
        1,
      );
      this.alarm(`${name}Errors`, fn.function.metricErrors({ period, statistic: 'Sum' }), 0, `${props.serviceName}: ${name} failed`, 1);
      this.alarm(
        `${name}DeadLetters`,
        fn.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
        0,
        `${props.serviceName}: ${name} has events in its dead-letter queue`,
        1,
      );
    }
    for (const alarm of this.alarms) alarm.addAlarmAction(new actions.SnsAction(props.alarmTopic));

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      widgets: [
        [
          new cloudwatch.GraphWidget({
            title: 'Requests',
            left: [requests],
            right: [props.api.metricClientError({ period }), serverErrors],
            width: 12,
          }),
          new cloudwatch.GraphWidget({
            title: 'Latency',
            left: [props.api.metricLatency({ period, statistic: 'p50' }), latencyP99],
            width: 12,
          }),
        ],
        props.functions.map(
          (fn) =>
            new cloudwatch.GraphWidget({
              title: fn.node.id,
              left: [
                fn.function.metricInvocations({ period }),
                fn.function.metricErrors({ period }),
                fn.function.metricThrottles({ period }),
              ],
              right: [fn.function.metricDuration({ period, statistic: 'p99' })],
              width: 24 / Math.max(1, props.functions.length),
            }),
        ),
        [new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24 })],
      ],
    });
  }

  private alarm(id: string, metric: cloudwatch.IMetric, threshold: number, description: string, evaluationPeriods: number): void {
    this.alarms.push(
      new cloudwatch.Alarm(this, id, {
        metric,
        threshold,
        evaluationPeriods,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      }),
    );
  }
}
