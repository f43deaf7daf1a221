/**
 * Control Tower proactive controls the platform does not run, each with the reason. Everything
 * else runs on every synth; a failure on one resource is acknowledged on its construct instead.
 */
export const DISABLED_CONTROLS: Readonly<Record<string, string>> = {};
