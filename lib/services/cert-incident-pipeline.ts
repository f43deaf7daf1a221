import * as events from 'aws-cdk-lib/aws-events';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { CERT_TABLES } from '../../lambda/cert/storage';
import { accountOf } from '../organization/accounts';
import { IncidentPipeline } from '../security/incident-pipeline';
import type { ServiceStack } from './service-stack';

/** The CERT's function, declared in its `routes.ts`, that files findings as incidents. */
const FILER_FUNCTION = 'findings';

/**
 * The CERT's on-call topic and the pipeline that files GuardDuty and Security Hub findings as
 * incidents and announces every new incident there.
 */
export function addCertIncidentPipeline(stack: ServiceStack): void {
  const filer = stack.functions[FILER_FUNCTION];
  if (!filer) {
    throw new Error(`The CERT service declares no '${FILER_FUNCTION}' function; declare it in lambda/cert/routes.ts \`functions\`.`);
  }
  const onCall = new sns.Topic(stack, 'OnCallTopic', { displayName: 'Government CERT on call', masterKey: stack.key, enforceSSL: true });
  onCall.addSubscription(new subscriptions.EmailSubscription(stack.config.alarms.email));
  new IncidentPipeline(stack, 'IncidentPipeline', {
    filer,
    encryptionKey: stack.key,
    incidentsTable: stack.tables[CERT_TABLES.incidents],
    onCallTopic: onCall,
    onCallTopicKey: stack.key,
    alarmTopic: stack.alarmTopic,
    threshold: stack.config.security.incidentSeverityThreshold,
  });
  acceptAuditAccountFindings(stack);
}

/**
 * In organization mode, the audit account forwards every account's serious findings to this
 * account's default event bus (OrganizationSecurity stack), where the pipeline's rules match them.
 */
function acceptAuditAccountFindings(stack: ServiceStack): void {
  const audit = accountOf(stack.config, 'audit');
  if (audit === undefined) return;
  new events.CfnEventBusPolicy(stack, 'AuditAccountFindings', {
    statementId: `${stack.config.platform.prefix}-audit-account-findings`,
    eventBusName: 'default',
    statement: {
      Sid: 'AuditAccountFindings',
      Effect: 'Allow',
      Principal: { AWS: `arn:${stack.partition}:iam::${audit}:root` },
      Action: 'events:PutEvents',
      Resource: `arn:${stack.partition}:events:${stack.region}:${stack.account}:event-bus/default`,
    },
  });
}
