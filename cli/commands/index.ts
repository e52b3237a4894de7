import type { Command } from "./command";
import { checkCommand } from "./check";
import { decodeCommand } from "./decode";

/** The subcommands, in the order help lists them. Later: correlate, diagnose. */
export const COMMANDS: readonly Command[] = [decodeCommand, checkCommand];
