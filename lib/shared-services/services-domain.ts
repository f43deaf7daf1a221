import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as targets from 'aws-cdk-lib/aws-route53-targets';
import { Construct } from 'constructs';
import { acknowledge } from '../compliance/acknowledge';
import type { PlatformConfig } from '../config/schema';
import { publishParameter } from '../contract/ssm';
import type { PlatformStack } from '../platform-stack';

type DomainConfig = NonNullable<PlatformConfig['platform']['domain']>;

/** The host under which every public service answers at its base path: `api.<domain>`. */
export const sharedHost = (domain: DomainConfig) => `api.${domain.name}`;

/** The host at whose root one public service answers: `<service>.<domain>`. */
export const serviceHost = (domain: DomainConfig, service: string) => `${service}.${domain.name}`;

/** The hosted zone of the platform's domain, imported by id (no look-up at synth). */
export function hostedZone(scope: Construct, id: string, domain: DomainConfig): route53.IHostedZone | undefined {
  return domain.hostedZoneId
    ? route53.HostedZone.fromHostedZoneAttributes(scope, id, { hostedZoneId: domain.hostedZoneId, zoneName: domain.name })
    : undefined;
}

export interface ServicesDomainProps {
  readonly domain: DomainConfig;
}

/**
 * The platform's domain for its public services: the certificate of `*.<domain>` (the one given,
 * or one ACM issues after validating it in the hosted zone), published for the service stacks,
 * and the shared host `api.<domain>` to which each public service maps its base path.
 */
export class ServicesDomain extends Construct {
  public readonly certificate: acm.ICertificate;
  public readonly sharedHost: apigateway.DomainName;

  constructor(scope: PlatformStack, id: string, props: ServicesDomainProps) {
    super(scope, id);
    const { domain } = props;
    const zone = hostedZone(this, 'Zone', domain);
    this.certificate = domain.certificateArn
      ? acm.Certificate.fromCertificateArn(this, 'Certificate', domain.certificateArn)
      : this.wildcardCertificate(domain, zone);
    this.sharedHost = new apigateway.DomainName(this, 'SharedHost', {
      domainName: sharedHost(domain),
      certificate: this.certificate,
      endpointType: apigateway.EndpointType.REGIONAL,
      securityPolicy: apigateway.SecurityPolicy.TLS_1_2,
    });
    if (zone) {
      new route53.ARecord(this, 'SharedHostRecord', {
        zone,
        recordName: sharedHost(domain),
        target: route53.RecordTarget.fromAlias(new targets.ApiGatewayDomain(this.sharedHost)),
      });
    }
    publishParameter(this, 'CertificateArnParameter', scope.parameterNames.servicesCertificateArn, this.certificate.certificateArn);
  }

  /**
   * One certificate for every host of the platform's services, which grow with the services
   * enabled (past ACM's default of ten names per certificate), so it names one level of the zone.
   */
  private wildcardCertificate(domain: DomainConfig, zone: route53.IHostedZone | undefined): acm.Certificate {
    const certificate = new acm.Certificate(this, 'Certificate', {
      domainName: `*.${domain.name}`,
      validation: acm.CertificateValidation.fromDns(zone),
    });
    acknowledge(
      certificate,
      'CKV2_AWS_71',
      "ACM holds the certificate's private key and never exports it, so it cannot be copied to another host; it covers one level of the platform's own zone, where only the platform's stacks create records.",
    );
    return certificate;
  }
}
