import * as fc from 'fast-check';
import {
  addMonths,
  BREAK_GLASS_HOURS,
  breakGlassConsent,
  type ConsentRecord,
  consentRecordOf,
  consentWriteRefusal,
  decideAccess,
  inForce,
  isRelationship,
} from '../../../../lambda/ehr/domain/consent';

const PROVIDERS = ['qmh', 'harbour-clinic', 'pwh'];
const PRACTITIONERS = ['dr-chan', 'dr-wong'];
const DAY = 86_400_000;
const T0 = Date.parse('2026-01-01T00:00:00Z');

/** A consent record over one year of days, possibly revoked, possibly for a fixed term. */
const consentArb: fc.Arbitrary<ConsentRecord> = fc
  .record({
    kind: fc.constantFrom('joining', 'sharing', 'break-glass' as const),
    active: fc.boolean(),
    provider: fc.constantFrom(...PROVIDERS),
    practitioner: fc.constantFrom(...PRACTITIONERS),
    startDay: fc.integer({ min: 0, max: 365 }),
    days: fc.option(fc.integer({ min: 1, max: 365 }), { nil: undefined }),
  })
  .map(({ kind, active, provider, practitioner, startDay, days }) => ({
    kind,
    active,
    provider: kind === 'joining' ? undefined : provider,
    practitioner: kind === 'break-glass' ? practitioner : undefined,
    start: new Date(T0 + startDay * DAY).toISOString(),
    end: days === undefined ? undefined : new Date(T0 + (startDay + days) * DAY).toISOString(),
  }));

const historyArb = fc.array(consentArb, { maxLength: 12 });
const askingArb = fc.record({ practitioner: fc.constantFrom(...PRACTITIONERS), provider: fc.constantFrom(...PROVIDERS) });
const atArb = fc.integer({ min: 0, max: 800 }).map((d) => new Date(T0 + d * DAY + 3_600_000));
const purposeArb = fc.constantFrom('record' as const, 'read' as const);

describe('consent decisions, over random consent histories', () => {
  it('allow on consent only with a joining and a sharing consent to the provider in force, and a relationship to read', () => {
    fc.assert(
      fc.property(historyArb, askingArb, purposeArb, fc.boolean(), atArb, (history, asking, purpose, relationship, at) => {
        const decision = decideAccess(history, asking, purpose, relationship, at);
        const current = history.filter((c) => inForce(c, at));
        const joined = current.some((c) => c.kind === 'joining');
        const sharing = current.some((c) => c.kind === 'sharing' && c.provider === asking.provider);
        const glass = current.some(
          (c) => c.kind === 'break-glass' && c.provider === asking.provider && c.practitioner === asking.practitioner,
        );
        const byConsent = joined && sharing && (purpose === 'record' || relationship);
        expect(decision.allowed).toBe(byConsent || glass);
        if (decision.allowed) expect(decision.basis).toBe(byConsent ? 'sharing-consent' : 'break-glass');
      }),
    );
  });

  it('refuse at once when every sharing consent to the provider is revoked, unless the practitioner broke the glass', () => {
    fc.assert(
      fc.property(historyArb, askingArb, purposeArb, fc.boolean(), atArb, (history, asking, purpose, relationship, at) => {
        const revoked = history.map((c) => (c.kind === 'sharing' && c.provider === asking.provider ? { ...c, active: false } : c));
        const decision = decideAccess(revoked, asking, purpose, relationship, at);
        if (decision.allowed) expect(decision.basis).toBe('break-glass');
      }),
    );
  });

  it('are not changed by consents given to other providers', () => {
    fc.assert(
      fc.property(
        historyArb,
        historyArb,
        askingArb,
        purposeArb,
        fc.boolean(),
        atArb,
        (history, others, asking, purpose, relationship, at) => {
          const elsewhere = others.filter((c) => c.provider !== undefined && c.provider !== asking.provider);
          expect(decideAccess([...history, ...elsewhere], asking, purpose, relationship, at)).toEqual(
            decideAccess(history, asking, purpose, relationship, at),
          );
        },
      ),
    );
  });

  it('never let a break-glass grant serve another practitioner, and let it lapse after its hours', () => {
    fc.assert(
      fc.property(askingArb, fc.integer({ min: 0, max: 10 * 3600 }), (asking, seconds) => {
        const start = new Date(T0);
        const grant = consentRecordOf(breakGlassConsent('Patient/p1', asking, 'unconscious in A&E', start)) as ConsentRecord;
        const at = new Date(T0 + seconds * 1000);
        const other = { ...asking, practitioner: asking.practitioner === 'dr-chan' ? 'dr-wong' : 'dr-chan' };
        expect(decideAccess([grant], other, 'read', false, at).allowed).toBe(false);
        expect(decideAccess([grant], asking, 'read', false, at).allowed).toBe(seconds < BREAK_GLASS_HOURS * 3600);
      }),
    );
  });

  it('say why a refusal is one: not joined, no sharing consent, or no relationship', () => {
    const joining: ConsentRecord = { kind: 'joining', active: true, start: '2026-01-01T00:00:00Z' };
    const sharing: ConsentRecord = { kind: 'sharing', active: true, provider: 'qmh', start: '2026-01-01T00:00:00Z' };
    const asking = { practitioner: 'dr-chan', provider: 'qmh' };
    const at = new Date('2026-06-01T00:00:00Z');
    expect(decideAccess([sharing], asking, 'read', true, at)).toEqual({ allowed: false, reason: 'not-joined' });
    expect(decideAccess([joining], asking, 'read', true, at)).toEqual({ allowed: false, reason: 'no-sharing-consent' });
    expect(decideAccess([joining, sharing], asking, 'read', false, at)).toEqual({ allowed: false, reason: 'no-relationship' });
    expect(decideAccess([joining, sharing], asking, 'record', false, at)).toEqual({ allowed: true, basis: 'sharing-consent' });
  });
});

