// argv → handler, in-process: which command's handler runs, with which arguments, for a command line. The real
// registry and declarations, with each handler replaced by one that records its call; `main` does the rest as it
// does for a process (commander, the checks of each command's `parse`, the context, writing, the exit code).
import { describe, expect, it } from 'vitest';
import type { AnyCommand, CommandResult, Context } from '../src/cli/command.js';
import { COMMANDS, type Registry } from '../src/cli/commands/index.js';
import type { Io } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';

const NAMES = Object.keys(COMMANDS);

interface Call {
  name: string;
  ctx: Context;
  input: unknown[];
}

/** The registry with every handler replaced: calls are recorded, and each returns `result`. */
function observed(result: () => CommandResult | Promise<CommandResult> = () => ({ stdout: '' })) {
  const calls: Call[] = [];
  const loaded: string[] = [];
  const registry: Registry = Object.fromEntries(
    Object.entries(COMMANDS as Registry).map(([name, load]) => [
      name,
      async () => {
        loaded.push(name);
        const { command } = await load();
        const handler = async (ctx: Context, ...input: unknown[]) => {
          calls.push({ name, ctx, input });
          return result();
        };
        return { command: { ...command, handler } };
      },
    ]),
  );
  return { registry, calls, loaded };
}

function captureIo(env: Record<string, string> = {}) {
  const out = { stdout: '', stderr: '' };
  const io: Io = {
    env,
    now: () => new Date(Date.UTC(2014, 8, 21, 12)),
    stdout: {
      isTTY: false,
      write: (text) => {
        out.stdout += text;
      },
    },
    stderr: {
      isTTY: false,
      write: (text) => {
        out.stderr += text;
      },
    },
  };
  return { io, out };
}

async function wire(argv: string[], env: Record<string, string> = {}) {
  const { registry, calls, loaded } = observed();
  const { io, out } = captureIo(env);
  const code = await main(argv, io, registry);
  return { code, calls, loaded, ...out };
}

const EXPORT_DEFAULTS = {
  format: 'ics',
  kinds: [],
  alarm: undefined,
  weeks: false,
  method: null,
  name: undefined,
  output: undefined,
};

