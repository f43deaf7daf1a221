import { matchPath } from '../../../lambda/shared/route';

describe('matchPath', () => {
  it('extracts and decodes parameters', () => {
    expect(matchPath('/open-data/api/3/action/{name}', '/open-data/api/3/action/package_show')).toEqual({ name: 'package_show' });
    expect(matchPath('/cert/incidents/{id}', '/cert/incidents/a%20b')).toEqual({ id: 'a b' });
    expect(matchPath('/cert/incidents/{id}', '/cert/incidents/a/b')).toBeUndefined();
    expect(matchPath('/cert/incidents', '/cert/incidentsX')).toBeUndefined();
    expect(matchPath('/cert/incidents/{id}', '/cert/incidents/%E0%A4%A')).toBeUndefined();
  });

  it('treats regex characters in templates literally', () => {
    expect(matchPath('/open-data/catalog.jsonld', '/open-data/catalogXjsonld')).toBeUndefined();
    expect(matchPath('/open-data/catalog.jsonld', '/open-data/catalog.jsonld')).toEqual({});
  });
});
