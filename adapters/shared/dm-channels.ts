// A person's direct conversation with the bot is opened once and remembered: the platforms give
// the same channel every time, so asking again only costs a call (and a rate-limit token).

/** `open` asks the platform for the channel; a failed open is asked again next time. */
export function dmChannels(open: (userId: string) => Promise<string>): (userId: string) => Promise<string> {
  const known = new Map<string, Promise<string>>();
  return (userId) => {
    const cached = known.get(userId);
    if (cached) return cached;
    // Kept while it is being opened too, so two sends at once open it once.
    const opening = open(userId);
    known.set(userId, opening);
    opening.catch(() => {
      if (known.get(userId) === opening) known.delete(userId);
    });
    return opening;
  };
}
