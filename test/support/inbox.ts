import type { ApiClient } from './http';

interface InboxPage {
  items: { id: string }[];
  nextCursor: string | null;
}

/**
 * Whether a task is in a user's inbox, following its pages: a run's files share one database, so a user's inbox can
 * hold more open tasks than one page, oldest first, and the one a file just opened is then on a later page.
 */
export async function inInbox(http: ApiClient, user: string, taskId: string | null): Promise<boolean> {
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const res = await http.as<InboxPage>(user, 'GET', `/api/tasks/inbox?limit=200${query}`);
    if (res.status !== 200) throw new Error(`inbox of ${user}: ${res.status} ${JSON.stringify(res.body)}`);
    if (res.body.items.some((t) => t.id === taskId)) return true;
    cursor = res.body.nextCursor;
  } while (cursor);
  return false;
}

/** The one of `users` whose inbox holds the task (undefined if none does). */
export async function holderAmong(
  http: ApiClient,
  users: readonly string[],
  taskId: string | null,
): Promise<string | undefined> {
  for (const user of users) if (await inInbox(http, user, taskId)) return user;
  return undefined;
}
