/** The marker lives in libs/domain, which the workflow sandbox may load; the codec here produces it. */
export {
  isUnauthenticated,
  unauthenticatedReason,
  UNAUTHENTICATED_KEY,
  type UnauthenticatedPayload,
} from '@lawgate/domain';