describe('argv → handler', () => {
  it.each<[string[], string, unknown[]]>([
    [[], 'schedule', [{ kinds: [], upcoming: false, format: 'table' }]],
    [['--date', '2014-09-21'], 'schedule', [{ kinds: [], upcoming: false, format: 'table' }]],
    [['schedule'], 'schedule', [{ kinds: [], upcoming: false, format: 'table' }]],
    [
      ['schedule', '--kind', 'freeze,Milestone', '-k', 'rc', '--upcoming', '-f', 'json'],
      'schedule',
      [{ kinds: ['freeze', 'milestone', 'rc'], upcoming: true, format: 'json' }],
    ],
    [['--kind', 'release'], 'schedule', [{ kinds: ['release'], upcoming: false, format: 'table' }]],
    [['weeks'], 'weeks', [{ all: false, format: 'table' }]],
    [['weeks', '--all', '--format', 'markdown'], 'weeks', [{ all: true, format: 'markdown' }]],
    [['calendar'], 'calendar', [{ month: undefined, months: 1 }]],
    [['calendar', '--month', '2014-09', '-n', '3'], 'calendar', [{ month: '2014-09', months: 3 }]],
    [['info'], 'info', [{ format: 'text' }]],
    [['info', '--format', 'json'], 'info', [{ format: 'json' }]],
    [['next'], 'next', [{ kinds: [], count: undefined, format: 'text' }]],
    [
      ['next', '-k', 'release', '--count', '3', '--format', 'json'],
      'next',
      [{ kinds: ['release'], count: 3, format: 'json' }],
    ],
    [['countdown', 'ff'], 'countdown', ['ff', { format: 'text', plain: false }]],
    [
      ['countdown', 'Release', '-f', 'text', '--plain'],
      'countdown',
      ['Release', { format: 'text', plain: true }],
    ],
    [['phase'], 'phase', [{ format: 'text' }]],
    [['phase', '-f', 'json'], 'phase', [{ format: 'json' }]],
    [['check'], 'check', [{ conditions: [], warnWithin: null, strict: false, format: 'text' }]],
    [
      [
        'check',
        '--until',
        'release',
        '--before',
        'ff',
        '--after',
        'rc1',
        '--before',
        'j-3',
        '-w',
        '7',
        '--strict',
        '-f',
        'github',
      ],
      'check',
      [
        {
          conditions: [
            { condition: 'until', name: 'release' },
            { condition: 'before', name: 'ff' },
            { condition: 'after', name: 'rc1' },
            { condition: 'before', name: 'j-3' },
          ],
          warnWithin: 7,
          strict: true,
          format: 'github',
        },
      ],
    ],
    [
      ['check', '--after', 'rc1', '--warn-within', '0'],
      'check',
      [
        {
          conditions: [{ condition: 'after', name: 'rc1' }],
          warnWithin: 0,
          strict: false,
          format: 'text',
        },
      ],
    ],
    [['validate'], 'validate', [undefined, { format: 'text' }]],
    [['validate', 'my-cycle.yaml', '--format', 'json'], 'validate', ['my-cycle.yaml', { format: 'json' }]],
    [['series'], 'series', [undefined, { filter: 'all', days: null, format: 'table' }]],
    [
      ['series', 'juno', '--eol', '--days', 'eol', '-f', 'csv'],
      'series',
      ['juno', { filter: 'eol', days: 'eol', format: 'csv' }],
    ],
    [['series', '--all'], 'series', [undefined, { filter: 'all', days: null, format: 'table' }]],
    [
      ['series', '--development'],
      'series',
      [undefined, { filter: 'development', days: null, format: 'table' }],
    ],
    [['export'], 'export', [EXPORT_DEFAULTS]],
    [
      ['export', '-o', 'juno.ics', '--kind', 'release,summit', '--alarm', '1d', '--name', 'Juno', '--weeks'],
      'export',
      [
        {
          format: 'ics',
          kinds: ['release', 'summit'],
          alarm: '1d',
          weeks: true,
          method: null,
          name: 'Juno',
          output: 'juno.ics',
        },
      ],
    ],
    [['export', '--method', 'publish'], 'export', [{ ...EXPORT_DEFAULTS, method: 'publish' }]],
    [
      ['export', '--format', 'svg', '-o', '-'],
      'export',
      [{ ...EXPORT_DEFAULTS, format: 'svg', output: '-' }],
    ],
    [['publish', 'site'], 'publish', ['site', { url: null, format: 'text' }]],
    [
      ['publish', 'site', '--url', 'https://example.org/juno', '-f', 'json'],
      'publish',
      ['site', { url: 'https://example.org/juno/', format: 'json' }],
    ],
  ])('%j runs %s with %j', async (argv, name, input) => {
    const run = await wire(argv);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.calls.map((c) => [c.name, c.input])).toEqual([[name, input]]);
  });

  it('completion gets the shell and the program with every command defined', async () => {
    const run = await wire(['completion', 'zsh']);
    expect(run.calls).toHaveLength(1);
    const [shell, program] = (run.calls[0] as Call).input as [string, AnyCommand];
    expect(shell).toBe('zsh');
    expect(program.commands.map((c) => c.name())).toEqual(NAMES);
  });

  it.each<[string[], { today: string; timelineFile: string | undefined; color: boolean }]>([
    [['next'], { today: '2014-09-21', timelineFile: undefined, color: false }],
    [
      ['--timeline', 'my.yaml', '--date', '2014-10-16', '--color', 'always', 'next'],
      { today: '2014-10-16', timelineFile: 'my.yaml', color: true },
    ],
    [
      ['next', '--date=2014-10-16', '--timeline=my.yaml'],
      { today: '2014-10-16', timelineFile: 'my.yaml', color: false },
    ],
    [
      ['--color', 'always', '--no-color', 'next'],
      { today: '2014-09-21', timelineFile: undefined, color: false },
    ],
  ])('global options %j reach the context', async (argv, expected) => {
    const run = await wire(argv);
    expect(run.code).toBe(0);
    const ctx = run.calls[0]?.ctx as Context;
    expect({
      today: ctx.today,
      timelineFile: ctx.timelineFile,
      color: ctx.style.color,
    }).toEqual(expected);
  });

  it('takes today from JUNO_DATE when --date is not given', async () => {
    const run = await wire(['next'], { JUNO_DATE: '2014-10-16', SOURCE_DATE_EPOCH: '315532800' });
    expect(run.calls[0]?.ctx.today).toBe('2014-10-16');
  });
});

