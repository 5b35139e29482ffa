/** What the page needs to talk to Cognito; the server injects it as JSON into the page. */
export interface WebConfig {
  readonly region: string;
  readonly userPoolId: string;
  /** An app client WITHOUT a secret: a browser cannot keep one. */
  readonly clientId: string;
  readonly identityPoolId: string;
  /** A local endpoint (moto) for every service; absent against AWS. */
  readonly endpoint?: string;
  /** A bucket (with a CORS rule for the page) whose keys the signed-in user may list; optional. */
  readonly bucket?: string;
}

/** The id of the `<script type="application/json">` element holding the {@link WebConfig}. */
export const CONFIG_ELEMENT_ID = 'cognito-flow-config';

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/**
 * Reads and checks the injected config, or says what is wrong with it.
 *
 * @example
 * ```ts
 * const config = readConfig(document.getElementById(CONFIG_ELEMENT_ID)?.textContent);
 * ```
 */
export function readConfig(json: string | null | undefined): WebConfig | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json ?? '');
  } catch {
    return `The page has no valid #${CONFIG_ELEMENT_ID} JSON: start it with npx tsx examples/web/serve.ts`;
  }
  const value = (parsed ?? {}) as Record<string, unknown>;
  const { region, userPoolId, clientId, identityPoolId, endpoint, bucket } = value;
  if (!isText(region) || !isText(userPoolId) || !isText(clientId) || !isText(identityPoolId)) {
    return 'The config needs region, userPoolId, clientId and identityPoolId';
  }
  if (endpoint !== undefined && !isText(endpoint)) return 'The config endpoint must be a URL';
  if (bucket !== undefined && !isText(bucket)) return 'The config bucket must be a bucket name';
  return {
    region,
    userPoolId,
    clientId,
    identityPoolId,
    ...(endpoint ? { endpoint } : {}),
    ...(bucket ? { bucket } : {}),
  };
}
