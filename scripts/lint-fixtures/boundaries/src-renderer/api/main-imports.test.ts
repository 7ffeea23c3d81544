// Renderer tests run in Node: they may start a real host and use shared test data, nothing else.
import { it } from 'vitest';
import { startTestHost } from '../../src-main/node/test-host.js';
import { historyEntryFixture } from '../../src-main/core/test-support/history-entry-fixture.js';
import { createCore } from '../../src-main/core/create-core.js'; // ✗ paths
import { runBorg } from '../../src-main/borg/exec.js'; // ✗ paths

it('runs', () => [startTestHost, historyEntryFixture, createCore, runBorg]);
