import { describe, expect, test } from 'vitest';
import type { PageRun } from '../../../bench/lib/lighthouse-run';
import { median, medianRun, summaryRows, type Measured } from '../../../bench/lib/page-report';
import { stripScripts } from '../../../bench/lib/static-copy';

function run(overrides: Partial<PageRun>): PageRun {
  return {
    score: 100, lcpMs: 1000, tbtMs: 0, cls: 0, fcpMs: 800, speedIndexMs: 900, scripts: [], jsBytes: 0, domElements: 10,
    benchmarkIndex: 3000, load: 1, lcpElement: null, lcpPhases: [], renderBlocking: [], unusedJs: [], bootup: [],
    layoutShifts: [], warnings: [], ...overrides,
  };
}

describe('median', () => {
  test('takes the middle value of an odd list and the mean of the two middle ones of an even list', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('medianRun', () => {
  test('returns the run with the median score, ties broken by LCP', () => {
    const runs = [run({ score: 70, lcpMs: 1 }), run({ score: 95, lcpMs: 2 }), run({ score: 90, lcpMs: 3 })];
    expect(medianRun(runs).score).toBe(90);
  });
});

describe('summaryRows', () => {
  const page = { label: 'map /', url: 'http://x/', baseline: false };
  const copy = { label: 'static copy of /', url: 'http://y/', baseline: true };

  test('marks each target pass or FAIL from the medians, at the thresholds', () => {
    const measured: Measured[] = [
      { target: page, runs: [run({ score: 90, lcpMs: 2499, jsBytes: 250_000 }), run({ score: 89, lcpMs: 2600, jsBytes: 250_000 }), run({ score: 91, lcpMs: 2400, jsBytes: 250_000 })] },
    ];
    const [row] = summaryRows(measured);
    expect(row).toMatchObject({ score: 90, 'LCP s': '2.50', 'score ≥ 90': 'pass', 'LCP < 2.5 s': 'pass', 'JS < 250 kB': 'FAIL' });
  });

  test('gives LCP as a ratio to the static copy and no verdicts for baselines', () => {
    const rows = summaryRows([
      { target: page, runs: [run({ lcpMs: 2000 })] },
      { target: copy, runs: [run({ lcpMs: 800 })] },
    ]);
    expect(rows[0]?.['LCP vs static copy']).toBe('2.50×');
    expect(rows[1]).toMatchObject({ 'score ≥ 90': '', 'LCP vs static copy': '1.00×' });
  });
});

describe('stripScripts', () => {
  test('removes script elements and script preloads, keeps styles and text', () => {
    const html = [
      '<head><link rel="stylesheet" href="/a.css"><link rel="preload" as="script" href="/b.js">',
      '<link rel="modulepreload" href="/c.js"><script src="/d.js" async=""></script></head>',
      '<body><h1>Carte</h1><script>self.__next_f.push([1,"x"])</script></body>',
    ].join('');
    expect(stripScripts(html)).toBe('<head><link rel="stylesheet" href="/a.css"></head><body><h1>Carte</h1></body>');
  });
});
