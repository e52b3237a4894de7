// Everything `npm run fuzz` feeds: lib's parsers of outside input and the sandbox's scenario
// loader. Kept here so lib never depends on the sandbox; the fuzz worker loads this module.
import { FUZZ_TARGETS as LIB_TARGETS } from "../tools/fuzz/targets";
import { SCENARIO_FUZZ_TARGET } from "../tools/fuzz/scenario-target";

export const FUZZ_TARGETS = [...LIB_TARGETS, SCENARIO_FUZZ_TARGET];
