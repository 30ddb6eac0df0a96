/** Who is signed in: the token in localStorage and the principal from GET /api/auth/me. */
import { createContext, useContext } from 'react';
import type { Principal } from './api/types';

export interface AuthState {
  user: Principal | null;
  loading: boolean;
  signIn: (username: string, password: string) => Promise<Principal>;
  /** Adopts a token the API issued after a sign-in through the identity provider. */
  adoptToken: (token: string) => Promise<Principal>;
  signOut: () => void;
}

export const AuthContext = createContext<AuthState>({
  user: null,
  loading: false,
  signIn: () => Promise.reject(new Error('no auth provider')),
  adoptToken: () => Promise.reject(new Error('no auth provider')),
  signOut: () => undefined,
});

export const useAuth = () => useContext(AuthContext);

export const hasRole = (user: Principal | null, ...roles: string[]) =>
  !!user && user.roles.some((r) => roles.includes(r));
