// What a chat platform adapter (adapters/slack, adapters/discord) provides to the app, and what
// the app gives it. Adapters translate only: inbound events become desk commands, and notices
// from the outbox become platform messages through the sink each adapter registers.
import type { AppConfig } from '../config/load-config.ts';
import type { Desk } from '../core/desk.ts';
import type { Case, ClaimedNotice } from '../core/model.ts';
import type {
  AnswerBank,
  Clock,
  DeliveryResult,
  InboundLog,
  ReferenceStore,
  ReportReads,
} from '../core/ports.ts';
import type { Logger } from '../log.ts';
import type { TeamDigest } from './team-report.ts';

// Adapters import the app's config and logger types from here, never from src/config or src/log.
export type { AppConfig, Logger };
/** When customers are offered past answers, for a config that leaves `answerBank` out. */
export { ANSWER_BANK_DEFAULTS } from '../config/schema.ts';

/** The chat platforms an adapter of src/main.ts connects to. */
export type ChatPlatform = 'slack' | 'discord';

/**
 * Where a case lives (its conversation id's prefix): a chat platform, or the playground's panes in a
 * browser (`npm run playground`, adapters/playground), which register a sink like any platform.
 */
export type Platform = ChatPlatform | 'playground';

/** Delivers one notice of a case that lives on this platform (see sink-routes.ts). */
export interface PlatformSink {
  deliver(notice: ClaimedNotice, c: Case): Promise<DeliveryResult>;
}

/** Where an adapter plugs its sink in: the outbox routes each notice by its case's platform. */
export interface SinkRegistry {
  /** From now on, notices of cases whose conversation is `<platform>:…` go to `sink`. */
  register(platform: Platform, sink: PlatformSink): void;
}

/**
 * `RefName`: the adapter's own names for the references it keeps per case (a union of literals
 * and templates), so a mistyped name does not compile.
 */
export interface AdapterContext<RefName extends string = string> {
  desk: Desk;
  /** The adapter registers its sink here when it is created. */
  sinks: SinkRegistry;
  /**
   * Platform events already taken (retries are dropped), the references kept per case, and the
   * reports' reads (a team's week, see team-report.ts), and the answer bank (suggestions for a new
   * case, adapters/shared/answer-suggestions.ts).
   */
  store: { inbound: InboundLog; refs: ReferenceStore<RefName>; reports: ReportReads; answers: AnswerBank };
  config: AppConfig;
  clock: Clock;
  logger: Logger;
  /** The web console's one-time sign-in links (src/console); absent when the console is off. */
  consoleLinks?: ConsoleLinks;
}

export interface ConsoleLinks {
  /** A link that signs `personId` in once, within 15 minutes; null when the console is off. */
  issue(personId: string): Promise<string | null>;
}

export interface PlatformAdapter {
  readonly platform: ChatPlatform;
  /** Connects (HTTP server, Socket Mode, gateway) and starts taking events. */
  start(): Promise<void>;
  /** Stops taking events and closes connections; safe to call twice. */
  stop(): Promise<void>;
  /**
   * Whether the platform connection is up now (Socket Mode or gateway connected, HTTP server
   * listening): the ops server's readiness asks each adapter. Absent: ready once started.
   */
  isReady?(): boolean;
  /**
   * Sends a team's weekly digest to a directory person in a direct message, in their language
   * (src/jobs/weekly-digest.ts). False when the person has no id on this platform.
   */
  sendDigest?(personId: string, digest: TeamDigest): Promise<boolean>;
}

/** The platform a conversation id belongs to: its prefix (`slack:T1:C2:1700.1` → slack). */
export function platformOf(conversation: string): string {
  return conversation.slice(0, Math.max(0, conversation.indexOf(':')));
}
