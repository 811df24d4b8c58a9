import type { Issue } from '@crm/engine';

/** Login protection figures; README documents them. */
export const LOGIN_LIMITS = {
  /** Failed attempts in a row that lock a user. */
  userFailuresBeforeLock: 5,
  /** How long a locked user waits. */
  lockMinutes: 15,
  /** Failed attempts from one IP address within the window before it is refused for the rest of it. */
  ipFailuresPerWindow: 20,
  ipWindowMinutes: 15,
  /** Access tokens are short-lived; refresh tokens renew them. */
  accessTokenMinutes: 15,
  refreshTokenDays: 30,
} as const;

export const MIN_PASSWORD_LENGTH = 10;

/** What a new password must be: long enough, not the factory one, not the user name. */
export function passwordIssues(password: unknown, context: { username: string; operation: string }): Issue[] {
  const issues: Issue[] = [];
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH) {
    issues.push({
      path: 'newPassword',
      code: 'password.tooShort',
      message: { es: `La contraseña debe tener al menos ${MIN_PASSWORD_LENGTH} caracteres.`, en: `The password must have at least ${MIN_PASSWORD_LENGTH} characters.` },
    });
    return issues;
  }
  const lower = password.toLowerCase();
  if (lower === context.operation.toLowerCase() || lower.includes(context.username.toLowerCase())) {
    issues.push({
      path: 'newPassword',
      code: 'password.guessable',
      message: { es: 'La contraseña no puede ser la de fábrica ni contener el usuario.', en: 'The password cannot be the factory one or contain the user name.' },
    });
  }
  if (!/[a-zA-Z]/.test(password) || !/[^a-zA-Z]/.test(password)) {
    issues.push({
      path: 'newPassword',
      code: 'password.weak',
      message: { es: 'Use letras y también números o símbolos.', en: 'Use letters and also digits or symbols.' },
    });
  }
  return issues;
}
