import { Duration, SecretValue } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as targets from 'aws-cdk-lib/aws-route53-targets';
import { Construct } from 'constructs';
import { CLAIMS } from '../../lambda/shared/identity';
import type { IdentityConfig, OpenIdProviderConfig, RelyingPartyConfig } from '../config/identity-schema';
import type { PlatformConfig } from '../config/schema';
import { pascalCase } from '../services/pascal-case';
import { hostedZone } from './services-domain';

type Audience = 'citizen' | 'staff';
type DomainConfig = NonNullable<PlatformConfig['platform']['domain']>;

/** Names of the pools' identity providers, as the pools and their clients call them. */
export const IDENTITY_PROVIDER_NAMES = { identityCard: 'IdentityCard', staffDirectory: 'GovernmentDirectory' } as const;

/** The host of a pool's managed login under the platform's domain. */
export const loginHost = (domain: DomainConfig, audience: Audience) => `${audience === 'citizen' ? 'login' : 'staff-login'}.${domain.name}`;

export interface PoolSignInProps {
  readonly pool: cognito.UserPool;
  readonly audience: Audience;
  readonly identity: IdentityConfig;
  /** @default - no domain of the platform's: the login is at Cognito's own domain */
  readonly domain?: DomainConfig;
  /** The Cognito domain of the login when it has no custom domain: `<prefix>.auth.<region>.amazoncognito.com`. */
  readonly domainPrefix: string;
  /** @default Duration.days(30) */
  readonly refreshTokenValidity?: Duration;
}

/**
 * How people sign in to one user pool with OpenID Connect: managed login (its newer pages) at
 * `login.<domain>` or `staff-login.<domain>` (else at a Cognito domain), the identity provider
 * behind the pool (the identity card's for citizens, the government directory for staff), and
 * one app client for each relying party of this audience: authorization code flow with PKCE,
 * no password flows, and no scope that lets a token change the person's own attributes.
 */
export class PoolSignIn extends Construct {
  public readonly domain: cognito.UserPoolDomain;
  /** The base URL of the managed login. */
  public readonly loginUrl: string;
  public readonly clients: Readonly<Record<string, cognito.UserPoolClient>>;
  private readonly provider?: cognito.IUserPoolIdentityProvider;

  constructor(scope: Construct, id: string, props: PoolSignInProps) {
    super(scope, id);
    this.provider = this.identityProvider(props);
    this.domain = this.loginDomain(props);
    this.loginUrl = this.domain.baseUrl();
    const parties = props.identity.relyingParties.filter((party) => party.audience === props.audience);
    this.clients = Object.fromEntries(parties.map((party) => [party.name, this.relyingPartyClient(props, party)]));
  }

  private identityProvider(props: PoolSignInProps): cognito.IUserPoolIdentityProvider | undefined {
    const { identity } = props;
    if (props.audience === 'citizen') {
      const card = identity.identityCard;
      return card
        ? this.openIdProvider(props.pool, 'IdentityCardProvider', IDENTITY_PROVIDER_NAMES.identityCard, card, {
            [CLAIMS.cardAcr]: cognito.ProviderAttribute.other('acr'),
          })
        : undefined;
    }
    const directory = identity.staffDirectory;
    if (!directory) return undefined;
    const staffAttributes = {
      [CLAIMS.department]: cognito.ProviderAttribute.other('department'),
      [CLAIMS.roles]: cognito.ProviderAttribute.other('roles'),
    };
    if (directory.kind === 'oidc') {
      return this.openIdProvider(props.pool, 'DirectoryProvider', IDENTITY_PROVIDER_NAMES.staffDirectory, directory, staffAttributes);
    }
    return new cognito.UserPoolIdentityProviderSaml(this, 'DirectoryProvider', {
      userPool: props.pool,
      name: IDENTITY_PROVIDER_NAMES.staffDirectory,
      metadata: cognito.UserPoolIdentityProviderSamlMetadata.url(directory.metadataUrl),
      attributeMapping: {
        email: cognito.ProviderAttribute.other('http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress'),
        fullname: cognito.ProviderAttribute.other('http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name'),
        custom: staffAttributes,
      },
    });
  }

