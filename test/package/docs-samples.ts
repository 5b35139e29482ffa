import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

/** One fenced `ts`/`typescript` block of a markdown guide. */
export interface DocSample {
  /** Markdown file, relative to the repository root (as failures name it). */
  readonly file: string;
  /** 1-based line, in the markdown file, of the block's first line of code. */
  readonly line: number;
  readonly code: string;
  /** Why the block is not type-checked, from `<!-- docs-samples: skip (reason) -->` on the line before the fence. */
  readonly skip?: string;
}

/** Samples of one markdown file, and the mistakes in its `docs-samples` markers. */
export interface ExtractedSamples {
  readonly samples: readonly DocSample[];
  /** `file:line: message` for malformed markers, skips without a reason, and markers on no TypeScript block. */
  readonly problems: readonly string[];
}

const fenceOpen = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)/;
const marker = /^\s*<!--\s*docs-samples\b(.*?)-->\s*$/;
const skipMarker = /^:\s*skip\s*\((.*)\)\s*$/;
const typescriptTags = new Set(['ts', 'typescript']);

/** Whether `line` closes a block opened with `fence`: the same character, at least as many, nothing after. */
function closes(line: string, fence: string): boolean {
  const trimmed = line.trim();
  return trimmed.length >= fence.length && trimmed === (fence[0] ?? '`').repeat(trimmed.length);
}

/**
 * Every fenced block tagged `ts` or `typescript` in `markdown`, with the line it starts on and its opt-out.
 * Fences may be indented (in a list item); the indentation of the opening fence is removed from the code.
 */
export function extractSamples(file: string, markdown: string): ExtractedSamples {
  const lines = markdown.split(/\r?\n/);
  const samples: DocSample[] = [];
  const problems: string[] = [];
  let pendingSkip: { reason: string; line: number } | undefined;
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index] ?? '';
    const markerMatch = marker.exec(text);
    if (markerMatch) {
      const skip = skipMarker.exec((markerMatch[1] ?? '').trim());
      const reason = skip?.[1]?.trim() ?? '';
      if (!skip)
        problems.push(`${file}:${index + 1}: malformed marker, write <!-- docs-samples: skip (reason) -->`);
      else if (reason === '') problems.push(`${file}:${index + 1}: a docs-samples skip must give a reason`);
      else pendingSkip = { reason, line: index + 1 };
      continue;
    }
    const open = fenceOpen.exec(text);
    if (!open) {
      if (pendingSkip && text.trim() !== '') {
        problems.push(
          `${file}:${pendingSkip.line}: docs-samples marker is not on the line before a ts block`,
        );
        pendingSkip = undefined;
      }
      continue;
    }
    const indent = (open[1] ?? '').length;
    const fence = open[2] ?? '```';
    const tag = (open[3] ?? '').toLowerCase();
    const body: string[] = [];
    let end = index + 1;
    for (; end < lines.length; end++) {
      const candidate = lines[end] ?? '';
      if (closes(candidate, fence)) break;
      body.push(candidate.slice(Math.min(indent, candidate.length - candidate.trimStart().length)));
    }
    const isTypeScript = typescriptTags.has(tag);
    if (pendingSkip && (!isTypeScript || pendingSkip.line !== index)) {
      problems.push(`${file}:${pendingSkip.line}: docs-samples marker is not on the line before a ts block`);
    }
    if (isTypeScript) {
      const skip = pendingSkip?.line === index ? pendingSkip.reason : undefined;
      samples.push({ file, line: index + 2, code: body.join('\n'), ...(skip === undefined ? {} : { skip }) });
    }
    pendingSkip = undefined;
    index = end;
  }
  if (pendingSkip)
    problems.push(`${file}:${pendingSkip.line}: docs-samples marker is not on the line before a ts block`);
  return { samples, problems };
}

/** The compiler options of a tsconfig (paths, custom conditions and all), made to check without emitting. */
export function compilerOptionsOf(tsconfigPath: string): ts.CompilerOptions {
  const config = ts.readConfigFile(tsconfigPath, (path) => ts.sys.readFile(path));
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(tsconfigPath));
  return {
    ...parsed.options,
    noEmit: true,
    // A block without imports is still its own module: its declarations must not leak into the next one.
    moduleDetection: ts.ModuleDetectionKind.Force,
  };
}

/** Where a sample lives while it is checked: next to its markdown file, so relative imports and node_modules resolve. */
function virtualPath(root: string, sample: DocSample): string {
  return join(root, `${sample.file}.L${sample.line}.ts`);
}

// Parsed library and source files, shared by every program this process builds (they do not change during a run).
const parsedFiles = new Map<string, ts.SourceFile | undefined>();

function cached(read: ts.CompilerHost['getSourceFile']): ts.CompilerHost['getSourceFile'] {
  return (path, languageVersion, onError, shouldCreate) => {
    const key = `${path}\0${JSON.stringify(languageVersion)}`;
    if (!parsedFiles.has(key)) parsedFiles.set(key, read(path, languageVersion, onError, shouldCreate));
    return parsedFiles.get(key);
  };
}

