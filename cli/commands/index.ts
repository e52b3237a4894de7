import type { Command } from "./command";
import { checkCommand } from "./check";
import { decodeCommand } from "./decode";
import { correlateCommand } from "./correlate";
import { diagnoseCommand } from "./diagnose";
import { eventsCheckCommand } from "./events-check";
import { explainRoleCommand } from "./explain-role";
import { m2mTokenCommand } from "./m2m-token";
import { policyCheckCommand } from "./policy-check";

/** The subcommands, in the order help lists them. */
export const COMMANDS: readonly Command[] = [decodeCommand, checkCommand, m2mTokenCommand, diagnoseCommand, correlateCommand, explainRoleCommand, policyCheckCommand, eventsCheckCommand];
