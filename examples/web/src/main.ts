/**
 * The web example's page script: sign up, confirm, sign in (answering NEW_PASSWORD_REQUIRED), then show
 * the ID token's claims and the identity pool's AWS identity — with `cognito-flow/browser` only (fetch,
 * SRP on native BigInt, no AWS SDK). The S3 listing loads the AWS SDK's S3 client on demand.
 */
import {
  AuthClient,
  type AuthClient as AuthClientType,
  type AwsCredentials,
  decodeIdToken,
  IdentityPool,
  type IdentityPool as IdentityPoolType,
  type SignInStep,
  type Step,
  type TokenSet,
  type UserAttributes,
} from 'cognito-flow/browser';
import { CONFIG_ELEMENT_ID, readConfig, type WebConfig } from './config.js';
import type { TypedError } from './error-text.js';
import { asView, busy, byId, field, fillTable, onSubmit, show, showError, showStatus } from './page.js';

type SignInFlow = 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH';

interface App {
  readonly config: WebConfig;
  readonly auth: AuthClientType;
  readonly pool: IdentityPoolType;
  /** The step waiting for a new password, while the new-password view is shown. */
  pendingNewPassword: Step<'NEW_PASSWORD_REQUIRED'> | undefined;
  credentials: AwsCredentials | undefined;
}

function setInput(form: HTMLFormElement, name: string, value: string): void {
  const input = form.elements.namedItem(name);
  if (input instanceof HTMLInputElement) input.value = value;
}

async function showSignedIn(app: App, tokens: TokenSet): Promise<void> {
  app.pendingNewPassword = undefined;
  app.credentials = undefined;
  byId('objects', HTMLUListElement).replaceChildren();
  for (const id of ['identity-id', 'access-key-id', 'credentials-expiration']) {
    byId(id, HTMLTableCellElement).textContent = '…';
  }
  show('signed-in');
  const claims = decodeIdToken(tokens.idToken);
  if (claims.isErr()) return showError(claims.error);
  const c = claims.value;
  fillTable(byId('claims', HTMLTableElement), [
    ['sub', c.sub],
    ['cognito:username', c['cognito:username']],
    ['email', c.email ?? '(none)'],
    ['email_verified', String(c.email_verified ?? false)],
    ['iss', c.iss],
    ['exp', new Date(c.exp * 1000).toISOString()],
  ]);
  const credentials = await app.pool.getCredentials({ idToken: tokens.idToken });
  if (credentials.isErr()) return showError(credentials.error);
  app.credentials = credentials.value;
  byId('identity-id', HTMLTableCellElement).textContent = credentials.value.identityId;
  byId('access-key-id', HTMLTableCellElement).textContent = credentials.value.accessKeyId;
  byId('credentials-expiration', HTMLTableCellElement).textContent =
    credentials.value.expiration.toISOString();
}

function showNewPassword(app: App, step: Step<'NEW_PASSWORD_REQUIRED'>): void {
  app.pendingNewPassword = step;
  const holder = byId('required-attributes', HTMLDivElement);
  holder.replaceChildren(
    ...step.requiredAttributes.map((name) => {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.name = `attribute:${name}`;
      input.required = true;
      input.value = step.userAttributes[name] ?? '';
      label.append(`${name} `, input);
      return label;
    }),
  );
  show('new-password');
}

async function handleStep(app: App, step: SignInStep): Promise<void> {
  switch (step.step) {
    case 'SIGNED_IN':
      return showSignedIn(app, step.tokens);
    case 'NEW_PASSWORD_REQUIRED':
      return showNewPassword(app, step);
    case 'CONFIRM_SIGN_UP':
      // Signing in before confirming: Cognito wants the code first.
      setInput(byId('confirm', HTMLFormElement), 'username', step.username);
      byId('confirm-destination', HTMLParagraphElement).textContent =
        'Confirm your account first: enter the code we sent you.';
      return show('confirm');
    case 'RESET_PASSWORD':
      // An administrator reset the password: Cognito has sent a code for choosing a new one.
      return showResetPassword(
        step.username,
        'Your password was reset: enter the code we sent you and a new password.',
      );
    default:
      // This example's pool has no MFA or custom challenges; the CLI (`cognito-flow signin`) answers them all.
      return showError({
        type: 'UnsupportedStep',
        message: `Cognito asks for ${step.step}, which this example does not answer`,
      });
  }
}

function wireSignUp(app: App): void {
  const form = byId('sign-up', HTMLFormElement);
  onSubmit(form, async () => {
    const username = field(form, 'username');
    const result = await app.auth.signUp({
      username,
      password: field(form, 'password'),
      attributes: { email: field(form, 'email') },
    });
    if (result.isErr()) return showError(result.error);
    if (result.value.userConfirmed) {
      setInput(byId('sign-in', HTMLFormElement), 'username', username);
      showStatus('Your account is ready: sign in.');
      return show('sign-in');
    }
    setInput(byId('confirm', HTMLFormElement), 'username', username);
    const to = result.value.codeDelivery?.destination;
    byId('confirm-destination', HTMLParagraphElement).textContent = to
      ? `We sent a code to ${to}.`
      : 'Enter the code we sent you.';
    show('confirm');
  });
}

