// Sending a text that the platform takes in several messages, resumably: each part is posted in
// order, and once a text has more than one part each part sent is remembered, so a retry of the
// same notice after a failure half-way posts only what did not go out.

/** Where a split send remembers its parts: the message id each part became. */
export interface PartsProgress {
  sent(index: number): Promise<string | null>;
  record(index: number, messageId: string): Promise<void>;
}

/**
 * Posts `parts` in order through `post` (told whether the part is the last, which carries the
 * buttons) and returns the last message's id.
 */
export async function sendInParts(
  parts: readonly string[],
  progress: PartsProgress,
  post: (part: string, index: number, last: boolean) => Promise<string>,
): Promise<string> {
  // One part needs no bookkeeping: the outbox resends the notice whole, and it is one message.
  const track = parts.length > 1;
  let lastId = '';
  for (const [index, part] of parts.entries()) {
    const already = track ? await progress.sent(index) : null;
    if (already !== null) {
      lastId = already;
      continue;
    }
    lastId = await post(part, index, index === parts.length - 1);
    if (track) await progress.record(index, lastId);
  }
  return lastId;
}
