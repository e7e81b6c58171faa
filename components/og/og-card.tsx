import type { PlatformStatus } from '@/lib/domain/types';

export const OG_SIZE = { width: 1200, height: 630 };

const STATUS_STYLE: Record<PlatformStatus, { background: string; color: string; mark: string }> = {
  operational: { background: '#e3f1e7', color: '#1e6b3a', mark: '●' },
  degraded: { background: '#fff1d6', color: '#7a4a00', mark: '▲' },
  outage: { background: '#fbe0de', color: '#8c1d18', mark: '■' },
};

export type OgCardProps = {
  brand: string;
  title: string;
  subtitle?: string;
  status?: { value: PlatformStatus; label: string };
  /** Small bar chart (values ≥ 0), e.g. reporters over the last 24 hours. */
  bars?: { values: number[]; label: string };
  footer?: string;
};

/** The sharing image of a page (1200×630), for next/og's ImageResponse: flexbox only. */
export function OgCard({ brand, title, subtitle, status, bars, footer }: OgCardProps) {
  const max = Math.max(1, ...(bars?.values ?? []));
  return (
    <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', background: '#f6f7f9', fontFamily: 'DejaVu Sans', color: '#1b2430' }}>
      <div style={{ display: 'flex', alignItems: 'center', background: '#1f3a5f', color: '#ffffff', padding: '24px 56px', fontSize: 36, fontWeight: 700 }}>
        {brand}
      </div>
      <div style={{ display: 'flex', flexDirection: 'column', flexGrow: 1, padding: '40px 56px 32px' }}>
        <div style={{ display: 'flex', fontSize: title.length > 40 ? 52 : 64, fontWeight: 700, lineHeight: 1.15 }}>{title}</div>
        {status ? (
          <div style={{ display: 'flex', marginTop: 20 }}>
            <div
              style={{
                display: 'flex',
                fontSize: 34,
                fontWeight: 700,
                padding: '8px 20px',
                borderRadius: 28,
                background: STATUS_STYLE[status.value].background,
                color: STATUS_STYLE[status.value].color,
              }}
            >
              {`${STATUS_STYLE[status.value].mark} ${status.label}`}
            </div>
          </div>
        ) : null}
        {subtitle ? <div style={{ display: 'flex', fontSize: 32, color: '#3d4858', marginTop: 20, lineHeight: 1.3 }}>{subtitle}</div> : null}
        {bars && bars.values.length > 0 ? (
          <div style={{ display: 'flex', flexDirection: 'column', marginTop: 'auto' }}>
            <div style={{ display: 'flex', fontSize: 22, color: '#5a6678', marginBottom: 8 }}>{bars.label}</div>
            <div style={{ display: 'flex', alignItems: 'flex-end', height: 120, gap: 3 }}>
              {bars.values.map((value, i) => (
                <div key={i} style={{ display: 'flex', flexGrow: 1, height: Math.max(2, Math.round((value / max) * 120)), background: '#b03a2e' }} />
              ))}
            </div>
          </div>
        ) : null}
        {footer ? <div style={{ display: 'flex', fontSize: 22, color: '#5a6678', marginTop: bars ? 12 : 'auto' }}>{footer}</div> : null}
      </div>
    </div>
  );
}
