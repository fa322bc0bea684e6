#!/usr/bin/env node
import '../dist/juno.js';