describe('argv that runs no handler', () => {
  it.each<[string[], number, string]>([
    [
      ['schedule', 'foo'],
      2,
      'juno: schedule takes no arguments, got "foo"\njuno: hint: see juno schedule --help\n',
    ],
    [
      ['schedle'],
      2,
      'juno: unknown command "schedle"\njuno: hint: did you mean schedule? (see juno --help)\n',
    ],
    [['help', 'nxt'], 2, 'juno: unknown command "nxt"\njuno: hint: did you mean next? (see juno --help)\n'],
    [
      ['nxt', '--count', '3'],
      2,
      'juno: unknown command "nxt"\njuno: hint: did you mean next? (see juno --help)\n',
    ],
    [
      ['countdwon', 'release'],
      2,
      'juno: unknown command "countdwon"\njuno: hint: did you mean countdown? (see juno --help)\n',
    ],
    [['next', '--kind', 'party'], 2, 'juno: unknown kind "party"\n'],
    [['next', '-n', '0'], 2, 'juno: --count "0": expected a whole number, at least 1\n'],
    [
      ['check', '-w', 'soon', '--before', 'ff'],
      2,
      'juno: --warn-within "soon": expected a whole number, at least 0\n',
    ],
    [['calendar', '--month', '2014-13'], 2, 'juno: --month "2014-13": not a month\n'],
    [['calendar', '--months', '37'], 2, 'juno: --months "37": out of range, 1 to 36\n'],
    [['series', '--eol', '--supported'], 2, 'juno: choose one filter, not --supported and --eol\n'],
    [['countdown'], 2, 'juno: countdown needs an argument, <event>\njuno: hint: see juno countdown --help\n'],
    [['completion', 'tcsh'], 2, 'juno: unknown shell "tcsh"\njuno: hint: choose bash, zsh or fish'],
    [['info', '--format', 'csv'], 2, 'juno: unknown format "csv"\n'],
    [['next', '--bogus'], 2, 'juno: next has no option "--bogus"\n'],
    [['--date', '2014-02-30', 'next'], 2, 'juno: --date "2014-02-30": not a calendar date\n'],
    // A command's own usage errors come before those of the global options.
    [['next', '--kind', 'party', '--date', 'bad'], 2, 'juno: unknown kind "party"\n'],
    [['calendar', '--month', 'bad', '--date', 'bad'], 2, 'juno: --month "bad": not a month\n'],
  ])('%j exits %i with %j', async (argv, code, stderr) => {
    const run = await wire(argv);
    expect(run.calls).toEqual([]);
    expect(run.code).toBe(code);
    expect(run.stderr.startsWith(stderr)).toBe(true);
    expect(run.stdout).toBe('');
  });

  it.each([[['--help']], [['help']], [['next', '--help']], [['help', 'export']], [['-V']]])(
    '%j prints to stdout and exits 0',
    async (argv) => {
      const run = await wire(argv);
      expect(run.calls).toEqual([]);
      expect(run.code).toBe(0);
      expect(run.stdout).not.toBe('');
      expect(run.stderr).toBe('');
    },
  );

  it('lists the commands in the order of the registry', async () => {
    const run = await wire(['--help']);
    const listed = [...run.stdout.matchAll(/^ {2}([a-z]+) \[options\]/gm)].map((m) => m[1]);
    // completion-ids is hidden: a helper of the completion scripts.
    expect(listed).toEqual(NAMES.filter((name) => name !== 'completion-ids'));
  });
});

