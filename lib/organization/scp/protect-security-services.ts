import { type ScpDocument, scp, unlessDeployment } from './document';

/**
 * Actions that stop, weaken or blind the platform's detection: the audit trail, the Config
 * recorder, GuardDuty, Security Hub, IAM Access Analyzer and Macie.
 */
export const SECURITY_SERVICE_CHANGES = [
  'cloudtrail:DeleteTrail',
  'cloudtrail:PutEventSelectors',
  'cloudtrail:StopLogging',
  'cloudtrail:UpdateTrail',
  'config:DeleteConfigRule',
  'config:DeleteConfigurationRecorder',
  'config:DeleteDeliveryChannel',
  'config:DeleteRetentionConfiguration',
  'config:PutConfigurationRecorder',
  'config:PutDeliveryChannel',
  'config:StopConfigurationRecorder',
  'guardduty:CreateFilter',
  'guardduty:DeleteDetector',
  'guardduty:DeleteMembers',
  'guardduty:DisassociateFromAdministratorAccount',
  'guardduty:DisassociateFromMasterAccount',
  'guardduty:StopMonitoringMembers',
  'guardduty:UpdateDetector',
  'securityhub:BatchDisableStandards',
  'securityhub:DeleteMembers',
  'securityhub:DisableSecurityHub',
  'securityhub:DisassociateFromAdministratorAccount',
  'securityhub:DisassociateFromMasterAccount',
  'securityhub:DisableImportFindingsForProduct',
  'access-analyzer:DeleteAnalyzer',
  'macie2:DisableMacie',
  'macie2:DisassociateFromAdministratorAccount',
  'macie2:DisassociateFromMasterAccount',
  'macie2:UpdateMacieSession',
] as const;

/** Only the platform's deployments change the security services; no one turns them off by hand. */
export function protectSecurityServices(): ScpDocument {
  return scp({
    Sid: 'DenySecurityServiceChanges',
    Effect: 'Deny',
    Action: SECURITY_SERVICE_CHANGES,
    Resource: '*',
    Condition: unlessDeployment,
  });
}
