/** The mapping lives with the procedure gateway; re-exported for the API's other Temporal callers. */
export { fromTemporalError } from '@lawgate/temporal';
