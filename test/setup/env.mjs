/**
 * jest setupFiles: defaults for the GitHub clients that tests create in-process, against the
 * loopback fake. GitHub asks for 1 s between writes (3 s between writes that notify people) and
 * the client spaces writes that way by default; against the fake that spacing only costs time
 * (test/providers/github.test.ts took 51 s instead of 3 s). A test that wants the real spacing
 * deletes the variable itself. Child processes (the bundled Action and CLI) get their
 * environment from test/helpers/action.ts and test/helpers/reconcile.ts, not from here.
 */
process.env.GITGRANT_THROTTLE_MIN_TIME_MS ??= '0';
