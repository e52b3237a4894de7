// @vitest-environment happy-dom
import "@/components/test-support/dom";
import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { InlineCode } from "./inline-code";

describe("InlineCode", () => {
  it("shows backticked spans as code and drops the backticks", () => {
    const { container } = render(<p><InlineCode text="verify with `aws sts get-caller-identity`, then `restart`." /></p>);
    expect(container.textContent).toBe("verify with aws sts get-caller-identity, then restart.");
    expect([...container.querySelectorAll("code")].map((c) => c.textContent)).toEqual(["aws sts get-caller-identity", "restart"]);
  });

  it("leaves text without a pair of backticks as written", () => {
    const { container } = render(<p><InlineCode text="a lone ` stays" /></p>);
    expect(container.textContent).toBe("a lone ` stays");
    expect(container.querySelector("code")).toBeNull();
  });
});
