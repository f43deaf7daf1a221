import { FIGURES_DICTIONARY } from '../domain/dictionary';

/** GET /usage/v1/dictionary: the columns of the published figures. */
export const figuresDictionary = () => ({ fields: FIGURES_DICTIONARY });
