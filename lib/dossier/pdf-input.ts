import type { DossierIncidentRow } from '@/lib/db/dossier';
import type { SeriesPayload } from '@/lib/series/types';
import { formatDayFr } from '@/lib/evidence/paris-day';
import type { LedgerDayProof } from './collect';
import type { PdfInput } from './pdf';
import type { DossierReport } from './report-columns';
import type { DossierRequest } from './schema';

export type Names = { academies: Record<string, { name: string }>; platforms: Record<string, string> };

const WHEN = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });
const MAX_COMMENTS = 200;
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
  reports: DossierReport[];
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
  const byAcademy = new Map<string, { reports: number; counted: number; hidden: number }>();
  for (const r of input.reports) {
    const row = byAcademy.get(r.academy) ?? { reports: 0, counted: 0, hidden: 0 };
    row.reports += 1;
    if (r.counted && r.moderation !== 'hidden') row.counted += 1;
    if (r.moderation === 'hidden') row.hidden += 1;
    byAcademy.set(r.academy, row);
  }
  const comments = input.reports.filter((r) => r.comment);
  const hidden = new Map<string, number>();
  for (const r of input.reports.filter((x) => x.moderation === 'hidden')) {
    const reason = HIDDEN_REASONS[r.hiddenReason ?? ''] ?? r.hiddenReason ?? 'sans motif';
    hidden.set(reason, (hidden.get(reason) ?? 0) + 1);
  }
  return {
    title: request.title,
    notes: request.notes,
    period: request.from === request.to ? formatDayFr(request.from) : `du ${formatDayFr(request.from)} au ${formatDayFr(request.to)}`,
    services: request.platforms.map((p) => names.platforms[p] ?? p).join(', '),
    academiesLabel: request.academies.length === 0 ? 'toutes' : request.academies.map(academy).join(', '),
    totals: {
      reports: input.reports.length,
      counted: [...byAcademy.values()].reduce((s, r) => s + r.counted, 0),
      hidden: [...byAcademy.values()].reduce((s, r) => s + r.hidden, 0),
      comments: comments.length,
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
    comments: comments.slice(0, MAX_COMMENTS).map((r) => ({ at: WHEN.format(new Date(r.at)), place: `${names.platforms[r.platform] ?? r.platform}, ${academy(r.academy)}`, text: r.comment ?? '' })),
    days: input.days.map((d) => ({ day: d.day, final: d.digest.final, root: d.digest.root })),
    keyId: input.keyId,
    k: request.k,
    suppressed: input.suppressed,
    builtAt: input.builtAt,
  };
}
