// The playground adapter's entry (see app.ts).
export {
  type Advance,
  createPlaygroundAdapter,
  type PlaygroundAdapter,
  type PlaygroundControls,
} from './app.ts';
export { PLAY_CUSTOMERS, type PlayCustomer } from './people.ts';
export { PLAYGROUND_LABELS, type PlaygroundLabelKey } from './labels.ts';
