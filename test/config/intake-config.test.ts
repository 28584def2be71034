// The `intake` section of the config file: per audience, a cooldown and a cap on open cases.
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../src/config/load-config.ts';
import { DEFAULT_INTAKE_LIMITS } from '../../src/core/model.ts';
import { exampleWithout, problems } from '../support/config-text.ts';

const withoutIntake = exampleWithout(/\n# How many new cases/);
const withIntake = (section: string) => `${withoutIntake}\nintake:\n${section}\n`;

describe('intake in the config file', () => {
  it('defaults when left out, and the example spells the defaults out', () => {
    expect(withoutIntake).not.toContain('\nintake:');
    expect(parseConfig(withoutIntake, 'support.yaml').desk.intake).toEqual(DEFAULT_INTAKE_LIMITS);
    expect(loadConfig('config/support.example.yaml').desk.intake).toEqual(DEFAULT_INTAKE_LIMITS);
  });

  it('reads durations, a whole-number cap, "unlimited" and "0"', () => {
    const config = parseConfig(
      withIntake(
        '  internal:\n    cooldown: 1h\n  community:\n    cooldown: "0"\n    maxOpenCases: unlimited',
      ),
      'support.yaml',
    );
    expect(config.desk.intake).toEqual({
      internal: { cooldownMinutes: 60, maxOpenCases: DEFAULT_INTAKE_LIMITS.internal.maxOpenCases },
      community: { cooldownMinutes: 0, maxOpenCases: null },
    });
  });

  it('names what is wrong', () => {
    const issues = problems(
      withIntake('  community:\n    cooldown: soon\n    maxOpenCases: 0\n  partners: {}'),
    );
    expect(issues.join('\n')).toMatch(/intake\.community\.cooldown.*soon/);
    expect(issues.join('\n')).toMatch(/intake\.community\.maxOpenCases.*at least 1/);
    expect(issues.join('\n')).toMatch(/partners/);
  });
});
