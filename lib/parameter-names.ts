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

  /** A value provisioned for one department, like its key or bucket. */
  department(code: string, item: string): string {
    return this.name('departments', code.toLowerCase(), item);
  }
}
