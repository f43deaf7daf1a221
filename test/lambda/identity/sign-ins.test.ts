import { reportSignIn } from '../../../lambda/identity/app/sign-in-tokens';
import { recordSignIns } from '../../../lambda/identity/app/sign-ins';
import type { People, SignInMessage, SignInReports } from '../../../lambda/identity/ports';

const signIn: SignInMessage = {
  subject: 'c0ffee00-0000-4000-8000-000000000001',
  clientId: '4p0rta1c1ient1d',
  at: '2026-12-02T08:00:00.000Z',
};

describe('reporting a sign-in from the pool trigger', () => {
  const reports = () => {
    const sent: SignInMessage[] = [];
    const port: SignInReports = { report: async (m) => void sent.push(m) };
    return { sent, port };
  };

  it('reports a sign-in to a relying party', async () => {
    for (const source of ['TokenGeneration_HostedAuth', 'TokenGeneration_Authentication']) {
      const { sent, port } = reports();
      await reportSignIn(port, source, signIn);
      expect(sent).toEqual([signIn]);
    }
  });

  it('does not report a refresh, which is no new sign-in', async () => {
    const { sent, port } = reports();
    await reportSignIn(port, 'TokenGeneration_RefreshTokens', signIn);
    expect(sent).toEqual([]);
  });

  it('lets a failed report fail the sign-in rather than leave it unrecorded', async () => {
    const failing: SignInReports = { report: async () => Promise.reject(new Error('queue unreachable')) };
    await expect(reportSignIn(failing, 'TokenGeneration_HostedAuth', signIn)).rejects.toThrow('queue unreachable');
  });
});

describe('recording reported sign-ins', () => {
  function people(failFor?: string) {
    const recorded: Array<[string, string, string]> = [];
    const port = {
      recordSignIn: async (subject: string, clientId: string, at: string) => {
        if (subject === failFor) throw new Error('throttled');
        recorded.push([subject, clientId, at]);
      },
    } as unknown as People;
    return { recorded, port };
  }

  it('records each report among the person’s consents', async () => {
    const { recorded, port } = people();
    const result = await recordSignIns(port, [{ id: 'm1', body: JSON.stringify(signIn) }]);
    expect(result).toEqual({ failed: [], refused: [] });
    expect(recorded).toEqual([[signIn.subject, signIn.clientId, signIn.at]]);
  });

  it('drops what is not a sign-in report, and asks again only for those that failed', async () => {
    const { recorded, port } = people('fails');
    const result = await recordSignIns(port, [
      { id: 'good', body: JSON.stringify(signIn) },
      { id: 'not-json', body: '{' },
      { id: 'extra-field', body: JSON.stringify({ ...signIn, admin: true }) },
      { id: 'bad-client', body: JSON.stringify({ ...signIn, clientId: 'a b' }) },
      { id: 'failing', body: JSON.stringify({ ...signIn, subject: 'fails' }) },
    ]);
    expect(result.failed).toEqual(['failing']);
    expect([...result.refused].sort()).toEqual(['bad-client', 'extra-field', 'not-json']);
    expect(recorded).toHaveLength(1);
  });
});
