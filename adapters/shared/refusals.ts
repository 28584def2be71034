// A refused command explained kindly, in the reader's language and zone: the core's own text for a
// CoreError (its values escaped like any notice's), "try again" for a conflict that outlived the
// desk's retries, and a generic apology for anything else.
import { isCoreError, renderText } from '../../src/core/index.ts';
import { type Escape, shownParams } from './params.ts';
import type { Reader } from './reader.ts';

export function refusalText(error: unknown, reader: Reader, escape: Escape): string {
  if (!isCoreError(error)) return renderText('error.unexpected', reader);
  if (error.code === 'conflict') return renderText('error.conflict', reader);
  try {
    return renderText(error.textKey, { ...reader, params: shownParams(error.params, escape) });
  } catch {
    // A text whose params the error did not carry: the generic apology rather than nothing.
    return renderText('error.unexpected', reader);
  }
}
