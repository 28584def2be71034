// The playground adapter's entry (see app.ts).
export {
  type Advance,
  type Cast,
  createPlaygroundAdapter,
  type PlaygroundAdapter,
  type PlaygroundControls,
  type RolePlay,
} from './app.ts';
export type { ChecklistItemView, RolePlayView, ScenarioView } from './render/roleplay.ts';
export { customerByKey, PLAY_CUSTOMERS, type PlayCustomer } from './people.ts';
export { PLAYGROUND_LABELS, type PlaygroundLabelKey } from './labels.ts';
