import { parseInput, readJsonBody } from '@/lib/auth/request-body';
import { actorOf, requireRequestPermission } from '@/lib/auth/session';
import { json } from '@/lib/http/respond';
import { route } from '@/lib/http/route';
import { getSettingsView, updateSettings } from '@/lib/settings/admin';
import { settingsPatchSchema } from '@/lib/settings/schema';

export const dynamic = 'force-dynamic';

/** Stored values, this instance's defaults and what applies. */
export const GET = route(async (req: Request) => {
  await requireRequestPermission(req, 'settings.manage');
  const { defaults, overrides, effective } = await getSettingsView();
  return json({ defaults, overrides, effective });
});

/** `{ name: value | null }` for the settings to change; null goes back to the default. */
export const PATCH = route(async (req: Request) => {
  const session = await requireRequestPermission(req, 'settings.manage');
  const { changed } = await updateSettings(actorOf(session), parseInput(settingsPatchSchema, await readJsonBody(req)));
  const { effective } = await getSettingsView();
  return json({ changed, effective });
});
