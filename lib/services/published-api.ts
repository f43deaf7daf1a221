import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { ServiceDefinition } from '../../lambda/shared/route';
import { ServiceApi } from '../constructs/service-api';
import { ServiceMonitoring } from '../constructs/service-monitoring';
import { publishParameter, readParameter } from '../contract/ssm';
import { EXECUTE_API } from '../network/endpoints-stack';
import type { PlatformStack } from '../platform-stack';
import type { ServiceFunctions } from './service-functions';

export interface PublishedApiProps {
  readonly definition: ServiceDefinition;
  readonly functions: ServiceFunctions;
  /** Key encrypting the API's access and WAF logs. */
  readonly encryptionKey: kms.IKey;
  /** Every alarm of the API and its functions notifies this topic. */
  readonly alarmTopic: sns.ITopic;
  /**
   * Serve the API only inside the platform network, through its execute-api endpoint.
   * @default false - a public regional API behind WAF
   */
  readonly internal?: boolean;
}

/**
 * A service's API in its stack: the routes of its declaration served by its functions, with
 * the platform's user pools as authorizers; its alarms and dashboard; and its id and URL
 * published for the departments' usage plans.
 */
export function publishServiceApi(stack: PlatformStack, props: PublishedApiProps): ServiceApi {
  const { definition, functions } = props;
  const names = stack.parameterNames;
  const api = new ServiceApi(stack, 'Api', {
    service: definition,
    functions: Object.fromEntries(Object.entries(functions.functions).map(([n, f]) => [n, f.function])),
    authorizerFunctions: Object.fromEntries(Object.entries(functions.authorizers).map(([n, f]) => [n, f.function])),
    userPool: (audience) =>
      cognito.UserPool.fromUserPoolArn(
        stack,
        audience === 'citizen' ? 'CitizenPool' : 'StaffPool',
        readParameter(stack, names.userPoolArn(audience)),
      ),
    encryptionKey: props.encryptionKey,
    logRetention: stack.logRetention,
    privateEndpointId: props.internal ? readParameter(stack, names.interfaceEndpointId(EXECUTE_API)) : undefined,
  });
  new ServiceMonitoring(stack, 'Monitoring', {
    serviceName: definition.title,
    api: api.api,
    functions: functions.all,
    alarmTopic: props.alarmTopic,
  });
  publishParameter(stack, 'ApiIdParameter', names.serviceApiId(definition.name), api.api.restApiId);
  publishParameter(stack, 'ApiUrlParameter', names.serviceApiUrl(definition.name), api.api.url);
  return api;
}
