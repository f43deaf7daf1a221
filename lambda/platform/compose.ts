import { builtOnce } from '../shared/once';
import type { PlatformPorts } from './ports';
import { readCatalogue } from './store/catalogue-file';

/** The catalogue, read once per process. */
export const platformPorts = /* @__PURE__ */ builtOnce(async (): Promise<PlatformPorts> => ({ catalogue: readCatalogue() }));
