// hono's html template: every interpolated value is escaped, so a person's words can never become
// markup. `Html` is what a render function returns.
import type { html } from 'hono/html';

export type Html = ReturnType<typeof html>;
