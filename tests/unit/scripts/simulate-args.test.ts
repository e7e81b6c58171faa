import { describe, test, expect } from 'vitest';
import { parseSimulateArgs, type SimulateCliOptions } from '@/scripts/lib/simulate-args';

function parseOk(argv: string[]): SimulateCliOptions {
  const result = parseSimulateArgs(argv);
  if (result.status !== 'ok') throw new Error(`attendu ok, obtenu ${JSON.stringify(result)}`);
  return result.options;
}

describe('parseSimulateArgs', () => {
  test('defaults to the 2021 scenario with 4 weeks of background, into the database', () => {
    expect(parseOk([])).toEqual({
      start: new Date('2021-03-09T00:00:00+01:00'),
      end: new Date('2021-04-08T00:00:00+02:00'),
      scenario: '2021-04-06',
      seed: 1,
      scale: 1,
      target: 'db',
      apiUrl: null,
      rate: 20,
    });
  });

  test.each<[string[], Partial<SimulateCliOptions>]>([
    [['--weeks', '0'], { start: new Date('2021-04-06T00:00:00+02:00') }],
    [['--weeks=1'], { start: new Date('2021-03-30T00:00:00+02:00') }],
    [['--seed', '7', '--scale', '0.5'], { seed: 7, scale: 0.5 }],
    [
      ['--scenario', 'none', '--from', '2021-03-08', '--to', '2021-03-15T12:00Z'],
      {
        start: new Date('2021-03-07T23:00:00Z'),
        end: new Date('2021-03-15T12:00:00Z'),
        scenario: 'none',
      },
    ],
    [
      ['--scenario', 'random', '--from', '2021-03-08', '--weeks', '2'],
      { start: new Date('2021-03-07T23:00:00Z'), end: new Date('2021-03-21T23:00:00Z') },
    ],
    [
      ['--scenario', 'spam', '--to', '2021-03-15T00:00+01:00'],
      { start: new Date('2021-03-07T23:00:00Z'), end: new Date('2021-03-14T23:00:00Z') },
    ],
    [
      ['--target', 'api', '--api-url', 'http://localhost:3000', '--rate', '5'],
      { target: 'api', apiUrl: 'http://localhost:3000', rate: 5 },
    ],
  ])('parses %j', (argv, expected) => {
    expect(parseOk(argv)).toMatchObject(expected);
  });

  test.each<[string[], string]>([
    [['--foo', '1'], 'Option inconnue : --foo'],
    [['pronote'], 'Argument inattendu : pronote'],
    [['--seed'], 'Valeur manquante pour --seed'],
    [['--seed', '1', '--seed', '2'], 'Option répétée : --seed'],
    [['--seed', 'abc'], '--seed doit être un nombre'],
    [['--seed', '1.5'], '--seed doit être un entier'],
    [['--scale', '0'], '--scale doit être strictement positif'],
    [['--weeks', '-1'], '--weeks doit être positif'],
    [['--scenario', 'panne'], '--scenario doit valoir 2021-04-06, random, spam ou none'],
    [['--target', 'kafka'], '--target doit valoir db ou api'],
    [['--from', '06/04/2021'], '--from : date ISO attendue'],
    [['--from', '2021-04-06T08:00'], '--from : date ISO attendue'],
    [['--from', '2021-02-30'], '--from : date ISO attendue'],
    [['--scenario', 'none'], 'Indiquez --from ou --to'],
    [['--from', '2021-04-08', '--to', '2021-04-01'], '--from doit précéder --to'],
    [['--from', '2020-01-01', '--to', '2021-04-01'], 'Fenêtre trop longue'],
    [['--from', '2021-03-01', '--to', '2021-04-01', '--weeks', '2'], '--weeks ne peut pas'],
    [['--target', 'api'], '--api-url est obligatoire avec --target api'],
    [['--api-url', 'http://localhost:3000'], "--api-url ne sert qu'avec --target api"],
    [['--target', 'api', '--api-url', 'ftp://x'], '--api-url : URL http(s) attendue'],
    [['--target', 'api', '--api-url', 'http://x', '--rate', '0'], '--rate doit être strictement'],
  ])('rejects %j with a French message', (argv, message) => {
    const result = parseSimulateArgs(argv);
    expect(result.status).toBe('error');
    if (result.status === 'error') {
      expect(result.error).toContain(message);
      expect(result.usage).toContain('Usage');
    }
  });

  test.each([['--help'], ['-h']])('returns the usage for %s', (flag) => {
    expect(parseSimulateArgs([flag])).toMatchObject({ status: 'help' });
  });
});
