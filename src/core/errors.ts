// Errors the core returns to callers. Each carries a code and a text key (with params) so the
// adapter can answer the person kindly in their own language.
import type { TextKey } from './texts/en.ts';
import type { ParamsOf, ParamsThen } from './texts/params.ts';

export type CoreErrorCode =
  /** The case (or approval) does not exist. */
  | 'not_found'
  /** The actor's role does not allow this command on this case. */
  | 'forbidden'
  /** The command does not apply to the case as it is now (e.g. approving a decided approval). */
  | 'invalid_state'
  /** The input is malformed or outside policy (e.g. an empty apology, a window too long). */
  | 'invalid_input'
  /** Someone else changed the case at the same moment; retried by the desk, surfaced if it persists. */
  | 'conflict'
  /** A sweep's lease on a timer was taken over; the sweep wrote nothing. */
  | 'lease_lost'
  /**
   * The platform delivered this request before (a retry of an event already taken, see
   * CreateOptions.inbound): nothing was written. Adapters drop it quietly; no one is told.
   */
  | 'duplicate';

/** A CoreError names its text and gives the params the text shows (a wrong key does not compile). */
export class CoreError<K extends TextKey = TextKey> extends Error {
  readonly code: CoreErrorCode;
  /** Text catalog key for the person who acted. */
  readonly textKey: K;
  readonly params: ParamsOf<K>;

  constructor(code: CoreErrorCode, textKey: K, ...[params, detail]: ParamsThen<K, never, string>) {
    super(detail ?? `${code}: ${textKey}`);
    this.name = 'CoreError';
    this.code = code;
    this.textKey = textKey;
    this.params = params ?? ({} as ParamsOf<K>);
  }
}

export const isCoreError = (e: unknown, code?: CoreErrorCode): e is CoreError =>
  e instanceof CoreError && (code === undefined || e.code === code);

/** The error a store gives when a request's platform event was taken before (see 'duplicate'). */
export const alreadySeen = (key: string): CoreError =>
  new CoreError('duplicate', 'error.unexpected', {}, `duplicate: ${key} was handled before`);
