import { useEffect, useState } from 'react';
import { onSessionChange, readSession } from '../api/session.store';
import { ChangePasswordPage } from '../auth/ChangePasswordPage';
import { LoginPage } from '../auth/LoginPage';
import { Shell } from '../shell/Shell';

/** Signed out → login; first login → password change; otherwise the Studio. */
export function App() {
  const [session, setSession] = useState(readSession);
  useEffect(() => onSessionChange(setSession), []);
  if (!session) return <LoginPage />;
  if (session.mustChangePassword) return <ChangePasswordPage session={session} />;
  // A new session (another user) starts from fresh module definitions.
  return <Shell key={session.operation + session.username} />;
}