/**
 * Type-checks every sample that is not skipped as its own module, in one `ts.Program`, and returns the
 * failures as `file.md:line: message` (line in the markdown file), in document order.
 */
export function checkSamples(
  root: string,
  samples: readonly DocSample[],
  options: ts.CompilerOptions,
): string[] {
  const virtual = new Map<string, DocSample>();
  for (const sample of samples) if (sample.skip === undefined) virtual.set(virtualPath(root, sample), sample);
  const host = ts.createCompilerHost(options, true);
  const { fileExists, readFile } = host;
  const getLibraryFile = cached(host.getSourceFile.bind(host));
  host.fileExists = (path) => virtual.has(path) || fileExists.call(host, path);
  host.readFile = (path) => virtual.get(path)?.code ?? readFile.call(host, path);
  host.getSourceFile = (path, languageVersion, onError, shouldCreate) => {
    const sample = virtual.get(path);
    if (sample) return ts.createSourceFile(path, sample.code, languageVersion, true);
    return getLibraryFile(path, languageVersion, onError, shouldCreate);
  };
  const program = ts.createProgram({ rootNames: [...virtual.keys()], options, host });
  const failures: string[] = [];
  for (const diagnostic of [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()]) {
    failures.push(`compiler: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`);
  }
  for (const [path, sample] of virtual) {
    const source = program.getSourceFile(path);
    if (!source) {
      failures.push(`${sample.file}:${sample.line}: the compiler did not load this block`);
      continue;
    }
    const diagnostics = [
      ...program.getSyntacticDiagnostics(source),
      ...program.getSemanticDiagnostics(source),
    ];
    for (const diagnostic of diagnostics) {
      const offset =
        diagnostic.start === undefined ? 0 : source.getLineAndCharacterOfPosition(diagnostic.start).line;
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
      failures.push(`${sample.file}:${sample.line + offset}: TS${diagnostic.code}: ${message}`);
    }
  }
  return failures;
}

/** One `--pretty false` diagnostic line of tsc: `path(line,col): error TSnnnn: message`, or a global `error TSnnnn: …`. */
const tscDiagnostic = /^(?:(.+?)\((\d+),\d+\): )?error TS(\d+): (.*)$/;

/**
 * The same check as {@link checkSamples}, through a `tsc` command line instead of the compiler API (which
 * TypeScript 7, the native compiler, does not ship): the samples are written as files under
 * `node_modules/.cache` (so packages resolve as from the repository), compiled with `tsconfigPath`'s options
 * by `node tscPath -p`, and the output is read back as `file.md:line: TSnnnn: message`. Diagnostics outside
 * the samples, and a compiler that fails without any, come back as `compiler: …`.
 */
export function checkSamplesWithTsc(
  root: string,
  samples: readonly DocSample[],
  tsconfigPath: string,
  tscPath: string,
): string[] {
  const checked = samples.filter((sample) => sample.skip === undefined);
  if (checked.length === 0) return [];
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'docs-samples-'));
  try {
    const byPath = new Map<string, DocSample>();
    for (const sample of checked) {
      const path = virtualPath(dir, sample);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, sample.code);
      byPath.set(relative(dir, path), sample);
    }
    const config = {
      extends: tsconfigPath,
      compilerOptions: { noEmit: true, moduleDetection: 'force' },
      include: [],
      files: [...byPath.keys()],
    };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config));
    const run = spawnSync(process.execPath, [tscPath, '-p', 'tsconfig.json', '--pretty', 'false'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const failures: string[] = [];
    let last = -1;
    for (const line of `${run.stdout ?? ''}`.split(/\r?\n/)) {
      const match = tscDiagnostic.exec(line);
      if (!match) {
        // Continuation lines (a message chain, indented) belong to the diagnostic above.
        if (last >= 0 && line.trim() !== '') failures[last] += ` ${line.trim()}`;
        continue;
      }
      const [, path, lineNumber, code, message] = match;
      const sample = path === undefined ? undefined : byPath.get(path);
      const text = `TS${code}: ${message}`;
      const where = sample
        ? `${sample.file}:${sample.line + Number(lineNumber) - 1}: `
        : `compiler: ${path === undefined ? '' : `${path}(${lineNumber}): `}`;
      last = failures.push(`${where}${text}`) - 1;
    }
    if (failures.length === 0 && run.status !== 0) {
      const detail = `${run.error?.message ?? ''} ${run.stderr ?? ''} ${run.stdout ?? ''}`.trim();
      failures.push(`compiler: ${tscPath} exited with ${run.status ?? run.signal}: ${detail.slice(0, 500)}`);
    }
    return failures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** README.md and every docs/*.md guide, relative to the repository root. */
export function markdownFiles(root: string, docs: readonly string[]): string[] {
  return ['README.md', ...docs.filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)].filter(
    (file) => existsSync(join(root, file)),
  );
}

/** Reads and extracts the samples of one markdown file. */
export function samplesOf(root: string, file: string): ExtractedSamples {
  return extractSamples(file, readFileSync(join(root, file), 'utf8'));
}
