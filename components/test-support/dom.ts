/**
 * Imported by every view test (which runs in happy-dom, by its `@vitest-environment` docblock):
 * jest-dom's matchers (toBeDisabled, toHaveAccessibleName…) and an unmounted page between tests,
 * as a fresh page load would give.
 */
import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

afterEach(() => cleanup());
