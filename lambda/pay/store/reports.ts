import { PutObjectCommand } from '@aws-sdk/client-s3';
import { s3 } from '../../shared/aws-clients';
import { bucketEnvName } from '../../shared/storage-definition';
import type { ReportStore } from '../ports';
import { PAY_REPORTS_BUCKET } from '../storage';

/** Reconciliation reports in the service's `payment-reports` bucket (versioned in AWS, so a rerun keeps the earlier copy). */
export class S3ReportStore implements ReportStore {
  async putReport(key: string, body: string, contentType: string): Promise<string> {
    const bucket = process.env[bucketEnvName(PAY_REPORTS_BUCKET)];
    if (!bucket)
      throw new Error(`${bucketEnvName(PAY_REPORTS_BUCKET)} is not set: the function's stack or local mode must pass the bucket name`);
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
    return key;
  }
}
