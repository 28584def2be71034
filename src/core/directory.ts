// Lookups in the directory and the policy table by ids that may come from outside (a topic typed
// in a form, a button's value). Only the directory's own entries count: "__proto__", "toString"
// or "constructor" are simply unknown, never an inherited property.
import {
  AUDIENCES,
  type Audience,
  type DeskConfig,
  PRIORITIES,
  type Person,
  type Priority,
  type Team,
  type Topic,
} from './model.ts';

export const own = <T>(record: Readonly<Record<string, T>>, key: unknown): T | undefined =>
  typeof key === 'string' && Object.hasOwn(record, key) ? record[key] : undefined;

export const topicOf = (config: DeskConfig, id: unknown): Topic | undefined =>
  own(config.directory.topics, id);
export const personOf = (config: DeskConfig, id: unknown): Person | undefined =>
  own(config.directory.people, id);
export const teamOf = (config: DeskConfig, id: unknown): Team | undefined => own(config.directory.teams, id);

export const isAudience = (v: unknown): v is Audience => AUDIENCES.includes(v as Audience);
export const isPriority = (v: unknown): v is Priority => PRIORITIES.includes(v as Priority);

/** Everyone who answers for a topic: its experts, then its backups. */
export const expertsOf = (topic: Topic | undefined): string[] =>
  topic ? [...topic.experts, ...topic.backups.filter((b) => !topic.experts.includes(b))] : [];
