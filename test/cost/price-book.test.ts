import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadPriceBook, PRICE_NAMES, PRICES_DIR, pricedRegions } from '../../lib/cost/price-book';
import { defaultConfig } from '../helpers/platform';

describe('the price files', () => {
  it('price the platform region and the permitted secondary region of the default config', () => {
    const { platform } = defaultConfig();
    expect(pricedRegions()).toEqual(expect.arrayContaining([platform.region, platform.permittedSecondaryRegion]));
  });

  it.each(pricedRegions())('%s prices every name, with its date and source', (region) => {
    const book = loadPriceBook(region);
    expect(book.region).toBe(region);
    expect(book.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const name of PRICE_NAMES) expect(book.price(name).source).toMatch(/^https:\/\/aws\.amazon\.com\//);
  });

  it('agree wherever AWS lists one price for every region', () => {
    const books = pricedRegions().map((r) => loadPriceBook(r));
    for (const name of PRICE_NAMES) {
      if (books[0].price(name).regional) continue;
      expect(new Set(books.map((b) => b.usd(name))).size).toBe(1);
    }
  });
});

describe('a price file that is wrong', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prices-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (region: string, edit: (doc: any) => void) => {
    const doc = JSON.parse(fs.readFileSync(path.join(PRICES_DIR, 'ap-east-1.json'), 'utf8'));
    doc.region = region;
    edit(doc);
    fs.writeFileSync(path.join(dir, `${region}.json`), JSON.stringify(doc));
  };

  it('is refused when it lacks a price, naming it', () => {
    write('xx-test-1', (doc) => delete doc.prices.kmsKeyMonth);
    expect(() => loadPriceBook('xx-test-1', dir)).toThrow(/missing kmsKeyMonth/);
  });

  it('is refused when a price is negative', () => {
    write('xx-test-2', (doc) => {
      doc.prices.kmsKeyMonth.usd = -1;
    });
    expect(() => loadPriceBook('xx-test-2', dir)).toThrow(/kmsKeyMonth/);
  });

  it('is asked for by region when there is none', () => {
    expect(() => loadPriceBook('xx-none-9', dir)).toThrow(/No prices for xx-none-9/);
  });
});
