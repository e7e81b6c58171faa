import { checkHealth } from '@/lib/health/check-health';
import { json } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const report = await checkHealth();
  const headers: Record<string, string> = report.httpStatus === 503 ? { 'retry-after': '5' } : {};
  return json(report.body, { status: report.httpStatus, headers });
}
