import type { OutageOutcome } from './evaluation';
import type { DelayStats, ScaleSummary } from './evaluation-summary';
import type { Incident } from '@/lib/detect/incidents';

const MIN = 60_000;
const OUTCOME_COLUMNS = [
  'outage',
  'extra/min',
  'result',
  'alarm delay',
  'detected delay',
  'start err',
  'end err',
  'incidents',
];

const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
const num = (x: number | null, digits = 1) => (x === null ? '–' : x.toFixed(digits));
const delay = (d: DelayStats) => `${num(d.median)} / ${num(d.p95)} (n=${d.n})`;

function tableRows(s: ScaleSummary): [string, string][] {
  return [
    ['outages injected', String(s.outages)],
    ['recall (any alarm / detected)', `${pct(s.recall)} / ${pct(s.recallDetected)}`],
    ['precision (incidents matching an outage)', pct(s.precision)],
    ['first alarm delay ≥5/min, median / p95 (min)', delay(s.alarmDelay.strong)],
    ['first alarm delay ≥5/min abrupt onset', delay(s.alarmDelay.strongAbrupt)],
    ['first alarm delay 2–5/min', delay(s.alarmDelay.medium)],
    ['first alarm delay 2–5/min abrupt onset', delay(s.alarmDelay.mediumAbrupt)],
    ['first alarm delay <2/min', delay(s.alarmDelay.weak)],
    ["'detected' delay ≥5/min", delay(s.detectedDelay.strong)],
    ["'detected' delay ≥5/min abrupt onset", delay(s.detectedDelay.strongAbrupt)],
    ["'detected' delay 2–5/min", delay(s.detectedDelay.medium)],
    ["'detected' delay 2–5/min abrupt onset", delay(s.detectedDelay.mediumAbrupt)],
    ['incident start within 10 min of onset', pct(s.startWithin10)],
    ['incident end within 30 min of true end', pct(s.endWithin30)],
    [
      'exactly one incident per outage (mean)',
      `${pct(s.exactlyOneIncident)} (${num(s.incidentsPerOutage, 2)})`,
    ],
    [
      'outages concurrent with another on the same platform (left out of the 3 rows above)',
      String(s.concurrentOutages),
    ],
    [
      `false 'possible' / month (clean, ${num(s.cleanDays, 0)} days)`,
      num(s.falsePossiblePerMonth, 2),
    ],
    [`false 'detected' / month (clean)`, num(s.falseDetectedPerMonth, 2)],
    [
      "unmatched 'possible' / 'detected' per month (outage runs)",
      `${num(s.unmatchedPossiblePerMonth, 2)} / ${num(s.unmatchedDetectedPerMonth, 2)}`,
    ],
    ['spam bursts → incidents', `${s.probes.spamAlarms} / ${s.probes.spamRuns}`],
    [
      "night trickles (3) → incidents ('detected')",
      `${s.probes.trickleAlarms} (${s.probes.trickleDetected}) / ${s.probes.trickleRuns}`,
    ],
    ['throughput (series-buckets / s)', `${(s.seriesBucketsPerSecond / 1e6).toFixed(1)} M`],
  ];
}

/** Markdown table of the bench metrics, one column per scale. */
export function renderSummaryTable(summaries: ScaleSummary[]): string {
  const header = `| metric | ${summaries.map((s) => `scale ${s.scale}×`).join(' | ')} |`;
  const rule = `|---|${summaries.map(() => '---').join('|')}|`;
  const rows = (summaries[0] ? tableRows(summaries[0]) : []).map(([label], i) => {
    const cells = summaries.map((s) => tableRows(s)[i]?.[1] ?? '');
    return `| ${label} | ${cells.join(' | ')} |`;
  });
  return [header, rule, ...rows].join('\n');
}

/** Markdown table of one replayed scenario: each outage's outcome, then unmatched incidents. */
export function renderOutcomeTable({
  outcomes,
  unmatched,
}: {
  outcomes: OutageOutcome[];
  unmatched: Incident[];
}): string {
  const minutes = (ms: number | null) => (ms === null ? '–' : num(ms / MIN, 0));
  const rows = outcomes.map((o) => {
    const level = o.incidents.some((i) => i.level === 'detected')
      ? 'detected'
      : o.incidents.length > 0
        ? 'possible'
        : 'missed';
    const cells = [
      o.truth.id,
      num(o.truth.extraPerMinute, 0),
      level,
      minutes(o.alarmDelayMs),
      minutes(o.detectedDelayMs),
      minutes(o.startErrorMs),
      minutes(o.endErrorMs),
      String(o.incidents.length),
    ];
    return `| ${cells.join(' | ')} |`;
  });
  const extra = unmatched.map((i) => {
    const scopes = i.scopes.join(', ');
    return `- unmatched: ${i.platformId} ${new Date(i.start).toISOString()} ${i.level} (${scopes})`;
  });
  return [
    `| ${OUTCOME_COLUMNS.join(' | ')} |`,
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    unmatched.length === 0 ? 'No incident outside the injected outages.' : extra.join('\n'),
  ].join('\n');
}
