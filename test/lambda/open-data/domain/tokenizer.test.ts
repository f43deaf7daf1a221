import fc from 'fast-check';
import { indexTokens, queryClauses, segments, stem } from '../../../../lambda/open-data/domain/tokenizer';

describe('tokenizer', () => {
  it('lowercases English, drops stop words and stems plurals', () => {
    expect(indexTokens('The Traffic Cameras of Hong Kong')).toEqual(['traffic', 'camera', 'hong', 'kong']);
  });

  it.each([
    ['datasets', 'dataset'],
    ['cities', 'city'],
    ['status', 'status'],
    ['analysis', 'analysis'],
    ['classes', 'class'],
    ['pm25', 'pm25'],
  ])('stems %s as %s', (word, stemmed) => {
    expect(stem(word)).toBe(stemmed);
  });

  it('indexes CJK runs as characters and bigrams', () => {
    expect(indexTokens('交通快拍')).toEqual(['交', '通', '快', '拍', '交通', '通快', '快拍']);
  });

  it('splits mixed scripts into separate runs, folding full-width forms', () => {
    expect(segments('ＡＱＨＩ空氣質素2024')).toEqual([
      { kind: 'word', text: 'aqhi' },
      { kind: 'cjk', text: '空氣質素' },
      { kind: 'word', text: '2024' },
    ]);
  });

  it('makes a query word of two or more CJK characters need all its bigrams, and one character itself', () => {
    expect(queryClauses('交通燈 雨 traffic')).toEqual([['交通', '通燈'], ['雨'], ['traffic']]);
  });

  it('finds a document by any CJK substring of it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...'交通運輸天氣空質素健康地政總署香港'), { minLength: 1, maxLength: 12 }).map((chars) => chars.join('')),
        fc.nat(),
        fc.nat(),
        (text, a, b) => {
          const chars = [...text];
          const start = a % chars.length;
          const end = start + 1 + (b % (chars.length - start));
          const query = chars.slice(start, end).join('');
          const tokens = new Set(indexTokens(text));
          for (const clause of queryClauses(query)) for (const token of clause) expect(tokens.has(token)).toBe(true);
        },
      ),
    );
  });

  it('finds a document by any of its English words, whatever their case', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Za-z]{1,10}$/), { minLength: 1, maxLength: 8 }), fc.nat(), (words, pick) => {
        const tokens = new Set(indexTokens(words.join(' ')));
        for (const clause of queryClauses(words[pick % words.length].toUpperCase()))
          for (const token of clause) expect(tokens.has(token)).toBe(true);
      }),
    );
  });
});
