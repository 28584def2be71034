// Imported first by the npm scripts that run a TypeScript entry with tsx (`tsx --import
// ./src/load-env.ts …`): loads `.env` when there is one, silently when there is none (Node 20's
// --env-file-if-exists prints ".env not found" on every start).
import { loadDotEnv } from './env.ts';

loadDotEnv();
