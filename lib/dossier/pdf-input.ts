import type { DossierIncidentRow } from '@/lib/db/dossier';
import type { SeriesPayload } from '@/lib/series/types';
import { formatDayFr } from '@/lib/evidence/paris-day';
import type { LedgerDayProof } from './ledger-days';
import type { PdfInput } from './pdf';
import type { DossierRequest } from './schema';
import type { ReportSummary } from './summary';

export type Names = { academies: Record<string, { name: string }>; platforms: Record<string, string> };

const WHEN = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });
const HIDDEN_REASONS: Record<string, string> = { moderator: 'par la modération', '': 'sans motif' };

const EVENT_LABELS: Record<string, string> = {
  opened: 'ouverture', detected: 'détection', peak: 'pic', closed: 'fin', annotated: 'note de la modération',
  merged: 'fusionné', split: 'scindé', dismissed: 'écarté par la modération', academy_joined: 'académie touchée',
};

function eventLabel(kind: string, data: unknown, names: Names): string {
  const d = (data ?? {}) as Record<string, unknown>;
  const base = EVENT_LABELS[kind] ?? kind;
  if (typeof d.academyId === 'string') return `${base} : ${names.academies[d.academyId]?.name ?? d.academyId}`;
  if (typeof d.reason === 'string') return `${base} (${d.reason})`;
  if (typeof d.note === 'string') return `${base} : ${d.note}`;
  return base;
}

/** Turns the dossier's data into what the PDF prints (pure: series are read beforehand). */
export function toPdfInput(input: {
  request: DossierRequest;
  summary: ReportSummary;
  incidents: DossierIncidentRow[];
  series: Map<string, SeriesPayload>;
  days: LedgerDayProof[];
  names: Names;
  keyId: string;
  suppressed: number;
  builtAt: Date;
}): PdfInput {
  const { request, names } = input;
  const academy = (id: string) => names.academies[id]?.name ?? id;
  const { byAcademy } = input.summary;
  const hidden = new Map<string, number>();
  for (const [raw, count] of input.summary.hiddenReasons) {
    const reason = HIDDEN_REASONS[raw] ?? raw;
    hidden.set(reason, (hidden.get(reason) ?? 0) + count);
  }
  return {
    title: request.title,
    notes: request.notes,
    period: request.from === request.to ? formatDayFr(request.from) : `du ${formatDayFr(request.from)} au ${formatDayFr(request.to)}`,
    services: request.platforms.map((p) => names.platforms[p] ?? p).join(', '),
    academiesLabel: request.academies.length === 0 ? 'toutes' : request.academies.map(academy).join(', '),
    totals: {
      reports: input.summary.reports,
      counted: [...byAcademy.values()].reduce((s, r) => s + r.counted, 0),
      hidden: [...byAcademy.values()].reduce((s, r) => s + r.hidden, 0),
      comments: input.summary.commentCount,
    },
    hiddenByReason: [...hidden].map(([reason, count]) => ({ reason, count })),
    incidents: input.incidents.map((i) => ({
      id: i.id,
      title: `${names.platforms[i.platformId] ?? i.platformId} — ${i.scope === 'national' ? 'national' : i.academies.map(academy).join(', ')}`,
      period: `${WHEN.format(i.startedAt)} → ${i.endedAt ? WHEN.format(i.endedAt) : 'en cours'}${i.state === 'dismissed' ? ' (écarté)' : ''}`,
      reporters: i.reporterCount,
      timeline: i.events.map((e) => ({ at: WHEN.format(e.at), label: eventLabel(e.kind, e.data, names) })),
      series: input.series.get(i.id) ?? null,
    })),
    academyRows: [...byAcademy].sort(([a], [b]) => academy(a).localeCompare(academy(b), 'fr')).map(([id, r]) => ({ name: academy(id), ...r })),
    comments: input.summary.comments.map((r) => ({ at: WHEN.format(new Date(r.at)), place: `${names.platforms[r.platform] ?? r.platform}, ${academy(r.academy)}`, text: r.text })),
    days: input.days.map((d) => ({ day: d.day, final: d.digest.final, root: d.digest.root })),
    keyId: input.keyId,
    k: request.k,
    suppressed: input.suppressed,
    builtAt: input.builtAt,
  };
}
