/** Retries an assertion until it passes or the time is up (visibility and read models are eventually consistent). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 20000, intervalMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      return await check();
    } catch (err) {
      lastError = err;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
  throw lastError;
}
