import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge } from '../compliance/acknowledge';

export interface OpenDataFileDistributionProps {
  /** The bucket of published files; only this distribution may read it, through origin access control. */
  readonly bucket: s3.IBucket;
  /** @default 'Published open data files' */
  readonly comment?: string;
}

/**
 * CloudFront in front of the open data files. The bucket stays private: the distribution reads
 * it with origin access control (signed requests, SSE-KMS objects decrypted with the bucket's
 * key), viewers must use HTTPS, and every answer carries security headers, a sandboxing content
 * security policy (a published file never runs as a page) and open CORS for browser re-use.
 * Objects are never overwritten, so they are cached as long as CloudFront keeps them.
 *
 * Edge caches hold copies outside the platform region: only files of published datasets, which
 * are public by nature. Object keys are never shown (links go through the API, which redirects
 * only for published datasets) and hold a random upload id, so unpublished files cannot be
 * asked for by name; a file once published stays reachable at its address.
 */
export class OpenDataFileDistribution extends Construct {
  public readonly distribution: cloudfront.Distribution;
  /** `https://<distribution domain>`, under which an object key is its path. */
  public readonly url: string;

  constructor(scope: Construct, id: string, props: OpenDataFileDistributionProps) {
    super(scope, id);
    const headers = new cloudfront.ResponseHeadersPolicy(this, 'Headers', {
      comment: 'Security headers and read-only CORS for published open data files',
      securityHeadersBehavior: {
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
        contentSecurityPolicy: { contentSecurityPolicy: "default-src 'none'; sandbox", override: true },
      },
      corsBehavior: {
        accessControlAllowCredentials: false,
        accessControlAllowHeaders: ['*'],
        accessControlAllowMethods: ['GET', 'HEAD'],
        accessControlAllowOrigins: ['*'],
        originOverride: true,
      },
    });
    const accessControl = new cloudfront.S3OriginAccessControl(this, 'OriginAccess', {
      description: 'CloudFront reads published open data files with signed requests',
      signing: cloudfront.Signing.SIGV4_ALWAYS,
    });
    this.distribution = new cloudfront.Distribution(this, 'Resource', {
      comment: props.comment ?? 'Published open data files',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withBucketDefaults(props.bucket, { originAccessControlId: accessControl.originAccessControlId }),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachedMethods: cloudfront.CachedMethods.CACHE_GET_HEAD,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
      },
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
    });
    this.url = `https://${this.distribution.distributionDomainName}`;
    this.allowDistribution(props.bucket);

    acknowledge(
      this.distribution,
      'AwsSolutions-CFR1',
      'Open data is published for everyone, in Hong Kong and abroad, so no country is refused; only files of published datasets are linked, and AWS Shield Standard protects the distribution from floods.',
    );
    acknowledge(
      this.distribution,
      ['AwsSolutions-CFR2', 'CKV_AWS_68'],
      'A web ACL for CloudFront must be created in us-east-1, outside the platform region; the distribution only serves immutable public files by GET and HEAD from its cache, forwarding no query strings, cookies or credentials, AWS Shield Standard absorbs floods, and the API that lists files and counts downloads is behind the service WAF.',
    );
    acknowledge(
      this.distribution,
      ['AwsSolutions-CFR3', 'ControlTower::CT.CLOUDFRONT.PR.5', 'CKV_AWS_86'],
      "CloudFront's legacy access logs need an ACL-enabled bucket (platform buckets have ACLs disabled) and are not delivered to opt-in regions such as ap-east-1, and its newer log delivery is set up in us-east-1: both would take logs out of the platform region. Every download link goes through the service API, recorded in its KMS-encrypted access log and the per-dataset download counts, and the bucket's S3 server access logs record every fetch CloudFront makes from the origin.",
    );
    acknowledge(
      this.distribution,
      [
        'AwsSolutions-CFR4',
        'ControlTower::CT.CLOUDFRONT.PR.6',
        'ControlTower::CT.CLOUDFRONT.PR.7',
        'ControlTower::CT.CLOUDFRONT.PR.9',
        'CKV_AWS_174',
      ],
      "Served on CloudFront's own cloudfront.net certificate until the portal has a custom domain with an ACM certificate in us-east-1; viewers must use HTTPS, CloudFront negotiates TLS 1.2 or 1.3 with current clients, and the files are public data with no cookies or credentials exchanged.",
    );
    acknowledge(
      this.distribution,
      'ControlTower::CT.CLOUDFRONT.PR.1',
      'The distribution serves files at their own paths only; there is no site root to answer, and a request for it gets a 403 from the private origin rather than a listing.',
    );
    acknowledge(
      this.distribution,
      'ControlTower::CT.CLOUDFRONT.PR.4',
      'An origin in another region would copy the files out of the platform region, which data residency forbids; every upload has its own immutable key in a versioned, retained bucket, and CloudFront keeps serving cached copies while S3 recovers.',
    );
  }

  /**
   * Lets this distribution, and only it, read the bucket's objects. The key must let CloudFront
   * decrypt them too; naming this distribution there would make the key depend on the
   * distribution, which depends on the bucket, which depends on the key, so the key admits
   * CloudFront for distributions of this account, and the bucket policy admits only this one.
   * (CloudFront's `withOriginAccessControl` does the same, with a warning no construct can own.)
   */
  private allowDistribution(bucket: s3.IBucket): void {
    const cloudFront = new iam.ServicePrincipal('cloudfront.amazonaws.com');
    const { partition, account } = Stack.of(this);
    const added = bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowOnlyTheFileDistribution',
        principals: [cloudFront],
        actions: ['s3:GetObject'],
        resources: [bucket.arnForObjects('*')],
        conditions: { StringEquals: { 'AWS:SourceArn': this.distribution.distributionArn } },
      }),
    );
    if (!added.statementAdded) {
      throw new Error(`${this.node.path}: the bucket's policy cannot be changed here; give a bucket defined in this app.`);
    }
    bucket.encryptionKey?.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudFrontToReadOpenDataFiles',
        principals: [cloudFront],
        actions: ['kms:Decrypt'],
        resources: ['*'],
        conditions: { ArnLike: { 'AWS:SourceArn': `arn:${partition}:cloudfront::${account}:distribution/*` } },
      }),
    );
  }
}
