#!/usr/bin/env node
// The `diplograph` binary: a committed launcher, so npm can link it at install time before `prepare` builds dist/.
import "../dist/main.js";
