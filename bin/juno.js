#!/usr/bin/env node
// The `juno` executable: the bundled program, started through V8's code cache (see dist/bin.cjs).
require('../dist/bin.cjs');
