import { errorText, type TypedError } from './error-text.js';

/** The views of the page; each is an element with `data-view` of that name. */
export type View =
  | 'sign-up'
  | 'confirm'
  | 'sign-in'
  | 'forgot-password'
  | 'reset-password'
  | 'new-password'
  | 'signed-in';

const VIEWS: readonly View[] = [
  'sign-up',
  'confirm',
  'sign-in',
  'forgot-password',
  'reset-password',
  'new-password',
  'signed-in',
];

/**
 * The view of that name, or `undefined` for any other text (e.g. a `data-go` attribute).
 *
 * @example
 * ```ts
 * const view = asView(button.dataset.go);
 * ```
 */
export function asView(name: string | undefined): View | undefined {
  return VIEWS.find((view) => view === name);
}

/**
 * The element with this id, or a thrown error naming it (the page's HTML and script ship together).
 *
 * @example
 * ```ts
 * const form = byId('sign-in', HTMLFormElement);
 * ```
 */
export function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`index.html has no #${id} ${type.name}`);
  return element;
}

/**
 * The text of a form field (trimmed, except passwords).
 *
 * @example
 * ```ts
 * const username = field(form, 'username');
 * ```
 */
export function field(form: HTMLFormElement, name: string): string {
  const value = form.elements.namedItem(name);
  if (!(value instanceof HTMLInputElement || value instanceof HTMLSelectElement)) return '';
  return value instanceof HTMLInputElement && value.type === 'password' ? value.value : value.value.trim();
}

/**
 * Shows one view and hides the others.
 *
 * @example
 * ```ts
 * show('sign-in');
 * ```
 */
export function show(view: View): void {
  for (const element of Array.from(document.querySelectorAll<HTMLElement>('[data-view]'))) {
    element.hidden = element.dataset.view !== view;
  }
  document.body.dataset.currentView = view;
}

/**
 * Shows a typed error (its `type` also goes to `data-error-type`), or clears it with `null`.
 *
 * @example
 * ```ts
 * showError(result.isErr() ? result.error : null);
 * ```
 */
export function showError(error: TypedError | null): void {
  const box = byId('error', HTMLParagraphElement);
  box.hidden = error === null;
  box.textContent = error ? errorText(error) : '';
  if (error) box.dataset.errorType = error.type;
  else delete box.dataset.errorType;
}

/**
 * Shows an informational line, or clears it with `null`.
 *
 * @example
 * ```ts
 * showStatus('Account confirmed: sign in.');
 * ```
 */
export function showStatus(text: string | null): void {
  const box = byId('status', HTMLParagraphElement);
  box.hidden = text === null;
  box.textContent = text ?? '';
}

/**
 * Fills a two-column table from label/value rows (text only: nothing is parsed as HTML).
 *
 * @example
 * ```ts
 * fillTable(byId('claims', HTMLTableElement), [['sub', claims.sub]]);
 * ```
 */
export function fillTable(table: HTMLTableElement, rows: readonly (readonly [string, string])[]): void {
  table.replaceChildren(
    ...rows.map(([label, value]) => {
      const row = document.createElement('tr');
      const head = document.createElement('th');
      const cell = document.createElement('td');
      head.textContent = label;
      cell.textContent = value;
      cell.dataset.claim = label;
      row.append(head, cell);
      return row;
    }),
  );
}

/**
 * Runs a form's action on submit with its buttons disabled, clearing old messages first.
 *
 * @example
 * ```ts
 * onSubmit(form, async () => { ... });
 * ```
 */
export function onSubmit(form: HTMLFormElement, action: () => Promise<void>): void {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(form, action);
  });
}

/**
 * Runs `action` with the buttons of `scope` disabled and the page marked busy (`data-busy`).
 *
 * @example
 * ```ts
 * button.addEventListener('click', () => void busy(section, listBuckets));
 * ```
 */
export async function busy(scope: HTMLElement, action: () => Promise<void>): Promise<void> {
  const buttons = Array.from(scope.querySelectorAll('button'));
  for (const button of buttons) button.disabled = true;
  document.body.dataset.busy = 'true';
  showError(null);
  showStatus(null);
  try {
    await action();
  } catch (thrown) {
    // Public cognito-flow calls never throw; this catches bugs in the page itself and shows them.
    showError({ type: 'PageError', message: thrown instanceof Error ? thrown.message : String(thrown) });
  } finally {
    for (const button of buttons) button.disabled = false;
    delete document.body.dataset.busy;
  }
}
