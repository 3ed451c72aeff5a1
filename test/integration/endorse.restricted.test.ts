// Endorse in Restricted Mode (issue 12, item 4), run by the restricted pass.
// With no teamLearnings.authorName the extension has no name to endorse
// with, since it does not ask git in an untrusted workspace, even though the
// repository has a user.name. The warning says that, and offers the two ways
// out: set the name, or trust the workspace. Each button does what it says.
// The note is left as it was.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { api, readText, root } from './helpers';

type Shown = { message: string; items: string[] };
type Call = { id: string; args: unknown[] };

/** Replaces window.showWarningMessage for one call of `body`; records what was shown and answers `answer`. */
async function withWarnings(answer: string | undefined, body: () => PromiseLike<unknown>, shown: Shown[]): Promise<void> {
  const window = vscode.window as unknown as Record<string, unknown>;
  const original = window.showWarningMessage;
  window.showWarningMessage = (message: string, ...rest: unknown[]) => {
    const items = rest.filter((r): r is string => typeof r === 'string');
    shown.push({ message, items });
    return Promise.resolve(items.find((i) => i === answer));
  };
  try {
    await body();
  } finally {
    window.showWarningMessage = original;
  }
}

/** Records the workbench commands `run` starts (for openSettings and trust), without running them. */
async function withCommandsRecorded(names: string[], run: (calls: Call[]) => Promise<void>): Promise<Call[]> {
  const commands = vscode.commands as unknown as Record<string, unknown>;
  const original = vscode.commands.executeCommand;
  const calls: Call[] = [];
  commands.executeCommand = (id: string, ...args: unknown[]) => {
    if (names.includes(id)) {
      calls.push({ id, args });
      return Promise.resolve(undefined);
    }
    return original.call(vscode.commands, id, ...args);
  };
  try {
    await run(calls);
  } finally {
    commands.executeCommand = original;
  }
  return calls;
}

describe('Restricted Mode: Endorse with no name set', function () {
  this.timeout(30_000);
  let notePath: string;
  let original: string;

  before(async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the runner opened the folder in Restricted Mode');
    // git knows a name: only Restricted Mode keeps the extension from it.
    execFileSync('git', ['-C', root().fsPath, 'config', 'user.name', 'Repo Configured Name']);
    const configured = vscode.workspace.getConfiguration('teamLearnings', root()).get<string>('authorName', '');
    assert.equal(configured.trim(), '', 'teamLearnings.authorName is not set in this workspace');
    const note = (await (await api()).service.ready()).notes().find((n) => !n.endorsed.includes('Repo Configured Name'));
    assert.ok(note, 'a demo note');
    notePath = note.path;
    original = await readText(notePath);
  });

  after(async () => {
    assert.equal(await readText(notePath), original, 'the note is unchanged');
  });

  it('says why (no git author in Restricted Mode) and offers the setting and trust', async () => {
    const shown: Shown[] = [];
    await withWarnings(undefined, () => vscode.commands.executeCommand('teamLearnings.endorseNote', { note: notePath }), shown);
    const warning = await waitForShown(shown);
    assert.match(warning.message, /Restricted Mode/, `the message says Restricted Mode: ${warning.message}`);
    assert.match(warning.message, /\bgit\b/, `the message says git is not asked: ${warning.message}`);
    assert.match(warning.message, /teamLearnings\.authorName/, `the message names the setting: ${warning.message}`);
    assert.match(warning.message, /trust/i, `the message offers trust: ${warning.message}`);
    assert.deepEqual(warning.items, ['Set Your Name', 'Manage Workspace Trust']);
  });

  it('"Set Your Name" opens the setting; "Manage Workspace Trust" opens trust', async () => {
    for (const [answer, command, args] of [
      ['Set Your Name', 'workbench.action.openSettings', ['teamLearnings.authorName']],
      ['Manage Workspace Trust', 'workbench.trust.manage', []],
    ] as const) {
      const shown: Shown[] = [];
      const calls = await withCommandsRecorded(['workbench.action.openSettings', 'workbench.trust.manage'], (calls) =>
        withWarnings(answer, async () => {
          await vscode.commands.executeCommand('teamLearnings.endorseNote', { note: notePath });
          await waitForShown(shown);
          // The button's command runs after the message resolves.
          const deadline = Date.now() + 5_000;
          while (Date.now() < deadline && !calls.length) await new Promise((r) => setTimeout(r, 50));
        }, shown),
      );
      assert.deepEqual(calls, [{ id: command, args }], `after "${answer}"`);
    }
  });
});

async function waitForShown(shown: Shown[]): Promise<Shown> {
  const deadline = Date.now() + 5_000;
  while (!shown.length) {
    if (Date.now() > deadline) throw new Error('no warning was shown');
    await new Promise((r) => setTimeout(r, 50));
  }
  return shown[0];
}