describe('what a handler returns', () => {
  async function returning(result: () => CommandResult | Promise<CommandResult>) {
    const { registry } = observed(result);
    const { io, out } = captureIo();
    const code = await main(['next'], io, registry);
    return { code, ...out };
  }

  it('is written: stdout at once, messages to stderr, its exit code', async () => {
    const run = await returning(() => ({ stdout: 'out\n', messages: ['careful'], exitCode: 1 }));
    expect(run).toEqual({ code: 1, stdout: 'out\n', stderr: 'juno: careful\n' });
  });

  it('may come in pieces, written in order', async () => {
    const run = await returning(() => ({ stdout: ['a', 'b', 'c\n'] }));
    expect(run).toEqual({ code: 0, stdout: 'abc\n', stderr: '' });
  });

  it('may be a failure a person can act on: its message, hint and exit code', async () => {
    const { DataError } = await import('../src/cli/errors.js');
    const run = await returning(() => {
      throw new DataError('t.json: not a timeline', ['line 2: oops'], 'see juno validate');
    });
    expect(run).toEqual({
      code: 3,
      stdout: '',
      stderr: 'juno: t.json: not a timeline\njuno: line 2: oops\njuno: hint: see juno validate\n',
    });
  });

  // Each line is clipped to 1000 characters: on stderr the hint after `juno: hint: `, in juno check's
  // annotation the whole line, `hint: ` included.
  it('may be a failure with lines too long: each is clipped, as stderr and the annotation each clip it', async () => {
    const { DataError } = await import('../src/cli/errors.js');
    const [message, detail, hint] = ['m', 'd', 'h'].map((c) => `${c}:${c.repeat(1200)}`) as [
      string,
      string,
      string,
    ];
    const { registry } = observed(() => {
      throw new DataError(message, [detail], hint);
    });
    const { io, out } = captureIo();
    const code = await main(['check', '--before', 'ff', '--format', 'github'], io, registry);
    const cut = (text: string, length: number) => `${text.slice(0, length - 1)}…`;
    expect({ code, ...out }).toEqual({
      code: 3,
      stdout: `::error title=juno::${cut(message, 1000)}%0A${cut(detail, 1000)}%0A${cut(`hint: ${hint}`, 1000)}\n`,
      stderr: `juno: ${cut(message, 1000)}\njuno: ${cut(detail, 1000)}\njuno: hint: ${cut(hint, 1000)}\n`,
    });
  });

  it('may be an unexpected failure: exit 70 with no stack trace', async () => {
    const run = await returning(() => {
      throw new TypeError('x is undefined');
    });
    expect(run).toEqual({
      code: 70,
      stdout: '',
      stderr:
        'juno: unexpected failure: x is undefined\njuno: hint: please report this with the command you ran\n',
    });
  });
});

describe('the registry', () => {
  it.each(NAMES)('%s is declared under its own name', async (name) => {
    const { command } = await COMMANDS[name as keyof typeof COMMANDS]();
    expect(command.name).toBe(name);
  });

  const handlers: [string, () => Promise<unknown>][] = [
    ['schedule', async () => (await import('../src/cli/commands/schedule.js')).scheduleCommand],
    ['weeks', async () => (await import('../src/cli/commands/weeks.js')).weeksCommand],
    ['calendar', async () => (await import('../src/cli/commands/calendar.js')).calendarCommand],
    ['info', async () => (await import('../src/cli/commands/info.js')).infoCommand],
    ['next', async () => (await import('../src/cli/commands/next.js')).nextCommand],
    ['countdown', async () => (await import('../src/cli/commands/countdown.js')).countdownCommand],
    ['phase', async () => (await import('../src/cli/commands/phase.js')).phaseCommand],
    ['check', async () => (await import('../src/cli/commands/check.js')).checkCommand],
    ['completion', async () => (await import('../src/cli/commands/completion.js')).completionCommand],
    [
      'completion-ids',
      async () => (await import('../src/cli/commands/completion-ids.js')).completionIdsCommand,
    ],
    ['validate', async () => (await import('../src/cli/commands/validate.js')).validateCommand],
    ['series', async () => (await import('../src/cli/commands/series.js')).seriesCommand],
    ['export', async () => (await import('../src/cli/commands/export.js')).exportCommand],
    ['publish', async () => (await import('../src/cli/commands/publish.js')).publishCommand],
    ['update', async () => (await import('../src/cli/commands/update.js')).updateCommand],
  ];
  it('names every command once, each with its handler', async () => {
    expect(handlers.map(([name]) => name)).toEqual(NAMES);
    for (const [name, handler] of handlers) {
      const { command } = await COMMANDS[name as keyof typeof COMMANDS]();
      expect(command.handler, name).toBe(await handler());
    }
  });

  it.each<[string[], string[]]>([
    [[], ['schedule']],
    [['--date', '2014-09-21', '--no-color'], ['schedule']],
    [['next', '--date', '2014-09-21'], ['next']],
    [['--series', 'indri', 'next'], ['next']],
    [['--series=current', '--series', 'x', 'completion-ids'], ['completion-ids']],
    [['--timeline', 'x.json', 'export', '-o', 'x.ics'], ['export']],
    [['next', '--help'], ['next']],
    [['--help'], NAMES],
    [['help', 'next'], NAMES],
    [['completion', 'bash'], NAMES],
    [['nxt'], NAMES],
  ])('%j loads the modules of %j only', async (argv, names) => {
    const run = await wire(argv);
    expect([...run.loaded].sort()).toEqual([...names].sort());
  });
});
