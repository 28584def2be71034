export { en, type TextKey } from './en.ts';
export type { Params, ParamsOf, ParamsThen, Placeholders, TextParams, VariantKey } from './params.ts';
export { fr } from './fr.ts';
export { lt } from './lt.ts';
export {
  actionLabelKey,
  CATALOGS,
  formatInstant,
  isTextKey,
  placeholdersOf,
  type RenderOptions,
  renderText,
} from './render.ts';
export { plural, vocative } from './grammar.ts';
export { formatDecimal, formatDuration, formatPercent } from './numbers.ts';
