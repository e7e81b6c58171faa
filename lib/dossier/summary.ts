import type { DossierReport } from './report-columns';

/** How many approved comments the PDF reproduces (the data files hold them all). */
export const MAX_PDF_COMMENTS = 200;

/** What the PDF needs from the reports, gathered as they stream by (its size does not grow with them). */
export type ReportSummary = {
  reports: number;
  byAcademy: Map<string, { reports: number; counted: number; hidden: number }>;
  hiddenReasons: Map<string, number>;
  comments: Array<Pick<DossierReport, 'at' | 'platform' | 'academy'> & { text: string }>;
  commentCount: number;
};

export function createReportSummary(): ReportSummary {
  return { reports: 0, byAcademy: new Map(), hiddenReasons: new Map(), comments: [], commentCount: 0 };
}

export function addToSummary(s: ReportSummary, r: DossierReport): void {
  s.reports += 1;
  const row = s.byAcademy.get(r.academy) ?? { reports: 0, counted: 0, hidden: 0 };
  row.reports += 1;
  if (r.counted && r.moderation !== 'hidden') row.counted += 1;
  if (r.moderation === 'hidden') {
    row.hidden += 1;
    s.hiddenReasons.set(r.hiddenReason ?? '', (s.hiddenReasons.get(r.hiddenReason ?? '') ?? 0) + 1);
  }
  s.byAcademy.set(r.academy, row);
  if (r.comment) {
    s.commentCount += 1;
    if (s.comments.length < MAX_PDF_COMMENTS) s.comments.push({ at: r.at, platform: r.platform, academy: r.academy, text: r.comment });
  }
}
