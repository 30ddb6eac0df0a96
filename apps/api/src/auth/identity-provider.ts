import type { Principal } from './principal';

/**
 * The seam for signing in. LawGate ships `LocalIdentityProvider` (username + password, LawGate-issued JWT). An
 * external OIDC provider plugs in by implementing `resolveBearer`: verify the provider's ID/access token against its
 * JWKS, map its subject (or a claim such as `preferred_username`) to a LawGate user, and return that user's
 * principal. Roles and organisation units stay in LawGate, because the procedures' rules depend on them. Bind the
 * implementation to `IDENTITY_PROVIDER` in `AuthModule`.
 */
export interface IdentityProvider {
  /** Returns the principal for a bearer token, or null when the token is not valid. */
  resolveBearer(token: string): Promise<Principal | null>;
}

export const IDENTITY_PROVIDER = Symbol('IDENTITY_PROVIDER');
