// Reads follow writes a moment later (projections update the read models after a command is stored). After a change
// the app reads again until the change shows; if it still does not after a few seconds, the app says so and offers
// a reload, instead of going on silently as if the change had not been made.
import { toast } from './dom.js';

const ATTEMPTS = 25;
const PAUSE_MS = 200;

/**
 * Calls {@code seen()} until it answers true, for about 5 s (a 404 counts as "not yet": the read model may not know
 * the thing yet). Answers whether the change showed; when it did not, tells the user and offers a reload.
 */
export async function untilSeen(seen, { attempts = ATTEMPTS, pause = PAUSE_MS } = {}) {
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (attempt > 0) await new Promise(resolve => setTimeout(resolve, pause));
    try {
      if (await seen()) return true;
    } catch (error) {
      if (error.status !== 404) throw error;
    }
  }
  toast('Saved, but not shown here yet: Rota is still catching up. Reload in a moment to see it.', 'warn',
    { label: 'Reload', run: () => location.reload() });
  return false;
}