  /** An OpenID provider behind the pool, with e-mail, name and the given claims mapped to attributes at each sign-in. */
  private openIdProvider(
    pool: cognito.UserPool,
    id: string,
    name: string,
    provider: OpenIdProviderConfig,
    custom: Record<string, cognito.ProviderAttribute>,
  ): cognito.IUserPoolIdentityProvider {
    return new cognito.UserPoolIdentityProviderOidc(this, id, {
      userPool: pool,
      name,
      issuerUrl: provider.issuer,
      clientId: provider.clientId,
      // A dynamic reference: the secret is read when the stack deploys, never written in the template.
      clientSecret: SecretValue.secretsManager(provider.clientSecretArn).unsafeUnwrap(),
      scopes: ['openid', 'email', 'profile'],
      attributeMapping: {
        email: cognito.ProviderAttribute.other('email'),
        fullname: cognito.ProviderAttribute.other('name'),
        custom,
      },
    });
  }

  private loginDomain(props: PoolSignInProps): cognito.UserPoolDomain {
    const { pool, domain, identity } = props;
    const managedLoginVersion = cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN;
    if (!domain || !identity.loginCertificateArn) {
      return pool.addDomain('LoginDomain', { cognitoDomain: { domainPrefix: props.domainPrefix }, managedLoginVersion });
    }
    const host = loginHost(domain, props.audience);
    const loginDomain = pool.addDomain('LoginDomain', {
      customDomain: {
        domainName: host,
        certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', identity.loginCertificateArn),
      },
      managedLoginVersion,
    });
    const zone = hostedZone(this, 'Zone', domain);
    if (zone) {
      new route53.ARecord(this, 'LoginRecord', {
        zone,
        recordName: host,
        target: route53.RecordTarget.fromAlias(new targets.UserPoolDomainTarget(loginDomain)),
      });
    }
    return loginDomain;
  }

  private relyingPartyClient(props: PoolSignInProps, party: RelyingPartyConfig): cognito.UserPoolClient {
    const isCitizen = props.audience === 'citizen';
    const providers = [
      // Staff sign in through the directory when there is one, never with a password of the pool's.
      ...(isCitizen || !this.provider ? [cognito.UserPoolClientIdentityProvider.COGNITO] : []),
      ...(this.provider ? [cognito.UserPoolClientIdentityProvider.custom(this.provider.providerName)] : []),
    ];
    // The provider's claims are written to these attributes at each sign-in, which needs the
    // client to be able to write them; without the admin scope its tokens cannot write any.
    const mapped = !this.provider ? [] : isCitizen ? [CLAIMS.cardAcr] : [CLAIMS.department, CLAIMS.roles];
    const client = props.pool.addClient(`Client${pascalCase(party.name)}`, {
      userPoolClientName: party.name,
      generateSecret: party.confidential,
      authFlows: { user: false },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [
          cognito.OAuthScope.OPENID,
          cognito.OAuthScope.EMAIL,
          cognito.OAuthScope.PROFILE,
          ...(isCitizen ? [cognito.OAuthScope.PHONE] : []),
        ],
        callbackUrls: party.callbackUrls,
        logoutUrls: party.logoutUrls.length > 0 ? party.logoutUrls : undefined,
      },
      supportedIdentityProviders: providers,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: props.refreshTokenValidity ?? Duration.days(30),
      writeAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ email: true, fullname: true })
        .withCustomAttributes(...mapped.map((name) => name.replace('custom:', ''))),
    });
    if (this.provider) client.node.addDependency(this.provider);
    // The newer managed login pages show only for a client with a style.
    new cognito.CfnManagedLoginBranding(this, `Branding${pascalCase(party.name)}`, {
      userPoolId: props.pool.userPoolId,
      clientId: client.userPoolClientId,
      useCognitoProvidedValues: true,
    }).node.addDependency(this.domain);
    return client;
  }
}
