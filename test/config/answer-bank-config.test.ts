// The `answerBank` section of the config file: the score from which customers are offered answers.
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../src/config/load-config.ts';
import { ANSWER_BANK_DEFAULTS } from '../../src/config/schema.ts';
import { exampleWithout, problems } from '../support/config-text.ts';

const withoutSection = exampleWithout(/\n# The answer bank: /);
const withSection = (section: string) => `${withoutSection}\nanswerBank:\n${section}\n`;

describe('answerBank in the config file', () => {
  it('defaults when left out (none for internal, 0.6 for the community), and the example spells them out', () => {
    expect(withoutSection).not.toContain('\nanswerBank:');
    expect(parseConfig(withoutSection, 'support.yaml').answerBank).toEqual(ANSWER_BANK_DEFAULTS);
    expect(loadConfig('config/support.example.yaml').answerBank).toEqual(ANSWER_BANK_DEFAULTS);
  });

  it('reads a score per audience and "off"', () => {
    const config = parseConfig(
      withSection('  suggestToCustomers:\n    internal: 0.8\n    community: "off"'),
      'support.yaml',
    );
    expect(config.answerBank).toEqual({ suggestToCustomers: { internal: 0.8, community: null } });
    const one = parseConfig(withSection('  suggestToCustomers:\n    internal: 1'), 'support.yaml');
    expect(one.answerBank?.suggestToCustomers).toEqual({ internal: 1, community: 0.6 });
  });

  it('names what is wrong', () => {
    const issues = problems(
      withSection('  suggestToCustomers:\n    internal: 0\n    community: high\n    partners: 0.5'),
    ).join('\n');
    expect(issues).toMatch(/answerBank\.suggestToCustomers\.internal/);
    expect(issues).toMatch(/answerBank\.suggestToCustomers\.community/);
    expect(issues).toMatch(/partners/);
  });
});
