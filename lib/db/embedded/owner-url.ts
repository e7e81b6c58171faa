/** What the owner of an embedded data folder writes in owner.json (mode 0600): the password changes each start. */
export type OwnerInfo = { pid: number; port: number; password: string; startedAt: string };

export function embeddedUrl(port: number, password: string): string {
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres?sslmode=disable`;
}
