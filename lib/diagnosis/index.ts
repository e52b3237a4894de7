/** The diagnosis knowledge base: known causes of AWS auth (and nearby) failures, and the matcher. */
export { diagnose } from "./engine";
