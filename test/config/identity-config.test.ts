import type { ConfigIssue } from '../../lib/config/issues';
import { defaultConfigIssues } from '../helpers/config';

function issuesWith(identity: unknown, prefix?: string): ConfigIssue[] {
  return defaultConfigIssues((raw) => {
    raw.identity = identity;
    if (prefix) raw.platform.prefix = prefix;
  });
}

const party = (name: string, callbackUrls = ['https://portal.example.gov.hk/cb']) => ({ name, audience: 'citizen', callbackUrls });

describe('the identity block of the config', () => {
  it('accepts relying parties with https callbacks, and http only on localhost', () => {
    expect(issuesWith({ relyingParties: [party('govhk-portal'), party('dev-portal', ['http://localhost:5173/cb'])] })).toEqual([]);
  });

  it('refuses a plain-http callback, a fragment and an unknown audience, each at its path', () => {
    const issues = issuesWith({
      relyingParties: [
        party('one', ['http://portal.example.gov.hk/cb']),
        party('two', ['https://portal.example.gov.hk/cb#x']),
        { ...party('three'), audience: 'robots' },
      ],
    });
    expect(issues.map((i) => i.path)).toEqual([
      'identity.relyingParties[0].callbackUrls[0]',
      'identity.relyingParties[1].callbackUrls[0]',
      'identity.relyingParties[2].audience',
    ]);
  });

  it('refuses a duplicate relying party, a login certificate without a domain and a Cognito-reserved prefix, all at once', () => {
    const issues = issuesWith(
      {
        loginCertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/0b5c6a2e-8f1d-4c3b-9a7e-2d4f6b8c1e3a',
        relyingParties: [party('govhk-portal'), party('govhk-portal')],
      },
      'awsgcp',
    );
    expect(issues.map((i) => i.path).sort()).toEqual([
      'identity.loginCertificateArn',
      'identity.relyingParties[1].name',
      'platform.prefix',
    ]);
  });

  it('wants the login certificate in us-east-1, and the card provider’s secret as a Secrets Manager ARN', () => {
    const issues = issuesWith({
      loginCertificateArn: 'arn:aws:acm:ap-east-1:111122223333:certificate/0b5c6a2e-8f1d-4c3b-9a7e-2d4f6b8c1e3a',
      identityCard: { issuer: 'https://card.example.gov.hk', clientId: 'egov', clientSecretArn: 'my-secret' },
    });
    expect(issues.map((i) => i.path).sort()).toEqual(['identity.identityCard.clientSecretArn', 'identity.loginCertificateArn']);
    expect(issues.find((i) => i.path === 'identity.loginCertificateArn')?.fix).toMatch(/us-east-1/);
  });
});
