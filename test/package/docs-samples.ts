import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
