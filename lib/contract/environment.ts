/**
 * Environment variables the platform gives every service function, beyond those a service
 * declares itself (`environment` in its `routes.ts`) and the table and bucket names of its
 * `storage.ts`. The service stack and local mode write them; the shared runtime reads them.
 * No CDK import: Lambda code bundles this file.
 */
export const PLATFORM_ENVIRONMENT = {
  /** The service's name, which Powertools puts on every log line and metric. */
  serviceName: 'POWERTOOLS_SERVICE_NAME',
  /** The platform's prefix, which department role names start with. */
  platformPrefix: 'PLATFORM_PREFIX',
  /** Issuer (`iss`) of citizens' tokens. */
  citizenTokenIssuer: 'CITIZEN_TOKEN_ISSUER',
  /** Issuer (`iss`) of government staff's tokens. */
  staffTokenIssuer: 'STAFF_TOKEN_ISSUER',
  /**
   * Where a function serving department routes learns which API key is each department's:
   * `parameter-store` (the department stacks publish each key's id; read through the Lambda
   * extension for parameters), or, in local mode, a JSON object of department code to key id.
   * Unset, API keys are not matched to departments (unit tests that call handlers directly).
   */
  departmentApiKeys: 'DEPARTMENT_API_KEYS',
} as const;

/** Set only in local mode and tests: where the AWS SDK finds embedded DynamoDB and S3. */
export const LOCAL_ENVIRONMENT = {
  dynamodbEndpoint: 'DYNAMODB_ENDPOINT',
  s3Endpoint: 'S3_ENDPOINT',
} as const;
