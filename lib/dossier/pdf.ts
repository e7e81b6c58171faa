import path from 'node:path';
import type { SeriesPayload } from '@/lib/series/types';
import { formatDayFr } from '@/lib/evidence/paris-day';
import { kAnonymityParagraph, LIMITS_PARAGRAPHS, METHOD_PARAGRAPHS } from './pdf-text';

export type PdfIncident = {
  id: string;
  title: string;
  period: string;
  reporters: number;
  timeline: Array<{ at: string; label: string }>;
  series: SeriesPayload | null;
};

export type PdfInput = {
  title: string;
  notes: string;
  period: string;
  services: string;
  academiesLabel: string;
  totals: { reports: number; counted: number; hidden: number; comments: number };
  hiddenByReason: Array<{ reason: string; count: number }>;
  incidents: PdfIncident[];
  academyRows: Array<{ name: string; reports: number; counted: number; hidden: number }>;
  comments: Array<{ at: string; place: string; text: string }>;
  days: Array<{ day: string; final: boolean; root: string }>;
  keyId: string;
  k: number | null;
  suppressed: number;
  builtAt: Date;
};

const FONT_DIR = path.join(process.cwd(), 'lib/og/fonts');
const number = new Intl.NumberFormat('fr-FR');

function heading(doc: PDFKit.PDFDocument, text: string) {
  doc.moveDown(0.8).font('bold').fontSize(14).text(text).font('regular').fontSize(10).moveDown(0.3);
}

/** Observed reporters per minute (line) against the usual range (grey band), as on the site. */
function drawChart(doc: PDFKit.PDFDocument, series: SeriesPayload) {
  const width = 480;
  const height = 120;
  if (doc.y + height + 30 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const x0 = doc.page.margins.left;
  const y0 = doc.y + 5;
  const n = series.observed.length;
  const max = Math.max(1, ...series.observed, ...(series.band?.high ?? []));
  const x = (i: number) => x0 + (n <= 1 ? 0 : (i / (n - 1)) * width);
  const y = (v: number) => y0 + height - (v / max) * height;
  doc.rect(x0, y0, width, height).strokeColor('#999').lineWidth(0.5).stroke();
  if (series.band && n > 1) {
    doc.moveTo(x(0), y(series.band.high[0] ?? 0));
    for (let i = 1; i < n; i += 1) doc.lineTo(x(i), y(series.band.high[i] ?? 0));
    for (let i = n - 1; i >= 0; i -= 1) doc.lineTo(x(i), y(series.band.low[i] ?? 0));
    doc.closePath().fillColor('#d9d9d9').fill();
  }
  if (n > 1) {
    doc.moveTo(x(0), y(series.observed[0] ?? 0));
    for (let i = 1; i < n; i += 1) doc.lineTo(x(i), y(series.observed[i] ?? 0));
    doc.strokeColor('#b00020').lineWidth(1).stroke();
  }
  doc.fillColor('#000').fontSize(8).text(`max ${number.format(Math.round(max * 10) / 10)} déclarants/min · bande grise : plage habituelle`, x0, y0 + height + 3);
  doc.fontSize(10).moveDown(0.5);
}

function writeIncidents(doc: PDFKit.PDFDocument, incidents: PdfIncident[]) {
  heading(doc, 'Incidents');
  if (incidents.length === 0) doc.text('Aucun incident détecté sur la période et le périmètre choisis.');
  for (const incident of incidents) {
    doc.moveDown(0.5).font('bold').text(incident.title).font('regular').text(`${incident.period} · ${number.format(incident.reporters)} déclarants`);
    if (incident.series) drawChart(doc, incident.series);
    for (const item of incident.timeline) doc.fontSize(9).text(`${item.at} — ${item.label}`).fontSize(10);
  }
}

function writeTable(doc: PDFKit.PDFDocument, rows: PdfInput['academyRows']) {
  heading(doc, 'Par académie');
  const cols = [doc.page.margins.left, 280, 360, 440];
  const line = (cells: string[], bold = false) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
    const top = doc.y;
    doc.font(bold ? 'bold' : 'regular');
    cells.forEach((cell, i) => doc.text(cell, cols[i] ?? 0, top, { width: i === 0 ? 220 : 75 }));
    doc.x = doc.page.margins.left;
  };
  line(['Académie', 'Signalements', 'Comptés', 'Masqués'], true);
  for (const r of rows) line([r.name, number.format(r.reports), number.format(r.counted), number.format(r.hidden)]);
  doc.font('regular');
}

/** The dossier's French PDF report (pdfkit, DejaVu Sans from the repository: nothing is downloaded). */
export async function renderDossierPdf(input: PdfInput): Promise<Uint8Array> {
  // Loaded on the first dossier only: pdfkit and its font stack weigh ~20 MB in the long-lived worker.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4', margin: 50, font: path.join(FONT_DIR, 'DejaVuSans.ttf'), lang: 'fr-FR', displayTitle: true,
    info: { Title: input.title, Creator: 'École en panne', Producer: 'École en panne', CreationDate: input.builtAt, ModDate: input.builtAt },
  });
  doc.registerFont('regular', path.join(FONT_DIR, 'DejaVuSans.ttf'));
  doc.registerFont('bold', path.join(FONT_DIR, 'DejaVuSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  doc.font('bold').fontSize(20).text(input.title).font('regular').fontSize(10).moveDown(0.5);
  doc.text(`Période : ${input.period}`).text(`Services : ${input.services}`).text(`Académies : ${input.academiesLabel}`);
  if (input.notes) doc.moveDown(0.5).text(input.notes);
  heading(doc, 'Résumé');
  const t = input.totals;
  doc.text(`${number.format(t.reports)} signalements reçus, dont ${number.format(t.counted)} comptés et ${number.format(t.hidden)} masqués par la modération ; ${number.format(input.incidents.length)} incident(s) ; ${number.format(t.comments)} commentaire(s) approuvé(s).`);
  if (input.hiddenByReason.length > 0) {
    doc.moveDown(0.3).text(`Signalements masqués, qui restent dans ce dossier (colonnes « moderation » et « hidden_reason ») : ${input.hiddenByReason.map((h) => `${h.reason} ${number.format(h.count)}`).join(', ')}.`);
  }
  const kText = kAnonymityParagraph(input.k, input.suppressed);
  if (kText) doc.moveDown(0.3).text(kText);
  writeIncidents(doc, input.incidents);
  writeTable(doc, input.academyRows);
  heading(doc, 'Commentaires approuvés');
  if (input.comments.length === 0) doc.text('Aucun commentaire approuvé.');
  for (const c of input.comments) doc.fontSize(9).text(`${c.at} · ${c.place} — « ${c.text} »`).fontSize(10);
  heading(doc, 'Méthode');
  for (const p of METHOD_PARAGRAPHS) doc.text(p).moveDown(0.4);
  heading(doc, 'Limites');
  for (const p of LIMITS_PARAGRAPHS) doc.text(p).moveDown(0.4);
  heading(doc, 'Registre et signature');
  doc.text(`Clé de l’instance : ${input.keyId}. Jours du registre couverts :`);
  for (const d of input.days) doc.fontSize(8).text(`${formatDayFr(d.day)} (${d.final ? 'définitif' : 'en cours'}) — racine ${d.root}`).fontSize(10);
  doc.end();
  return done;
}
