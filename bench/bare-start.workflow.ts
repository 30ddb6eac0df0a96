/** The baseline for the clean-up benchmark: a workflow that does nothing but finish, so a start is all it costs. */
export async function bareStartWorkflow(_input: unknown): Promise<void> {
  return undefined;
}
