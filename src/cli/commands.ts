// The CLI's commands as pure-ish functions over the core: they take arguments and a small file
// system interface, and return what to print, so tests run them without spawning processes.
import { parseArgs } from 'node:util';
import { loadDesignText } from '../model/load';
import { DEFAULT_TEMPLATE, TEMPLATES, templateByName } from '../model/templates';
import type { Design } from '../model/schema';
import { generateFiles } from '../generate/files';
import { decodePermalink, encodePermalink, permalinkUrl } from '../share/permalink';
import { loadEnvoyRegistry } from '../validate/envoySchema.node.ts';
import { runValidate } from './validateCommand';
import { IMPORT_USAGE, runImport } from './importCommand';
import { ROUTE_USAGE, runRoute } from './routeCommand';

export interface CliIo {
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
  writeFiles(dir: string, files: Record<string, string>): void;
}

export type CliResult = { code: number; stdout: string; stderr: string };

const ok = (stdout: string): CliResult => ({ code: 0, stdout, stderr: '' });
const fail = (stderr: string, code = 1): CliResult => ({ code, stdout: '', stderr: `${stderr}\n` });

export const USAGE = [
  'Usage:',
  '  cli templates                                  list template names',
  '  cli render [DESIGN.json] [--template NAME] --out DIR',
  '  cli render --link URL_OR_FRAGMENT --out DIR',
  '                                                 write every generated file into DIR',
  '  cli link [DESIGN.json] [--template NAME] [--base URL]',
  '                                                 print the design\'s permalink fragment (#d=…),',
  '                                                 or the whole URL with --base',
  IMPORT_USAGE,
  ROUTE_USAGE,
  '  cli validate FILE                              check a design.json or an Envoy config (JSON/YAML)',
  '                                                 as Envoy would; prints findings as JSON,',
  '                                                 exit 0 without errors, 1 with, 2 on unreadable input',
].join('\n');

export function runCli(argv: string[], io: CliIo): CliResult {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'templates':
        return ok(TEMPLATES.map((t) => `${t.name}\n`).join(''));
      case 'render':
        return render(rest, io);
      case 'route':
        return runRoute(rest, io);
      case 'import':
        return runImport(rest, io);
      case 'validate':
        return runValidate(rest, io, loadEnvoyRegistry());
      case 'link':
        return link(rest, io);
      case undefined:
      case 'help':
      case '--help':
        return ok(`${USAGE}\n`);
      default:
        return fail(`unknown command "${command}"\n${USAGE}`, 2);
    }
  } catch (error) {
    // parseArgs throws on unknown or malformed options.
    return fail(`${(error as Error).message}\n${USAGE}`, 2);
  }
}

function render(args: string[], io: CliIo): CliResult {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' }, template: { type: 'string' }, link: { type: 'string' } },
  });
  if (!values.out) return fail('render: --out DIR is required', 2);
  const design = chosenDesign('render', positionals, values, io);
  if ('usage' in design) return fail(design.usage, 2);
  if ('error' in design) return fail(design.error);
  // Everything is generated before anything is written: bad input writes nothing.
  const files = generateFiles(design.design);
  io.writeFiles(values.out, files);
  return ok(Object.keys(files).map((f) => `wrote ${values.out}/${f}\n`).join(''));
}

/** Prints the permalink of a design file or template: `#d=…`, or `BASE#d=…` with --base. */
function link(args: string[], io: CliIo): CliResult {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { template: { type: 'string' }, base: { type: 'string' } },
  });
  if (positionals.length === 0 && !values.template) return fail('link: give a DESIGN.json or --template NAME', 2);
  const design = chosenDesign('link', positionals, values, io);
  if ('usage' in design) return fail(design.usage, 2);
  if ('error' in design) return fail(design.error);
  return ok(`${values.base === undefined ? `#${encodePermalink(design.design)}` : permalinkUrl(values.base, design.design)}\n`);
}

type Chosen = { design: Design } | { error: string } | { usage: string };

/** The one design a command works on: a DESIGN.json, a --template, a --link, or the default template. */
function chosenDesign(command: string, positionals: string[], values: { template?: string; link?: string }, io: CliIo): Chosen {
  if (positionals.length > 1) return { usage: `${command}: give at most one DESIGN.json` };
  const sources = [positionals.length === 1 && 'a DESIGN.json', values.template !== undefined && '--template', values.link !== undefined && '--link'].filter(Boolean);
  if (sources.length > 1) return { usage: `${command}: give one of ${sources.join(', ')}, not several` };
  if (positionals[0]) return readDesign(positionals[0], io);
  if (values.link !== undefined) return linkDesign(values.link);
  return templateDesign(values.template ?? DEFAULT_TEMPLATE);
}

function linkDesign(input: string): { design: Design } | { error: string } {
  const loaded = decodePermalink(input);
  if (!loaded.ok) return { error: loaded.errors.map((e) => `link: ${e}`).join('\n') };
  return { design: loaded.design };
}

function readDesign(path: string, io: CliIo): { design: Design } | { error: string } {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (error) {
    return { error: `${path}: cannot read: ${(error as Error).message}` };
  }
  const loaded = loadDesignText(text);
  if (!loaded.ok) return { error: loaded.errors.map((e) => `${path}: ${e}`).join('\n') };
  return { design: loaded.design };
}

function templateDesign(name: string): { design: Design } | { error: string } {
  const template = templateByName(name);
  if (!template) return { error: `unknown template "${name}"; one of: ${TEMPLATES.map((t) => t.name).join(', ')}` };
  return { design: template.build() };
}
