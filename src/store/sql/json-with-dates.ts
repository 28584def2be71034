// JSON text for the nested parts of a row. Dates anywhere inside are written as {"$date": ISO}
// and revived on read, so a case comes back with the exact Date values it was written with.

const DATE_TAG = '$date';

export function encodeJson(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, encoded: unknown) {
    // `encoded` is already the result of Date#toJSON; the original value is still on `this`.
    const original = this[key];
    return original instanceof Date ? { [DATE_TAG]: original.toISOString() } : encoded;
  });
}

export function decodeJson<T>(text: string): T {
  return JSON.parse(text, (_key, value: unknown) =>
    isDateTag(value) ? new Date(value[DATE_TAG]) : value,
  ) as T;
}

function isDateTag(value: unknown): value is { [DATE_TAG]: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return (
    keys.length === 1 &&
    keys[0] === DATE_TAG &&
    typeof (value as Record<string, unknown>)[DATE_TAG] === 'string'
  );
}
