// Texts longer than a platform allows in one place: cut with an ellipsis (Slack's section, a
// Discord card), or split into pieces (Discord's 2,000-character messages, Slack's "Show full
// text" modal). Both break at a line end or a space when one is near, and never inside one of the
// platform's escapes (`&amp;` in Slack, `\*` in Discord), which would show half an escape or undo it.

export const ELLIPSIS = '…';

/** How far back a cut may move to land on a space instead of inside a word. */
const WORD_SLACK = 200;

/**
 * `end`, or the start of the escape it falls inside. `escapes` matches each of the platform's
 * escape sequences (a global regex); it is read from the start so pairs like `\\` stay in step.
 */
function outsideEscapes(text: string, end: number, escapes: RegExp | undefined): number {
  if (!escapes) return end;
  const re = new RegExp(escapes.source, 'g');
  for (let m = re.exec(text); m !== null && m.index < end; m = re.exec(text)) {
    if (m.index + m[0].length > end) return m.index;
    if (m[0].length === 0) re.lastIndex += 1;
  }
  return end;
}

/** Cuts `text` to at most `max` characters, ellipsis included; `cut` says whether anything was left out. */
export function truncate(text: string, max: number, escapes?: RegExp): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  let end = max - ELLIPSIS.length;
  const space = text.lastIndexOf(' ', end);
  if (space > end - WORD_SLACK && space > 0) end = space;
  end = outsideEscapes(text, end, escapes);
  return { text: `${text.slice(0, end).trimEnd()}${ELLIPSIS}`, cut: true };
}

/**
 * Splits `text` into pieces of at most `max` characters, preferring line ends, then spaces. Nothing
 * is lost: the pieces joined with the break characters they were split at give the text back.
 */
export function splitText(text: string, max: number, escapes?: RegExp): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const newline = rest.lastIndexOf('\n', max);
    const space = rest.lastIndexOf(' ', max);
    const at = newline > max / 2 ? newline : space > max / 2 ? space : max;
    const end = outsideEscapes(rest, at, escapes) || at;
    pieces.push(rest.slice(0, end));
    rest = rest.slice(end).replace(/^[ \n]/, '');
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}
