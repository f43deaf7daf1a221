/**
 * Environment of the notifications service's functions, written by its stack (and local mode)
 * and read by its runtime. Without the AWS settings the functions run as in local mode.
 */
export const NOTIFY_ENVIRONMENT = {
  /** The secret box key itself, base64: local mode and tests. */
  secretBoxKey: 'NOTIFY_SECRET_BOX_KEY',
  /** ARN of the Secrets Manager secret holding the secret box key: AWS. */
  secretBoxKeySecretArn: 'NOTIFY_SECRET_BOX_KEY_SECRET_ARN',
  /** `aws` sends e-mail through SES and text messages through SNS; unset, messages are only recorded. */
  deliveryProvider: 'NOTIFY_DELIVERY_PROVIDER',
  /** SES configuration set named on every e-mail, for its delivery events. @default - none */
  emailConfigurationSet: 'NOTIFY_EMAIL_CONFIGURATION_SET',
  /** Region whose SES sends e-mail. @default - the function's region */
  emailRegion: 'NOTIFY_EMAIL_REGION',
} as const;

export const AWS_DELIVERY = 'aws';
