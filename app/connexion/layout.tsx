import type { Metadata } from 'next';
import '@/components/admin/admin.css';

export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function SignInLayout({ children }: { children: React.ReactNode }) {
  return <div className="admin">{children}</div>;
}
