/**
 * Names of the SSM parameters through which stacks share long-lived values. Written once here:
 * the producing stack writes them, consumers (other stacks, department handbooks, the platform
 * catalogue API) read them, so stacks deploy and update independently.
 */
export class ParameterNames {
  constructor(private readonly prefix: string) {}

  private name(...parts: string[]): string {
    return `/${this.prefix}/${parts.join('/')}`;
  }

  get logArchiveBucketName(): string {
    return this.name('security', 'log-archive-bucket-name');
  }

  get accessLogsBucketName(): string {
    return this.name('security', 'access-logs-bucket-name');
  }

  get logArchiveKeyArn(): string {
    return this.name('security', 'log-archive-key-arn');
  }

  get alarmTopicArn(): string {
    return this.name('security', 'alarm-topic-arn');
  }

  get trailLogGroupName(): string {
    return this.name('security', 'trail-log-group-name');
  }

  userPoolArn(audience: 'citizen' | 'staff'): string {
    return this.name('identity', `${audience}-pool-arn`);
  }

  /** The `iss` claim of the pool's tokens. */
  userPoolIssuer(audience: 'citizen' | 'staff'): string {
    return this.name('identity', `${audience}-pool-issuer`);
  }

  /** The REST API id of a shared service, for usage plans of departments. */
  serviceApiId(service: string): string {
    return this.name('services', service, 'api-id');
  }

  serviceApiUrl(service: string): string {
    return this.name('services', service, 'api-url');
  }

  /** A value provisioned for one department, like its key or bucket. */
  department(code: string, item: string): string {
    return this.name('departments', code.toLowerCase(), item);
  }
}
