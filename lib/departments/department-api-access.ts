import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { Construct } from 'constructs';
import type { PlatformParameters } from '../contract/parameters';
import { readParameter } from '../contract/ssm';

export interface DepartmentApiAccessProps {
  readonly department: string;
  /** Shared services the department is entitled to call. */
  readonly services: readonly string[];
  readonly names: PlatformParameters;
  readonly quotas: { readonly requestsPerSecond: number; readonly burst: number; readonly requestsPerMonth: number };
}

/**
 * The department's API key and one usage plan per shared service it is entitled to, with its
 * throttle and monthly quota. The services' API ids come from SSM, so service and department
 * stacks deploy independently.
 */
export class DepartmentApiAccess extends Construct {
  public readonly apiKey: apigateway.CfnApiKey;

  constructor(scope: Construct, id: string, props: DepartmentApiAccessProps) {
    super(scope, id);
    this.apiKey = new apigateway.CfnApiKey(this, 'Key', {
      description: `API key of department ${props.department} for the shared services`,
      enabled: true,
    });
    for (const service of props.services) {
      const plan = new apigateway.CfnUsagePlan(this, `Plan-${service}`, {
        description: `${props.department} on ${service}`,
        apiStages: [{ apiId: readParameter(this, props.names.serviceApiId(service)), stage: 'v1' }],
        throttle: { rateLimit: props.quotas.requestsPerSecond, burstLimit: props.quotas.burst },
        quota: { limit: props.quotas.requestsPerMonth, period: 'MONTH' },
      });
      new apigateway.CfnUsagePlanKey(this, `PlanKey-${service}`, { keyId: this.apiKey.ref, keyType: 'API_KEY', usagePlanId: plan.ref });
    }
  }
}
