import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { InteractionDetails } from 'oidc-provider';
import { type DemoAccount, sameSecret } from './accounts';
import { type AssuranceLevel, meets, methodsFor, rank, requiredLevel } from './assurance';
import { escapeHtml, page } from './html';

/** Login reasons that ask for the full sign-in again rather than a step-up of the session. */
const REAUTHENTICATE = new Set(['no_session', 'max_age', 'login_prompt', 'id_token_hint', 'claims_id_token_sub_value']);

function send(res: ServerResponse, status: number, html: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
  res.end(html);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 16_384) throw new Error('form too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** The interaction pages (sign-in, step-up, consent) of local mode's OpenID provider. */
export class Interactions {
  constructor(
    private readonly provider: Provider,
    private readonly accounts: readonly DemoAccount[],
    private readonly basePath: string,
  ) {}

  /** Handles `<basePath>/interaction/<uid>[/<action>]`; `path` is the part after the base path. */
  async handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const [, , uid, action] = path.split('/');
    let details: InteractionDetails;
    try {
      details = await this.provider.interactionDetails(req, res);
    } catch {
      send(
        res,
        400,
        page('Sign-in expired', '<p>This sign-in has expired or was already completed. Return to the service and start again.</p>'),
      );
      return;
    }
    if (details.uid !== uid) {
      send(res, 400, page('Sign-in expired', '<p>This sign-in does not match your browser session.</p>'));
      return;
    }
    if (req.method === 'GET' && action === undefined) return this.show(res, details);
    if (req.method !== 'POST') {
      send(res, 405, page('Not allowed', '<p>Method not allowed.</p>'));
      return;
    }
    const form = await readForm(req);
    if (action === 'abort') {
      await this.provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'the person cancelled the sign-in' },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    if (action === 'login' && details.prompt.name === 'login') return this.login(req, res, details, form);
    if (action === 'consent' && details.prompt.name === 'consent') return this.consent(req, res, details);
    send(res, 400, page('Sign-in step unknown', '<p>This step of the sign-in is not expected now.</p>'));
  }

  private account(subject: string | undefined): DemoAccount | undefined {
    return this.accounts.find((a) => a.subject === subject);
  }

  private isStepUp(details: InteractionDetails): boolean {
    return details.session?.accountId !== undefined && !details.prompt.reasons.some((r) => REAUTHENTICATE.has(r));
  }

  private async unmet(req: IncomingMessage, res: ServerResponse, required: AssuranceLevel): Promise<void> {
    await this.provider.interactionFinished(
      req,
      res,
      { error: 'unmet_authentication_requirements', error_description: `the account's identity was never proven to the ${required} level` },
      { mergeWithLastSubmission: false },
    );
  }

  private async show(res: ServerResponse, details: InteractionDetails, error?: string): Promise<void> {
    const action = `${this.basePath}/interaction/${encodeURIComponent(details.uid)}`;
    const cancel = `<form method="post" action="${escapeHtml(`${action}/abort`)}"><button type="submit">Cancel</button></form>`;
    const problem = error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : '';
    if (details.prompt.name === 'consent') {
      const scopes: string[] = details.prompt.details.missingOIDCScope ?? [];
      const list = scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('');
      send(
        res,
        200,
        page(
          'Share your details',
          `<p>The service <strong>${escapeHtml(details.params.client_id)}</strong> asks for:</p><ul>${list}</ul>
<form method="post" action="${escapeHtml(`${action}/consent`)}"><button type="submit">Allow</button></form>${cancel}`,
        ),
      );
      return;
    }
    const required = requiredLevel(details.params.acr_values);
    const stepUp = this.isStepUp(details);
    const fields: string[] = [];
    if (stepUp) {
      const account = this.account(details.session?.accountId);
      if (!account) return void send(res, 400, page('Sign-in failed', '<p>Unknown account.</p>'));
      fields.push(
        `<p>Signed in as <strong>${escapeHtml(account.name)}</strong>. This service needs the ${escapeHtml(required)} level.</p>`,
      );
    } else {
      const hint = typeof details.params.login_hint === 'string' ? details.params.login_hint : '';
      fields.push(
        `<label for="username">User name</label><input type="text" id="username" name="username" autocomplete="username" value="${escapeHtml(hint)}" required>`,
        '<label for="password">Password</label><input type="password" id="password" name="password" autocomplete="current-password" required>',
      );
    }
    if (rank(required) >= rank('verified')) {
      fields.push(
        '<label for="card_pin">Smart identity card PIN</label><input type="password" id="card_pin" name="card_pin" inputmode="numeric" required>',
      );
    }
    if (required === 'verified-plus') {
      fields.push(
        '<label><input type="checkbox" name="signing_certificate" value="confirm" required> Confirm with the card\'s signing certificate</label>',
      );
    }
    send(
      res,
      error ? 401 : 200,
      page(
        stepUp ? 'Confirm your identity' : 'Sign in',
        `${problem}<form method="post" action="${escapeHtml(`${action}/login`)}">${fields.join('\n')}<button type="submit">Continue</button></form>${cancel}`,
      ),
    );
  }

  private async login(req: IncomingMessage, res: ServerResponse, details: InteractionDetails, form: URLSearchParams): Promise<void> {
    const required = requiredLevel(details.params.acr_values);
    let account: DemoAccount | undefined;
    if (this.isStepUp(details)) {
      account = this.account(details.session?.accountId);
    } else {
      account = this.accounts.find((a) => a.username === form.get('username'));
      if (!account || !sameSecret(form.get('password'), account.password)) return this.show(res, details, 'Wrong user name or password.');
    }
    if (!account) return this.show(res, details, 'Unknown account.');
    if (!meets(account.provenLevel, required)) return this.unmet(req, res, required);
    if (rank(required) >= rank('verified') && !sameSecret(form.get('card_pin'), account.cardPin)) {
      return this.show(res, details, 'Wrong card PIN.');
    }
    if (required === 'verified-plus' && form.get('signing_certificate') !== 'confirm') {
      return this.show(res, details, 'Confirm with the signing certificate to continue.');
    }
    await this.provider.interactionFinished(
      req,
      res,
      { login: { accountId: account.subject, acr: required, amr: methodsFor(required), remember: true } },
      { mergeWithLastSubmission: false },
    );
  }

  private async consent(req: IncomingMessage, res: ServerResponse, details: InteractionDetails): Promise<void> {
    const accountId = details.session?.accountId;
    const clientId = String(details.params.client_id);
    if (!accountId) return void send(res, 400, page('Sign-in failed', '<p>No one is signed in.</p>'));
    const grant =
      (details.grantId && (await this.provider.Grant.find(details.grantId))) || new this.provider.Grant({ accountId, clientId });
    const missingScope: string[] = details.prompt.details.missingOIDCScope ?? [];
    const missingClaims: string[] = details.prompt.details.missingOIDCClaims ?? [];
    if (missingScope.length) grant.addOIDCScope(missingScope.join(' '));
    if (missingClaims.length) grant.addOIDCClaims(missingClaims);
    const grantId = await grant.save();
    await this.provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }
}