function wireConfirm(app: App): void {
  const form = byId('confirm', HTMLFormElement);
  onSubmit(form, async () => {
    const username = field(form, 'username');
    const result = await app.auth.confirmSignUp({ username, code: field(form, 'code') });
    if (result.isErr()) return showError(result.error);
    setInput(byId('sign-in', HTMLFormElement), 'username', username);
    showStatus('Account confirmed: sign in.');
    show('sign-in');
  });
  const resend = byId('resend-code', HTMLButtonElement);
  resend.addEventListener('click', () =>
    busy(form, async () => {
      const result = await app.auth.resendSignUpCode({ username: field(form, 'username') });
      if (result.isErr()) return showError(result.error);
      showStatus(`We sent a new code to ${result.value.codeDelivery?.destination ?? 'you'}.`);
    }),
  );
}

function showResetPassword(username: string, message: string): void {
  setInput(byId('reset-password', HTMLFormElement), 'username', username);
  byId('reset-destination', HTMLParagraphElement).textContent = message;
  show('reset-password');
}

function wireForgotPassword(app: App): void {
  const forgot = byId('forgot-password', HTMLFormElement);
  onSubmit(forgot, async () => {
    const username = field(forgot, 'username');
    const result = await app.auth.forgotPassword({ username });
    if (result.isErr()) return showError(result.error);
    const to = result.value.codeDelivery?.destination;
    showResetPassword(username, to ? `We sent a code to ${to}.` : 'Enter the code we sent you.');
  });
  const reset = byId('reset-password', HTMLFormElement);
  onSubmit(reset, async () => {
    const username = field(reset, 'username');
    const result = await app.auth.confirmForgotPassword({
      username,
      code: field(reset, 'code'),
      newPassword: field(reset, 'password'),
    });
    if (result.isErr()) return showError(result.error);
    setInput(byId('sign-in', HTMLFormElement), 'username', username);
    showStatus('Password changed: sign in with the new one.');
    show('sign-in');
  });
}

function wireSignIn(app: App): void {
  const form = byId('sign-in', HTMLFormElement);
  onSubmit(form, async () => {
    const username = field(form, 'username');
    const flow: SignInFlow =
      field(form, 'flow') === 'USER_PASSWORD_AUTH' ? 'USER_PASSWORD_AUTH' : 'USER_SRP_AUTH';
    const result = await app.auth.signIn({ username, password: field(form, 'password'), flow });
    if (result.isErr()) return showError(result.error);
    return handleStep(app, result.value);
  });
}

function wireNewPassword(app: App): void {
  const form = byId('new-password', HTMLFormElement);
  onSubmit(form, async () => {
    const step = app.pendingNewPassword;
    if (!step) return show('sign-in');
    const attributes: Record<string, string> = {};
    for (const name of step.requiredAttributes) attributes[name] = field(form, `attribute:${name}`);
    const result = await app.auth.completeNewPassword(step, field(form, 'password'), {
      attributes: attributes as UserAttributes,
    });
    if (result.isErr()) return showError(result.error);
    return handleStep(app, result.value);
  });
}

function wireSignedIn(app: App): void {
  const section = byId('signed-in', HTMLElement);
  const listButton = byId('list-objects', HTMLButtonElement);
  const bucket = app.config.bucket;
  listButton.hidden = bucket === undefined;
  listButton.textContent = `List s3://${bucket ?? ''} with these credentials`;
  listButton.addEventListener('click', () =>
    busy(section, async () => {
      if (!app.credentials || !bucket)
        return showError({ type: 'NoCredentials', message: 'No AWS credentials yet' });
      const { listObjects } = await import('./s3-objects.js');
      const keys = await listObjects(app.config, bucket, app.credentials);
      if (!Array.isArray(keys)) return showError(keys);
      byId('objects', HTMLUListElement).replaceChildren(
        ...keys.map((key) => Object.assign(document.createElement('li'), { textContent: key })),
      );
      showStatus(
        `${keys.length} object(s) in s3://${bucket}, listed as identity ${app.credentials.identityId}.`,
      );
    }),
  );
  byId('sign-out', HTMLButtonElement).addEventListener('click', () => {
    // The tokens and credentials lived only in this page's memory: forgetting them signs out here.
    app.credentials = undefined;
    byId('claims', HTMLTableElement).replaceChildren();
    showStatus('Signed out.');
    show('sign-in');
  });
  for (const link of Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-go]'))) {
    link.addEventListener('click', () => {
      showError(null);
      showStatus(null);
      show(asView(link.dataset.go) ?? 'sign-in');
    });
  }
}

/** Reads the config, builds the clients and wires the page; a bad config is shown, not thrown. */
function start(): void {
  const app = createApp();
  if ('type' in app) {
    showError(app);
    return;
  }
  wireSignUp(app);
  wireConfirm(app);
  wireSignIn(app);
  wireForgotPassword(app);
  wireNewPassword(app);
  wireSignedIn(app);
  show('sign-up');
  document.body.dataset.ready = 'true';
}

function createApp(): App | TypedError {
  const config = readConfig(document.getElementById(CONFIG_ELEMENT_ID)?.textContent);
  if (typeof config === 'string') return { type: 'InvalidConfig', message: config };
  const endpoint = config.endpoint ? { endpoint: config.endpoint } : {};
  const auth = AuthClient.create({ userPoolId: config.userPoolId, clientId: config.clientId, ...endpoint });
  if (auth.isErr()) return auth.error;
  const pool = IdentityPool.create({ identityPoolId: config.identityPoolId, ...endpoint });
  if (pool.isErr()) return pool.error;
  return {
    config,
    auth: auth.value,
    pool: pool.value,
    pendingNewPassword: undefined,
    credentials: undefined,
  };
}

start();