describe('writing a consent', () => {
  const sharing = (start: string, end?: string, active = true): ConsentRecord => ({ kind: 'sharing', active, provider: 'qmh', start, end });
  const patient = { kind: 'patient' as const, patient: 'Patient/p1' };

  it('allows a sharing consent indefinite or for at most 12 months', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 1, max: 800 }), (startDay, days) => {
        const start = new Date(T0 + startDay * DAY).toISOString();
        const end = new Date(T0 + (startDay + days) * DAY).toISOString();
        const refusal = consentWriteRefusal(sharing(start, end), 'Patient/p1', undefined, patient);
        expect(refusal === 'term-too-long').toBe(Date.parse(end) > addMonths(start, 12).getTime());
        expect(consentWriteRefusal(sharing(start), 'Patient/p1', undefined, patient)).toBeUndefined();
      }),
    );
  });

  it('lets a patient revoke, never reactivate, and record only their own', () => {
    const given = sharing('2026-01-01T00:00:00Z');
    const revoked = sharing('2026-01-01T00:00:00Z', undefined, false);
    expect(consentWriteRefusal(revoked, 'Patient/p1', given, patient)).toBeUndefined();
    expect(consentWriteRefusal(given, 'Patient/p1', revoked, patient)).toBe('revoked-stays-revoked');
    expect(consentWriteRefusal(given, 'Patient/p2', undefined, patient)).toBe('other-patient');
  });

  it('lets a provider record only its own sharing consent, and nobody write a break-glass grant', () => {
    const provider = { kind: 'provider' as const, provider: 'harbour-clinic' };
    expect(consentWriteRefusal(sharing('2026-01-01T00:00:00Z'), 'Patient/p1', undefined, provider)).toBe('other-provider');
    const glass = consentRecordOf(breakGlassConsent('Patient/p1', { practitioner: 'dr-chan', provider: 'qmh' }, 'emergency', new Date(T0)));
    expect(consentWriteRefusal(glass, 'Patient/p1', undefined, provider)).toBe('break-glass-by-operation');
    expect(consentWriteRefusal(undefined, 'Patient/p1', undefined, provider)).toBe('not-a-consent-kind');
  });

  it('ends a 12-month term on the same calendar day, or the month end', () => {
    expect(addMonths('2026-03-15T08:00:00Z', 12).toISOString()).toBe('2027-03-15T08:00:00.000Z');
    expect(addMonths('2027-02-28T00:00:00Z', 12).toISOString()).toBe('2028-02-28T00:00:00.000Z');
    expect(addMonths('2028-02-29T00:00:00Z', 12).toISOString()).toBe('2029-02-28T00:00:00.000Z');
  });
});

describe('a relationship with the patient', () => {
  const encounter = (provider: string, practitioner: string) => ({
    serviceProvider: { reference: `Organization/${provider}` },
    participant: [{ individual: { reference: `Practitioner/${practitioner}` } }],
  });

  it('is an encounter at the provider in which the practitioner took part', () => {
    const asking = { practitioner: 'dr-chan', provider: 'qmh' };
    expect(isRelationship(encounter('qmh', 'dr-chan'), asking)).toBe(true);
    expect(isRelationship(encounter('qmh', 'dr-wong'), asking)).toBe(false);
    expect(isRelationship(encounter('harbour-clinic', 'dr-chan'), asking)).toBe(false);
    expect(isRelationship({}, asking)).toBe(false);
  });
});
