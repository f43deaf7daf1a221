import { advisoryFeed, listAdvisories, publishAdvisory } from '../../../../lambda/cert/app/advisories';
import { analyst, context, officerOf, useCertWorld } from '../fixtures/world';

describe('CERT service over embedded DynamoDB', () => {
  const world = useCertWorld();

  describe('advisories and the catalogue', () => {
    const input = {
      level: 'Security Alert' as const,
      title: 'Multiple vulnerabilities in a browser',
      summary: 'Updates fix several flaws.',
      affectedProducts: ['Browser before 130'],
      cves: [],
      references: [],
    };

    it('numbers advisories by month of publication in Hong Kong', async () => {
      const first = await publishAdvisory(world.ports, analyst, { ...input, publishedAt: '2026-05-31T17:00:00.000Z' }, context('a1'));
      const second = await publishAdvisory(world.ports, analyst, { ...input, publishedAt: '2026-06-01T02:00:00.000Z' }, context('a2'));
      const third = await publishAdvisory(world.ports, analyst, { ...input, publishedAt: '2026-05-20T02:00:00.000Z' }, context('a3'));
      expect([first.id, second.id, third.id]).toEqual(['A26-06-01', 'A26-06-02', 'A26-05-01']);
      expect(first.history[0]).toMatchObject({ action: 'publish', actor: { kind: 'analyst' } });
    });

    it('lists advisories newest first to anyone, and renders the Atom feed', async () => {
      const page = await listAdvisories(world.ports, { limit: 2 });
      expect(page.items.map((a) => a.id)).toEqual(['A26-06-02', 'A26-06-01']);
      expect(page.items[0]).not.toHaveProperty('history');
      const rest = await listAdvisories(world.ports, { limit: 2, cursor: page.nextCursor });
      expect(rest.items.map((a) => a.id)).toEqual(['A26-05-01']);
      const atom = await advisoryFeed(
        world.ports,
        { limit: 10 },
        { feedId: 'tag:x,2026:a', title: 'Alerts', pageUrl: () => 'https://x/a', advisoryUrl: (i) => `https://x/a/${i}`, author: 'CERT' },
      );
      expect(atom.match(/<entry>/g)).toHaveLength(3);
    });

    it('pages the Atom feed as RFC 5005 does, with the cursors of the JSON list, and refuses one it did not make', async () => {
      const feed = {
        feedId: 'tag:x,2026:a',
        title: 'Alerts',
        pageUrl: (cursor?: string) => `https://x/a${cursor ? `?cursor=${cursor}` : ''}`,
        advisoryUrl: (i: string) => `https://x/a/${i}`,
        author: 'CERT',
      };
      const newest = await advisoryFeed(world.ports, { limit: 2 }, feed);
      const next = /<link rel="next" type="application\/atom\+xml" href="https:\/\/x\/a\?cursor=([\w-]+)"\/>/.exec(newest)?.[1];
      expect(next).toBe((await listAdvisories(world.ports, { limit: 2 })).nextCursor);
      expect(newest).toContain('<link rel="self" type="application/atom+xml" href="https://x/a"/>');
      const older = await advisoryFeed(world.ports, { limit: 2, cursor: next }, feed);
      expect(older.match(/<id>tag:x,2026:a:(A[\d-]+)<\/id>/g)).toEqual(['<id>tag:x,2026:a:A26-05-01</id>']);
      expect(older).toContain(`href="https://x/a?cursor=${next}"`);
      expect(older).not.toContain('rel="next"');
      await expect(advisoryFeed(world.ports, { limit: 10, cursor: 'not-a-cursor' }, feed)).rejects.toMatchObject({
        status: 400,
        code: 'invalid_input',
      });
    });

    it('lets only analysts publish', async () => {
      await expect(publishAdvisory(world.ports, officerOf('DPO'), input, context('a4'))).rejects.toMatchObject({
        status: 403,
        code: 'forbidden',
      });
    });
  });
});
