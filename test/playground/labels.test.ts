// The playground's words: every language has every key (the types say so) with the same
// placeholders as English, and none is left empty.
import { describe, expect, it } from 'vitest';
import { PLAYGROUND_LABELS } from '../../adapters/playground/labels.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('playground labels', () => {
  it.each(['fr', 'lt'] as const)('%s has the English placeholders in every label', (locale) => {
    for (const [key, english] of Object.entries(PLAYGROUND_LABELS.en)) {
      const text = PLAYGROUND_LABELS[locale][key as keyof typeof PLAYGROUND_LABELS.en];
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(text), key).toEqual(placeholders(english));
    }
  });
});
