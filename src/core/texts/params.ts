// The params each text needs, read from the English catalog's own placeholders (en.ts is `as
// const`): `'Hello {name}, case #{number}'` needs `name` and `number`. A notice or an error given a
// key that does not exist, or without a param its text shows, does not compile.
import type { en, TextKey } from './en.ts';

/**
 * The placeholder names of a text: `'Hello {name}, case #{number}'` → `'name' | 'number'`. A
 * counted placeholder, `{position, one: # request, other: # requests}`, is named before its comma.
 */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer R}`
  ? (P extends `${infer N},${string}` ? N : P) | Placeholders<R>
  : never;

/**
 * `V` when text V shows no placeholder that text K lacks, so it can stand in for K with K's
 * params (a render variant, see render.ts); else never.
 */
export type VariantKey<K extends TextKey, V extends TextKey> = [Placeholders<(typeof en)[V]>] extends [
  Placeholders<(typeof en)[K]>,
]
  ? V
  : never;

/** Params as stored and rendered: any names, each a string or a number. */
export type Params = Readonly<Record<string, string | number>>;

/** Exactly the placeholders of text K's English wording, each a string or a number. */
export type TextParams<K extends TextKey> = {
  readonly [P in Placeholders<(typeof en)[K]>]: string | number;
};

/**
 * The params given with text K: every placeholder of its text except those in `Given` (filled in
 * by whoever writes it, e.g. the case number), plus any extra a reader keeps with it. Over a union
 * of keys (a plain `Notice`, a key read back from storage) it is the union of theirs.
 */
export type ParamsOf<K extends TextKey, Given extends string = never> = K extends TextKey
  ? Omit<TextParams<K>, Given> & Params
  : never;

/**
 * What follows a key in a call: its params, optional when the text needs none, then `Rest`
 * (a notice's buttons, an error's detail).
 */
export type ParamsThen<K extends TextKey, Given extends string, Rest> =
  Record<never, never> extends ParamsOf<K, Given>
    ? [params?: ParamsOf<K, Given>, rest?: Rest]
    : [params: ParamsOf<K, Given>, rest?: Rest];
