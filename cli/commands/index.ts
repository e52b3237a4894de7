import type { Command } from "./command";
import { checkCommand } from "./check";
import { decodeCommand } from "./decode";
import { correlateCommand } from "./correlate";
import { diagnoseCommand } from "./diagnose";
import { policyCheckCommand } from "./policy-check";

/** The subcommands, in the order help lists them. */
export const COMMANDS: readonly Command[] = [decodeCommand, checkCommand, diagnoseCommand, correlateCommand, policyCheckCommand];
