export type OwnerInfo = { pid: number; port: number; startedAt: string };

export function embeddedUrl(port: number): string {
  return `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
}
