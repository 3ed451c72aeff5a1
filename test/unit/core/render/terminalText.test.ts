// Note text for a terminal: no control character reaches it, so no escape
// sequence runs; bidi overrides and invisible characters are shown escaped.

import * as assert from 'node:assert/strict';
import { terminalText } from '../../../../src/core/render/terminalText';

describe('terminalText', () => {
  it('escapes control sequences (CSI, OSC 52, OSC 8), C1 and DEL, and keeps tab and line feed', () => {
    assert.equal(terminalText('\u001b[2J\u001b[31mred'), '\\u001b[2J\\u001b[31mred');
    assert.equal(terminalText('\u001b]52;c;ZXZpbA==\u0007'), '\\u001b]52;c;ZXZpbA==\\u0007');
    assert.equal(terminalText('\u001b]8;;https://evil\u001b\\link'), '\\u001b]8;;https://evil\\u001b\\link');
    assert.equal(terminalText('a\u009bb\u007fc\rd'), 'a\\u009bb\\u007fc\\u000dd');
    assert.equal(terminalText('one\ttwo\nthree'), 'one\ttwo\nthree');
  });

  it('shows bidi overrides and invisible characters as they are stored', () => {
    assert.equal(terminalText('invoice\u202efdp.exe'), 'invoice\\u202efdp.exe');
    assert.equal(terminalText('a\u200bb\ufeffc\u2066d'), 'a\\u200bb\\ufeffc\\u2066d');
  });

  it('leaves ordinary text alone, Nordic letters and emoji included; escaped text parses back in JSON', () => {
    const plain = 'Åtgärd för øl — “quoted” 🎉';
    assert.equal(terminalText(plain), plain);
    const hostile = 'x\u001b[1my\u202ez';
    assert.equal(JSON.parse(`"${terminalText(hostile)}"`), hostile);
  });
});
