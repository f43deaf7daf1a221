import fc from 'fast-check';
import { emailBodyToHtml } from '../../../lambda/notify/domain/email-html';
import { placeholderNames, renderStrict, renderTemplate } from '../../../lambda/notify/domain/template';
import { HttpError } from '../../../lambda/shared/errors';
import { notifyBody } from './fixtures';

describe('templates and personalisation', () => {
  const email = {
    type: 'email' as const,
    subject: 'Renew your ((licence type))',
    body: 'Dear ((Name)),\n\nYour ((licence_type)) expires on ((expiry-date)).\n((waiver??No fee is due.))',
  };

  it('lists each placeholder once, subject first, matching names whatever their spelling', () => {
    expect(placeholderNames(email)).toEqual(['licence type', 'Name', 'expiry-date', 'waiver']);
  });

  it('fills placeholders whatever the case, spaces, hyphens and underscores of the keys', () => {
    const rendered = renderTemplate(email, { name: 'Chan', LICENCE_TYPE: 'driving', 'expiry date': '1 May 2026', waiver: 'yes' });
    expect(rendered.missing).toEqual([]);
    expect(rendered.subject).toBe('Renew your driving');
    expect(rendered.body).toBe('Dear Chan,\n\nYour driving expires on 1 May 2026.\nNo fee is due.');
  });

  it.each([
    ['yes', 'No fee is due.'],
    ['Show', 'No fee is due.'],
    ['1', 'No fee is due.'],
    ['no', ''],
    ['', ''],
  ])('shows optional content for %p only when the value means yes', (value, shown) => {
    const rendered = renderTemplate({ type: 'sms', body: '((waiver??No fee is due.))' }, { waiver: value });
    expect(rendered.body).toBe(shown);
  });

  it('a missing value is a 400 naming every missing placeholder, in Notify words', () => {
    let error: unknown;
    try {
      renderStrict(email, { name: 'Chan' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(HttpError);
    expect(notifyBody(error as HttpError)).toEqual({
      status_code: 400,
      errors: [{ error: 'BadRequestError', message: 'Missing personalisation: licence type, expiry-date, waiver' }],
    });
  });

  it('treats a null value as missing', () => {
    expect(renderTemplate({ type: 'sms', body: 'Hi ((name))' }, { name: null }).missing).toEqual(['name']);
  });

  it('writes lists as bullets in e-mail and as a sentence in a text message', () => {
    const documents = { docs: ['passport', ' utility bill ', '', 'ID card'] };
    expect(renderTemplate({ type: 'email', subject: 's', body: 'Bring:((docs))' }, documents).body).toBe(
      'Bring:\n\n* passport\n* utility bill\n* ID card\n',
    );
    expect(renderTemplate({ type: 'sms', body: 'Bring ((docs)).' }, documents).body).toBe('Bring passport, utility bill and ID card.');
  });

  it('renders every placeholder once all are supplied (property)', () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/);
    const value = fc.stringMatching(/^[^()]{0,20}$/);
    fc.assert(
      fc.property(
        fc.uniqueArray(name, { minLength: 1, maxLength: 6, selector: (n) => n.replace(/_/g, '') }),
        fc.array(value, { minLength: 6, maxLength: 6 }),
        (names, values) => {
          const body = names.map((n) => `((${n}))`).join(' and ');
          const personalisation = Object.fromEntries(names.map((n, i) => [n, values[i]]));
          const rendered = renderStrict({ type: 'sms', body }, personalisation);
          expect(rendered.body).toBe(values.slice(0, names.length).join(' and '));
        },
      ),
    );
  });

  it('escapes personalisation in the HTML preview, so it cannot inject markup', () => {
    const html = emailBodyToHtml('Hello <script>alert(1)</script>\n\n* one\n* two\n\n[GovHK](https://www.gov.hk)');
    expect(html).toBe(
      '<p>Hello &lt;script&gt;alert(1)&lt;/script&gt;</p>\n<ul><li>one</li><li>two</li></ul>\n<p><a href="https://www.gov.hk">GovHK</a></p>',
    );
  });
});
