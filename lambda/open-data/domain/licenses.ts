/** A licence a dataset may carry, as CKAN's licence register describes it. */
export interface License {
  readonly id: string;
  readonly title: string;
  readonly url: string;
  /** Open Definition conformant: CKAN's `isopen`. */
  readonly isOpen: boolean;
}

/** The licences datasets may carry; DATA.GOV.HK publishes under its own terms of use. */
export const LICENSES: readonly License[] = [
  {
    id: 'hk-dgo-terms',
    title: 'DATA.GOV.HK Terms and Conditions of Use',
    url: 'https://data.gov.hk/en/terms-and-conditions',
    isOpen: true,
  },
  { id: 'cc-by-4.0', title: 'Creative Commons Attribution 4.0', url: 'https://creativecommons.org/licenses/by/4.0/', isOpen: true },
  { id: 'cc-zero', title: 'Creative Commons CCZero', url: 'https://creativecommons.org/publicdomain/zero/1.0/', isOpen: true },
  { id: 'odc-by', title: 'Open Data Commons Attribution License', url: 'https://opendatacommons.org/licenses/by/1-0/', isOpen: true },
];

export const DEFAULT_LICENSE_ID = 'hk-dgo-terms';

const BY_ID = new Map(LICENSES.map((license) => [license.id, license]));

export function findLicense(id: string): License | undefined {
  return BY_ID.get(id);
}
